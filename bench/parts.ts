// The parts of `npm run bench`, in the order they run and appear in docs/benchmarks.md.
import { amplifyRoundTrips } from './amplify-round-trips.ts'
import { browserRoundTrips } from './browser-round-trips.ts'
import { firstScreen } from './first-screen.ts'
import { localPool } from './local-pool.ts'
import type { BenchPart } from './part.ts'
import { poolSoak } from './pool-soak.ts'

export const parts: ReadonlyArray<{ key: string; run: BenchPart }> = [
  // The first screen against its baselines (issue 14, part 1).
  { key: 'firstScreen', run: firstScreen },
  { key: 'browserRoundTrips', run: browserRoundTrips },
  { key: 'amplifyRoundTrips', run: amplifyRoundTrips },
  { key: 'localPool', run: localPool },
  { key: 'poolSoak', run: poolSoak },
]

// The local pool's soak and growth measurements (issue 9), as parts of `npm run bench`:
// scripts/bench-soak.ts and scripts/bench-growth.ts do the work and still run alone.
import { createPoolBlocking } from '../scripts/bench-growth.ts'
import { runSoak } from '../scripts/bench-soak.ts'
import type { BenchPart } from './part.ts'
import { ms, table } from './table.ts'

export const poolSoak: BenchPart = async ({ smoke, log }) => {
  const options = smoke ? { seconds: 2, clients: 2, usersPerClient: 2 } : { seconds: 20, clients: 4, usersPerClient: 8 }
  log(`  soak: ${options.clients} clients for ${options.seconds} s`)
  const soak = await runSoak(options)
  log('  growth: DescribeUserPool behind CreateUserPool')
  const growth = await createPoolBlocking(smoke ? 2 : 5, smoke ? 1 : 7)
  const { seconds, clients, requests, failures, failureKinds, rssMiB, stateKiB } = soak
  const failed = Object.entries(failureKinds).map(([kind, count]) => `${kind} ×${count}`)
  return {
    key: 'poolSoak',
    title: 'Local pool soak (its own process, --state, a realistic mix)',
    markdown: [
      `${clients} concurrent clients for ${seconds.toFixed(0)} s: ${requests} requests, ${(requests / seconds).toFixed(0)}/s, ` +
        `${failures} failed${failed.length ? ` (${failed.join(', ')})` : ''}; RSS ${rssMiB.start.toFixed(0)} → ${rssMiB.end.toFixed(0)} MiB; ` +
        `state files ${stateKiB.start.toFixed(0)} → ${stateKiB.end.toFixed(0)} KiB. Each client signs in with SRP and a TOTP code ` +
        'when one of its users has a fresh step, then 4 GetUser, 2 refreshes and a sign-up (scripts/bench-soak.ts).',
      '',
      table(
        ['operation', 'requests', 'p50 ms', 'p99 ms'],
        soak.perOperation.map((row) => [row.operation, row.count, ms(row.p50), ms(row.p99)]),
        ['left', 'right', 'right', 'right'],
      ),
      '',
      table(
        ['measurement', 'figure'],
        growth.map((row) => [row.measurement, row.figure]),
      ),
    ].join('\n'),
    data: { soak, growth },
  }
}

import type { Sessions } from '../auth/sessions.ts'
import type { Clock } from '../state/clock.ts'
import type { Store } from '../state/store.ts'
import type { Input } from '../validate.ts'

/** What every operation may use; passed in, so tests give a memory store and a fixed clock. */
export type Deps = {
  store: Store
  sessions: Sessions
  clock: Clock
  /** The `iss` claim for a pool: this server's own base URL + pool id (docs/cognito-behaviour.md#token-claims). */
  issuer(poolId: string): string
  /** Lines for the person running the emulator (confirmation and SMS codes). Never secrets or tokens. */
  log(line: string): void
}

/** One wire operation: a Cognito request body in, a Cognito response body out. No HTTP here. */
export type Operation = (input: Input, deps: Deps) => Promise<object>

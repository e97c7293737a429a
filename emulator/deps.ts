import type { Sessions } from './auth/sessions.ts'
import type { UnknownNames } from './auth/unknown-names.ts'
import type { SigningKeySupply } from './signing-keys.ts'
import type { Clock } from './state/clock.ts'
import type { Store } from './state/store.ts'

/**
 * What every operation and the sign-in machinery may use; passed in, so tests give a memory
 * store and a fixed clock. Its own module: `auth/` needs it too, and importing it from
 * `operations/` (which imports `auth/`) made the two folders import each other.
 */
export type Deps = {
  store: Store
  sessions: Sessions
  /** Wrong-password and sign-up code counts for names no pool user has (docs/cognito-behaviour.md#unknown-users). */
  unknownNames: UnknownNames
  clock: Clock
  /** RSA keys for new pools, made off the request queue (signing-keys.ts). */
  signingKeys: SigningKeySupply
  /** The `iss` claim for a pool: this server's own base URL + pool id (docs/cognito-behaviour.md#token-claims). */
  issuer(poolId: string): string
  /**
   * The AWS region the request was signed for (request-region.ts): new pools are `<region>_…`. Set per
   * request by handle.ts; absent (us-east-1) in tests that call an operation directly.
   */
  region?: string
  /** Lines for the person running the emulator (confirmation and SMS codes). Never secrets or tokens. */
  log(line: string): void
}

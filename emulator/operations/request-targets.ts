import type { ClientRecord, PoolRecord, UserRecord } from '../state/model.ts'
import { requiredString, type Untrusted } from '../validate.ts'
import type { Deps } from '../deps.ts'

// The pool, client and user a request names (their limits: member-rules.ts).

/** The pool named by `UserPoolId` (the SigV4 admin and pool operations). */
export function requestedPool(input: Untrusted<{ UserPoolId: string | undefined }>, deps: Deps): PoolRecord {
  return deps.store.requirePool(requiredString(input, 'UserPoolId'))
}

/** The app client named by `ClientId` (the public operations), and its pool. */
export function requestedClient(input: Untrusted<{ ClientId: string | undefined }>, deps: Deps): { client: ClientRecord; pool: PoolRecord } {
  const client = deps.store.requireClient(requiredString(input, 'ClientId'))
  return { client, pool: deps.store.requirePool(client.poolId) }
}

/** The user named by `Username` (a username, alias or sub) in `pool`. */
export function requestedUser(pool: PoolRecord, input: Untrusted<{ Username: string | undefined }>, deps: Deps): UserRecord {
  return deps.store.requireUser(pool, requiredString(input, 'Username'))
}

/**
 * The user named by `Username`, or undefined when `pool` has none: for the operations that must not
 * tell an unknown name from a user (docs/cognito-behaviour.md#unknown-users). `name` is the name as sent.
 */
export function findRequestedUser(
  pool: PoolRecord,
  input: Untrusted<{ Username: string | undefined }>,
  deps: Deps,
): { name: string; user?: UserRecord } {
  const name = requiredString(input, 'Username')
  return { name, user: deps.store.findUser(pool, name) }
}

import type { Deps } from '../deps.ts'
import type { UserRecord } from '../state/model.ts'
import { passwordAttemptChanges } from './password.ts'

/**
 * A wrong MFA code (at sign-in, at MFA_SETUP, or verifying a new authenticator) counts toward
 * the same per-user lockout as a wrong password, across sessions, so the five tries each
 * session allows cannot add up to unlimited guesses over many sessions
 * (docs/cognito-behaviour.md#wrong-mfa-codes). Returns the stored record.
 */
export function countWrongCode(deps: Deps, user: UserRecord): UserRecord {
  return deps.store.updateUser(user, passwordAttemptChanges(user, false, deps.clock))
}

import { cognitoError } from '../errors.ts'
import type { Clock } from '../state/clock.ts'
import type { UserRecord } from '../state/model.ts'

// Per user and per hour, across codes: a new code must not buy five more guesses
// (docs/cognito-behaviour.md#confirmation-code-limits).
const WINDOW_MS = 3600_000
const LIMITS = { wrongCodes: 10, resends: 5 } as const

export type ConfirmationAttempt = keyof typeof LIMITS
type Attempts = NonNullable<UserRecord['confirmationAttempts']>
/** A user, or the counts kept for a name the pool does not know (unknown-names.ts). */
type Counted = Pick<UserRecord, 'confirmationAttempts'>

/** The counts of the current hour; an hour that has run out counts as none, and the next begins now. */
function thisHour(user: Counted, now: number): Attempts {
  const attempts = user.confirmationAttempts
  if (!attempts || now >= attempts.since + WINDOW_MS) return { since: now, wrongCodes: 0, resends: 0 }
  return attempts
}

/** Refuses, unchecked and uncounted, once the hour's limit for `kind` is reached. */
export function refuseOverConfirmationLimit(user: Counted, kind: ConfirmationAttempt, clock: Clock): void {
  if (thisHour(user, clock.now())[kind] >= LIMITS[kind]) {
    throw cognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.')
  }
}

/** The change that counts one more `kind` in this hour (the caller stores it). */
export function confirmationAttemptCounted(user: Counted, kind: ConfirmationAttempt, clock: Clock): Pick<UserRecord, 'confirmationAttempts'> {
  const attempts = thisHour(user, clock.now())
  return { confirmationAttempts: { ...attempts, [kind]: attempts[kind] + 1 } }
}

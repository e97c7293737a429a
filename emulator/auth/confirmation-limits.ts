import { cognitoError } from '../errors.ts'
import type { Clock } from '../state/clock.ts'
import type { HourlyCodeAttempts, UserRecord } from '../state/model.ts'

// Per user and per hour, across codes: a new code must not buy more guesses
// (docs/cognito-behaviour.md#confirmation-code-limits). Sign-up codes and password-reset codes are
// counted apart, each with its own limits (docs/cognito-behaviour.md#password-reset-codes).
const WINDOW_MS = 3600_000
const LIMITS = { wrongCodes: 10, resends: 5 } as const
/** ForgotPassword codes asked for and ConfirmForgotPassword codes mistyped, per hour. */
export const RESET_LIMITS = { wrongCodes: 5, resends: 5 } as const

export type ConfirmationAttempt = keyof typeof LIMITS
type Limits = Readonly<Record<ConfirmationAttempt, number>>
/** A user, or the counts kept for a name the pool does not know (unknown-names.ts). */
type Counted = Pick<UserRecord, 'confirmationAttempts'>

/** The counts of the current hour; an hour that has run out counts as none, and the next begins now. */
function thisHour(attempts: HourlyCodeAttempts | undefined, now: number): HourlyCodeAttempts {
  if (!attempts || now >= attempts.since + WINDOW_MS) return { since: now, wrongCodes: 0, resends: 0 }
  return attempts
}

/** Refuses, unchecked and uncounted, once the hour's limit for `kind` is reached. */
export function refuseOverLimit(attempts: HourlyCodeAttempts | undefined, kind: ConfirmationAttempt, limits: Limits, clock: Clock): void {
  if (thisHour(attempts, clock.now())[kind] >= limits[kind]) {
    throw cognitoError('LimitExceededException', 'Attempt limit exceeded, please try after some time.')
  }
}

/** The counts with one more `kind` in this hour (the caller stores them). */
export function attemptCounted(attempts: HourlyCodeAttempts | undefined, kind: ConfirmationAttempt, clock: Clock): HourlyCodeAttempts {
  const hour = thisHour(attempts, clock.now())
  return { ...hour, [kind]: hour[kind] + 1 }
}

/** Refuses, unchecked and uncounted, once the hour's limit of sign-up `kind` is reached. */
export function refuseOverConfirmationLimit(user: Counted, kind: ConfirmationAttempt, clock: Clock): void {
  refuseOverLimit(user.confirmationAttempts, kind, LIMITS, clock)
}

/** The change that counts one more sign-up `kind` in this hour (the caller stores it). */
export function confirmationAttemptCounted(user: Counted, kind: ConfirmationAttempt, clock: Clock): Pick<UserRecord, 'confirmationAttempts'> {
  return { confirmationAttempts: attemptCounted(user.confirmationAttempts, kind, clock) }
}

import type { Clock } from '../state/clock.ts'
import type { UserRecord } from '../state/model.ts'
import { cognitoError } from '../errors.ts'
import { attemptCounted, confirmationAttemptCounted, refuseOverConfirmationLimit, refuseOverLimit, RESET_LIMITS } from './confirmation-limits.ts'
import { passwordAttemptChanges, refuseWhileLockedOut } from './password.ts'
import { codeMismatch, expiredCode, RESET_CODE_VALIDITY_MS } from './password-reset.ts'

/** How many unknown names are remembered; beyond it the one tried longest ago is forgotten. */
export const UNKNOWN_NAMES_REMEMBERED = 10_000

/** A sign-up code takes five tries, as users.ts issues it. */
const CODE_TRIES = 5

/** What a real user's record counts, kept for a name the pool does not know. */
type Counts = Pick<UserRecord, 'failedPasswordAttempts' | 'lockedUntil' | 'confirmationAttempts' | 'passwordResetAttempts'> & {
  /** Tries left on the code a real user would hold (undefined: a fresh one). */
  codeTriesLeft?: number
  /** When the reset code a real user would hold runs out (epoch ms; undefined: none was asked for). */
  resetCodeExpiresAt?: number
}

/**
 * Wrong passwords, wrong sign-up and password-reset codes and new codes asked for names a pool does not
 * know, counted with the same rules as a real user's (docs/cognito-behaviour.md#lockout,
 * docs/cognito-behaviour.md#confirmation-code-limits), so neither "Password attempts exceeded"
 * nor "Attempt limit exceeded" tells a real user from an unknown name
 * (docs/cognito-behaviour.md#unknown-users). In memory only, and bounded: anyone may try any
 * number of names, and none of them is worth a line in the state file.
 */
export class UnknownNames {
  // A Map iterates in insertion order: re-inserting on every attempt keeps the least recently
  // tried name first, which is the one to forget.
  private counts = new Map<string, Counts>()

  constructor(
    private clock: Clock,
    private capacity: number = UNKNOWN_NAMES_REMEMBERED,
  ) {}

  /** Throws `Password attempts exceeded` while the name whose `unknownNameKey` is `nameKey` is locked out in the pool. */
  refuseWhileLockedOut(poolId: string, nameKey: string): void {
    const counts = this.counts.get(key(poolId, nameKey))
    if (counts) refuseWhileLockedOut(counts, this.clock)
  }

  /** Counts a wrong password for that name: an unknown name never has the right one. */
  recordFailure(poolId: string, nameKey: string): void {
    const counts = this.read(poolId, nameKey)
    this.write(poolId, nameKey, { ...counts, ...passwordAttemptChanges(counts, false, this.clock) })
  }

  /**
   * A sign-up code for that name, which is always wrong: answered as for an unconfirmed user whose
   * code is wrong (CodeMismatchException), spent after five tries (ExpiredCodeException until a new
   * code is asked for), and within the same hourly limit (LimitExceededException).
   */
  refuseConfirmationCode(poolId: string, nameKey: string): never {
    const counts = this.read(poolId, nameKey)
    const triesLeft = counts.codeTriesLeft ?? CODE_TRIES
    if (triesLeft <= 0) throw cognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.')
    refuseOverConfirmationLimit(counts, 'wrongCodes', this.clock)
    this.write(poolId, nameKey, { ...counts, ...confirmationAttemptCounted(counts, 'wrongCodes', this.clock), codeTriesLeft: triesLeft - 1 })
    throw cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.')
  }

  /** A new sign-up code "sent" for that name: five tries again, within the same hourly limit of new codes. */
  issueConfirmationCode(poolId: string, nameKey: string): void {
    const counts = this.read(poolId, nameKey)
    refuseOverConfirmationLimit(counts, 'resends', this.clock)
    this.write(poolId, nameKey, { ...counts, ...confirmationAttemptCounted(counts, 'resends', this.clock), codeTriesLeft: CODE_TRIES })
  }

  /**
   * A password-reset code "sent" for that name (ForgotPassword): within the same hourly limit of
   * codes asked for as a user's, and "valid" for the same hour (docs/cognito-behaviour.md#unknown-users).
   */
  issuePasswordResetCode(poolId: string, nameKey: string): void {
    const counts = this.read(poolId, nameKey)
    refuseOverLimit(counts.passwordResetAttempts, 'resends', RESET_LIMITS, this.clock)
    this.write(poolId, nameKey, {
      ...counts,
      passwordResetAttempts: attemptCounted(counts.passwordResetAttempts, 'resends', this.clock),
      resetCodeExpiresAt: this.clock.now() + RESET_CODE_VALIDITY_MS,
    })
  }

  /**
   * ConfirmForgotPassword for that name, whose code is always wrong: answered as for a user whose
   * code is wrong (CodeMismatchException), or who holds none or an expired one (ExpiredCodeException),
   * within the same hourly limit of wrong codes (LimitExceededException).
   */
  refusePasswordResetCode(poolId: string, nameKey: string): never {
    const counts = this.read(poolId, nameKey)
    if (counts.resetCodeExpiresAt === undefined || counts.resetCodeExpiresAt <= this.clock.now()) throw expiredCode()
    refuseOverLimit(counts.passwordResetAttempts, 'wrongCodes', RESET_LIMITS, this.clock)
    this.write(poolId, nameKey, { ...counts, passwordResetAttempts: attemptCounted(counts.passwordResetAttempts, 'wrongCodes', this.clock) })
    throw codeMismatch()
  }

  get size(): number {
    return this.counts.size
  }

  private read(poolId: string, nameKey: string): Counts {
    return this.counts.get(key(poolId, nameKey)) ?? { failedPasswordAttempts: 0 }
  }

  private write(poolId: string, nameKey: string, counts: Counts): void {
    const id = key(poolId, nameKey)
    this.counts.delete(id)
    this.counts.set(id, counts)
    if (this.counts.size > this.capacity) {
      const oldest = this.counts.keys().next().value
      if (oldest !== undefined) this.counts.delete(oldest)
    }
  }
}

// NUL cannot occur in a pool id, so no two (pool, name) pairs share a key.
function key(poolId: string, nameKey: string): string {
  return `${poolId}\u0000${nameKey}`
}

import { createVerifier, passwordMatchesVerifier, poolNameOf } from '../domain/srp.ts'
import { cognitoError, notAuthorized } from '../errors.ts'
import type { Clock } from '../state/clock.ts'
import type { PasswordPolicy, PoolRecord, UserRecord } from '../state/model.ts'

export const defaultPasswordPolicy: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
}

const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/

/**
 * Throws InvalidPasswordException with AWS's wording when the pool's policy is not met
 * (docs/cognito-behaviour.md#signup-and-password-policy).
 */
export function enforcePasswordPolicy(policy: PasswordPolicy, password: string): void {
  const fail = (why: string) => {
    throw cognitoError('InvalidPasswordException', `Password did not conform with policy: ${why}`)
  }
  if (password.length < policy.MinimumLength) fail('Password not long enough')
  if (password.length > 256) fail('Password too long')
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) fail('Password must have uppercase characters')
  if (policy.RequireLowercase && !/[a-z]/.test(password)) fail('Password must have lowercase characters')
  if (policy.RequireNumbers && !/[0-9]/.test(password)) fail('Password must have numeric characters')
  if (policy.RequireSymbols && !SYMBOLS.test(password)) fail('Password must have symbol characters')
}

/** The SRP salt and verifier for a password; the password itself is never stored. */
export function passwordVerifier(pool: PoolRecord, username: string, password: string): UserRecord['srp'] {
  return createVerifier(poolNameOf(pool.id), username, password)
}

const FREE_FAILURES = 5
const MAX_LOCK_SECONDS = 15 * 60

/** What a lockout counts: a user's, or an unknown name's (auth/unknown-names.ts). */
export type PasswordAttempts = Pick<UserRecord, 'failedPasswordAttempts' | 'lockedUntil'>

/**
 * During a lockout every password or MFA code is refused without being checked
 * (docs/cognito-behaviour.md#lockout, docs/cognito-behaviour.md#wrong-mfa-codes).
 */
export function refuseWhileLockedOut(user: PasswordAttempts, clock: Clock): void {
  if (user.lockedUntil !== undefined && clock.now() < user.lockedUntil) {
    throw notAuthorized('Password attempts exceeded')
  }
}

export type PasswordAttemptChanges = PasswordAttempts

/**
 * How a password attempt changes the user (the caller stores it). After five failures in a row
 * the user is locked out for 1 s, then 2 s, 4 s … up to 15 minutes, as Cognito does; a success
 * resets the count. Wrong MFA codes count as failures too (docs/cognito-behaviour.md#wrong-mfa-codes).
 */
export function passwordAttemptChanges(user: PasswordAttempts, succeeded: boolean, clock: Clock): PasswordAttemptChanges {
  if (succeeded) return { failedPasswordAttempts: 0, lockedUntil: undefined }
  const failedPasswordAttempts = user.failedPasswordAttempts + 1
  if (failedPasswordAttempts < FREE_FAILURES) return { failedPasswordAttempts, lockedUntil: user.lockedUntil }
  const seconds = Math.min(2 ** (failedPasswordAttempts - FREE_FAILURES), MAX_LOCK_SECONDS)
  return { failedPasswordAttempts, lockedUntil: clock.now() + seconds * 1000 }
}

/** USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH and ChangePassword check against the same verifier as SRP. */
export function passwordMatches(pool: PoolRecord, user: UserRecord, password: string): boolean {
  return passwordMatchesVerifier(poolNameOf(pool.id), user.username, password, user.srp.saltHex, user.srp.verifierHex)
}

/** The changes that end a lockout, or undefined when there is none to end (nothing to store). */
export function lockoutCleared(user: UserRecord): PasswordAttemptChanges | undefined {
  if (user.failedPasswordAttempts === 0 && user.lockedUntil === undefined) return undefined
  return { failedPasswordAttempts: 0, lockedUntil: undefined }
}

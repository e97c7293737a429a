import type { ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider'
import { attemptCounted, refuseOverLimit, RESET_LIMITS } from '../auth/confirmation-limits.ts'
import { enforcePasswordPolicy, passwordVerifier } from '../auth/password.ts'
import { codeMismatch, expiredCode } from '../auth/password-reset.ts'
import { unknownNameKey } from '../auth/unknown-users.ts'
import { cognitoError, notAuthorized } from '../errors.ts'
import { optionalString, requiredString } from '../validate.ts'
import { requireSecretHash } from '../auth/client-secret.ts'
import type { Operation } from './operation.ts'
import { findRequestedUser, requestedClient } from './request-targets.ts'

/**
 * The code from ForgotPassword or AdminResetUserPassword and a new password: the password is set, the
 * code spent, a lockout ended, and a user who had to reset or change a password is CONFIRMED. The
 * authenticator, the MFA settings and the user's refresh tokens stay as they were
 * (docs/cognito-behaviour.md#confirmforgotpassword).
 */
export const confirmForgotPassword: Operation<ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse> = async (input, deps) => {
  const { client, pool } = requestedClient(input, deps)
  const { name, user } = findRequestedUser(pool, input, deps)
  requireSecretHash(client, optionalString(input, 'SecretHash'), [name, user?.username, user?.sub])
  const code = requiredString(input, 'ConfirmationCode')
  const password = requiredString(input, 'Password')
  if (!user || !user.enabled) {
    if (client.preventUserExistenceErrors !== 'ENABLED') {
      if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
      throw notAuthorized('User is disabled.')
    }
  }
  // The policy is the pool's, the same for every name: checked first, so a password that breaks it
  // costs no try of the code and tells nothing about the name (docs/cognito-behaviour.md#unknown-users).
  enforcePasswordPolicy(pool.passwordPolicy, password)
  if (!user || !user.enabled) {
    // Always throws: answered as a user whose code is wrong, or who asked for none.
    return deps.unknownNames.refusePasswordResetCode(pool.id, unknownNameKey(pool, name))
  }
  const expected = user.passwordResetCode
  if (!expected || expected.expiresAt <= deps.clock.now()) throw expiredCode()
  refuseOverLimit(user.passwordResetAttempts, 'wrongCodes', RESET_LIMITS, deps.clock)
  if (code !== expected.code) {
    deps.store.updateUser(user, { passwordResetAttempts: attemptCounted(user.passwordResetAttempts, 'wrongCodes', deps.clock) })
    throw codeMismatch()
  }
  deps.store.updateUser(user, {
    srp: passwordVerifier(pool, user.username, password),
    status: 'CONFIRMED',
    passwordResetCode: undefined,
    // A proven code ends the lockout but keeps the count, so the next failure locks again, for longer:
    // whoever holds the mailbox must not buy five more guesses at the MFA code with each reset
    // (docs/cognito-behaviour.md#lockout).
    lockedUntil: undefined,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return {}
}

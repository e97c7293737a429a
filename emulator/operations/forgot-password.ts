import type { ForgotPasswordRequest, ForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider'
import { attemptCounted, refuseOverLimit, RESET_LIMITS } from '../auth/confirmation-limits.ts'
import { issuePasswordResetCode, resetDestination } from '../auth/password-reset.ts'
import { simulatedDelivery, unknownNameKey } from '../auth/unknown-users.ts'
import { cognitoError, invalidParameter, notAuthorized } from '../errors.ts'
import { optionalString } from '../validate.ts'
import { requireSecretHash } from '../auth/client-secret.ts'
import type { Operation } from './operation.ts'
import { findRequestedUser, requestedClient } from './request-targets.ts'

/**
 * A password-reset code to the user's verified email (printed here), which replaces any earlier
 * one; ConfirmForgotPassword takes it (docs/cognito-behaviour.md#forgotpassword). A client with a
 * secret needs SecretHash (docs/cognito-behaviour.md#client-secrets); ClientMetadata, AnalyticsMetadata
 * and UserContextData are accepted and not read, as SignUp does: this emulator has no Lambda triggers or
 * threat protection.
 */
export const forgotPassword: Operation<ForgotPasswordRequest, ForgotPasswordResponse> = async (input, deps) => {
  const { client, pool } = requestedClient(input, deps)
  const { name, user } = findRequestedUser(pool, input, deps)
  requireSecretHash(client, optionalString(input, 'SecretHash'), [name, user?.username, user?.sub])
  const destination = user ? resetDestination(user) : undefined
  if (!user || !user.enabled || !destination) {
    if (client.preventUserExistenceErrors !== 'ENABLED') {
      if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
      if (!user.enabled) throw notAuthorized('User is disabled.')
      throw invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number')
    }
    // A name that cannot get a code is answered as one that does: a delivery "sent" to a masked
    // address, within the same hourly limit (docs/cognito-behaviour.md#unknown-users).
    deps.unknownNames.issuePasswordResetCode(pool.id, unknownNameKey(pool, name))
    return { CodeDeliveryDetails: simulatedDelivery(pool, name) }
  }
  // Each code is a new chance to guess: so few an hour (docs/cognito-behaviour.md#password-reset-codes).
  refuseOverLimit(user.passwordResetAttempts, 'resends', RESET_LIMITS, deps.clock)
  const passwordResetCode = issuePasswordResetCode(deps, user, destination)
  deps.store.updateUser(user, { passwordResetCode, passwordResetAttempts: attemptCounted(user.passwordResetAttempts, 'resends', deps.clock) })
  return { CodeDeliveryDetails: destination.details }
}

import type { AdminResetUserPasswordRequest, AdminResetUserPasswordResponse } from '@aws-sdk/client-cognito-identity-provider'
import { issuePasswordResetCode, resetDestination } from '../auth/password-reset.ts'
import { notAuthorized } from '../errors.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/**
 * The user's password stops working for sign-in (RESET_REQUIRED: PasswordResetRequiredException once
 * it is proven) and a reset code goes to a verified address, if there is one; ConfirmForgotPassword
 * with it sets a new password (docs/cognito-behaviour.md#adminresetuserpassword). An administrator's
 * reset is not counted towards the hourly limit of codes. ClientMetadata is not read (no Lambda triggers).
 */
export const adminResetUserPassword: Operation<AdminResetUserPasswordRequest, AdminResetUserPasswordResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  if (user.status === 'UNCONFIRMED' || user.status === 'FORCE_CHANGE_PASSWORD') {
    throw notAuthorized('User password cannot be reset in the current state.')
  }
  const destination = resetDestination(user)
  if (!destination) deps.log(`Password reset for ${user.username}: no verified email or phone number, so no code was sent`)
  deps.store.updateUser(user, {
    status: 'RESET_REQUIRED',
    // Without an address the earlier code, if any, is spent all the same: the reset starts over.
    passwordResetCode: destination ? issuePasswordResetCode(deps, user, destination) : undefined,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return {}
}

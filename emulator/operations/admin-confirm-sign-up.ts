import type { AdminConfirmSignUpRequest, AdminConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider'
import { notAuthorized } from '../errors.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

export const adminConfirmSignUp: Operation<AdminConfirmSignUpRequest, AdminConfirmSignUpResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`)
  deps.store.updateUser(user, {
    status: 'CONFIRMED',
    confirmationCode: undefined,
    confirmationAttempts: undefined,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return {}
}

import type { AdminSetUserPasswordRequest, AdminSetUserPasswordResponse } from '@aws-sdk/client-cognito-identity-provider'
import { enforcePasswordPolicy, passwordVerifier } from '../auth/password.ts'
import { optionalBoolean, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

export const adminSetUserPassword: Operation<AdminSetUserPasswordRequest, AdminSetUserPasswordResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  const password = requiredString(input, 'Password')
  const permanent = optionalBoolean(input, 'Permanent') ?? false
  enforcePasswordPolicy(pool.passwordPolicy, password)
  deps.store.updateUser(user, {
    srp: passwordVerifier(pool, user.username, password),
    status: permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
    failedPasswordAttempts: 0,
    lockedUntil: undefined,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return {}
}

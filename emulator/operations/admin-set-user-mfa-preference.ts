import type { AdminSetUserMFAPreferenceRequest, AdminSetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider'
import { mfaPreference } from '../auth/mfa-preference.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

export const adminSetUserMFAPreference: Operation<AdminSetUserMFAPreferenceRequest, AdminSetUserMFAPreferenceResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  deps.store.updateUser(user, { mfa: mfaPreference(input, pool, user), lastModifiedAt: Math.floor(deps.clock.now() / 1000) })
  return {}
}

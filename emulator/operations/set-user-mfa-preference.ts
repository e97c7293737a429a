import type { SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse } from '@aws-sdk/client-cognito-identity-provider'
import { mfaPreference } from '../auth/mfa-preference.ts'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

export const setUserMFAPreference: Operation<SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse> = async (input, deps) => {
  const { pool, user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  deps.store.updateUser(user, { mfa: mfaPreference(input, pool, user), lastModifiedAt: Math.floor(deps.clock.now() / 1000) })
  return {}
}

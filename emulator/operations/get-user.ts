import type { GetUserRequest, GetUserResponse } from '@aws-sdk/client-cognito-identity-provider'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { attributeList, mfaSettings } from './shapes.ts'

/** What Amplify's fetchMFAPreference and fetchUserAttributes read (docs/cognito-behaviour.md#getuser). */
export const getUser: Operation<GetUserRequest, GetUserResponse> = async (input, deps) => {
  const { user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  return { Username: user.username, UserAttributes: attributeList(user), ...mfaSettings(user) }
}

import type { GlobalSignOutRequest, GlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/**
 * Revokes every refresh token of the user and the access tokens issued with them
 * (docs/cognito-behaviour.md#revocation).
 */
export const globalSignOut: Operation<GlobalSignOutRequest, GlobalSignOutResponse> = async (input, deps) => {
  const { user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  deps.store.revokeAllForUser(user)
  deps.store.updateUser(user, { tokensRevokedAt: Math.floor(deps.clock.now() / 1000) })
  return {}
}

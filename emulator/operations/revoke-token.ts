import type { RevokeTokenRequest, RevokeTokenResponse } from '@aws-sdk/client-cognito-identity-provider'
import { cognitoError } from '../errors.ts'
import { requireClientSecret } from '../auth/client-secret.ts'
import { optionalString, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/** Revokes one refresh token and the access tokens carrying its origin_jti (docs/cognito-behaviour.md#revocation). */
export const revokeToken: Operation<RevokeTokenRequest, RevokeTokenResponse> = async (input, deps) => {
  const token = requiredString(input, 'Token')
  const client = deps.store.requireClient(requiredString(input, 'ClientId'))
  requireClientSecret(client, optionalString(input, 'ClientSecret'))
  if (token.split('.').length === 3)
    throw cognitoError('UnsupportedTokenTypeException', 'Unsupported token type: only refresh tokens can be revoked.')
  if (!client.enableTokenRevocation) {
    throw cognitoError('UnsupportedOperationException', 'Token revocation is not enabled for this client.')
  }
  const family = deps.store.findRefreshToken(token)
  // An unknown or already revoked token is simply gone: nothing to tell the caller.
  if (!family) return {}
  if (family.clientId !== client.clientId) throw cognitoError('UnauthorizedException', 'Token was not issued to this client.')
  deps.store.updateRefreshToken(family, { revoked: true })
  return {}
}

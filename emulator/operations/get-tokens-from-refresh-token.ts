import type { GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse } from '@aws-sdk/client-cognito-identity-provider'
import { refreshTokens } from '../auth/refresh.ts'
import { requireClientSecret } from '../auth/client-secret.ts'
import { optionalString, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedClient } from './request-targets.ts'

/** What aws-amplify ≥ 6.15.4 refreshes with (docs/cognito-behaviour.md#refresh-tokens). */
export const getTokensFromRefreshToken: Operation<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse> = async (input, deps) => {
  const refreshToken = requiredString(input, 'RefreshToken')
  const { client, pool } = requestedClient(input, deps)
  const clientSecret = optionalString(input, 'ClientSecret')
  // This operation sends the secret itself, not a hash (docs/cognito-behaviour.md#client-secrets); it is
  // checked before the token, so a caller without it cannot tell a valid token from a revoked one.
  requireClientSecret(client, clientSecret)
  const deviceKey = optionalString(input, 'DeviceKey')
  return { AuthenticationResult: await refreshTokens(deps, pool, client, refreshToken, undefined, deviceKey) }
}

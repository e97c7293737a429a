import { cognitoError, notAuthorized } from '../errors.ts'
import type { Deps } from '../deps.ts'
import type { ClientRecord, PoolRecord, UserRecord } from '../state/model.ts'
import { refuseUnusableAccount } from './sign-in.ts'
import { issueTokens, requireRefreshFamily, type AuthenticationResult } from './tokens.ts'

/**
 * New access and ID tokens for a refresh token, as both InitiateAuth REFRESH_TOKEN_AUTH and
 * GetTokensFromRefreshToken give them (docs/cognito-behaviour.md#refresh-tokens): same origin_jti and auth_time, no
 * new RefreshToken (no rotation).
 */
export async function refreshTokens(
  deps: Deps,
  pool: PoolRecord,
  client: ClientRecord,
  refreshToken: string,
  /**
   * The client secret's check where it needs the token's user (a SECRET_HASH, auth/client-secret.ts):
   * given that user, or undefined when the token names no user of this client. GetTokensFromRefreshToken
   * checks its ClientSecret itself, before calling this.
   */
  checkSecret?: (user: UserRecord | undefined) => void,
): Promise<AuthenticationResult> {
  const held = deps.store.findRefreshToken(refreshToken)
  const holder = held?.clientId === client.clientId ? deps.store.findUserBySub(pool.id, held.sub) : undefined
  // The secret first: a caller without it must not learn whether a token is valid, revoked or
  // its user disabled (docs/cognito-behaviour.md#client-secrets).
  checkSecret?.(holder)
  // A disabled user's refresh is refused as such, before the revocation that came with it
  // (docs/cognito-behaviour.md#admindisableuser).
  if (holder && !holder.enabled) throw notAuthorized('User is disabled.')
  const family = requireRefreshFamily(deps, refreshToken, client.clientId)
  const user = deps.store.findUserBySub(pool.id, family.sub)
  if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
  refuseUnusableAccount(user)
  return issueTokens(deps, pool, client, user, family)
}

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
  /** The client secret's check, which needs the token's user (auth/client-secret.ts). */
  checkSecret: (user: UserRecord) => void,
): Promise<AuthenticationResult> {
  // A disabled user's refresh is refused as such, before the revocation that came with it
  // (docs/cognito-behaviour.md#admindisableuser).
  const held = deps.store.findRefreshToken(refreshToken)
  const holder = held?.clientId === client.clientId ? deps.store.findUserBySub(pool.id, held.sub) : undefined
  if (holder && !holder.enabled) throw notAuthorized('User is disabled.')
  const family = requireRefreshFamily(deps, refreshToken, client.clientId)
  const user = deps.store.findUserBySub(pool.id, family.sub)
  if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
  checkSecret(user)
  refuseUnusableAccount(user)
  return issueTokens(deps, pool, client, user, family)
}

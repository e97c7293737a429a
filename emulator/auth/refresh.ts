import { cognitoError, notAuthorized } from '../errors.ts'
import type { Deps } from '../deps.ts'
import type { ClientRecord, PoolRecord, RefreshRecord, UserRecord } from '../state/model.ts'
import { findDevice } from './devices.ts'
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
  /** DEVICE_KEY (InitiateAuth) or DeviceKey (GetTokensFromRefreshToken), as sent. */
  deviceKey?: string,
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
  refuseOtherDevice(user, family, deviceKey)
  return issueTokens(deps, pool, client, user, family)
}

/**
 * A refresh token of a sign-in made on a device is bound to it once it is confirmed: it answers only with
 * that DEVICE_KEY, and no longer once the device is forgotten (docs/cognito-behaviour.md#remembered-devices).
 * A key issued but never confirmed binds nothing: clients without device support (the CLI) refresh as
 * before, also after the key is dropped for newer ones (MAX_UNCONFIRMED_DEVICES). A missing device of a
 * family not marked unconfirmed (ConfirmDevice clears the mark; older state files have none) was
 * forgotten.
 */
function refuseOtherDevice(user: UserRecord, family: RefreshRecord, deviceKey: string | undefined): void {
  if (family.deviceKey === undefined) return
  const device = findDevice(user, family.deviceKey)
  if (!device) {
    if (family.deviceUnconfirmed === true) return
    throw notAuthorized('Invalid Refresh Token')
  }
  if (device.srp !== undefined && deviceKey !== family.deviceKey) throw notAuthorized('Invalid Refresh Token')
}

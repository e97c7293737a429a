import { groupsByPrecedence } from './group-order.ts'
import { randomUUID } from 'node:crypto'
import { newRefreshToken, signJwt, verifyJwt } from '../domain/tokens.ts'
import { cognitoError, notAuthorized } from '../errors.ts'
import type { Deps } from '../deps.ts'
import type { ClientRecord, GroupRecord, PoolRecord, RefreshRecord, UserRecord } from '../state/model.ts'

export type AuthenticationResult = {
  AccessToken: string
  ExpiresIn: number
  TokenType: 'Bearer'
  IdToken: string
  RefreshToken?: string
  /** A sign-in from a device the pool does not know yet, in a pool that tracks devices (docs/cognito-behaviour.md#remembered-devices). */
  NewDeviceMetadata?: { DeviceKey: string; DeviceGroupKey: string }
}

const SCOPE = 'aws.cognito.signin.user.admin'

/**
 * Access and ID tokens with the claims of docs/cognito-behaviour.md#token-claims, for a new sign-in or a
 * refresh of `family`. `device`: the device a new sign-in was made on, which its access tokens name
 * (`device_key`) and its refresh token is bound to once the device is confirmed
 * (docs/cognito-behaviour.md#remembered-devices).
 */
export async function issueTokens(
  deps: Deps,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  family?: RefreshRecord,
  device?: { key: string; confirmed: boolean },
): Promise<AuthenticationResult> {
  const nowMs = deps.clock.now()
  const iat = Math.floor(nowMs / 1000)
  let refreshToken: string | undefined
  if (!family) {
    family = {
      token: newRefreshToken(),
      poolId: pool.id,
      clientId: client.clientId,
      sub: user.sub,
      originJti: randomUUID(),
      authTime: iat,
      expiresAt: nowMs + client.refreshTokenValiditySeconds * 1000,
      revoked: false,
      ...(device !== undefined ? { deviceKey: device.key, ...(device.confirmed ? {} : { deviceUnconfirmed: true }) } : {}),
    }
    deps.store.saveRefreshToken(family)
    refreshToken = family.token
  }
  // origin_jti/jti only when the client revokes tokens (docs/cognito-behaviour.md#token-claims); Amplify's
  // signOut calls RevokeToken only when it sees origin_jti.
  const revocation = client.enableTokenRevocation ? { origin_jti: family.originJti } : {}
  const common = { sub: user.sub, iss: deps.issuer(pool.id), auth_time: family.authTime, iat }
  const groups = groupClaims(deps, user)
  const accessToken = await signJwt(pool.signingKey, {
    ...common,
    ...revocation,
    client_id: client.clientId,
    event_id: randomUUID(),
    token_use: 'access',
    scope: SCOPE,
    exp: iat + client.accessTokenValiditySeconds,
    jti: randomUUID(),
    username: user.username,
    ...groups.access,
    ...(family.deviceKey !== undefined ? { device_key: family.deviceKey } : {}),
  })
  const idToken = await signJwt(pool.signingKey, {
    ...idTokenAttributes(user),
    ...common,
    ...revocation,
    aud: client.clientId,
    token_use: 'id',
    'cognito:username': user.username,
    ...groups.id,
    exp: iat + client.idTokenValiditySeconds,
    jti: randomUUID(),
  })
  return {
    AccessToken: accessToken,
    ExpiresIn: client.accessTokenValiditySeconds,
    TokenType: 'Bearer',
    IdToken: idToken,
    ...(refreshToken ? { RefreshToken: refreshToken } : {}),
  }
}

/**
 * The user's groups as token claims (docs/cognito-behaviour.md#groups): `cognito:groups` in both tokens,
 * lowest precedence first; in the ID token `cognito:roles` (every role of those groups) and
 * `cognito:preferred_role` (the role of the group with the lowest precedence that has one, left out when
 * two such groups tie with different roles), only when a group has a RoleArn. No groups, no claims.
 */
function groupClaims(deps: Deps, user: UserRecord): { access: Record<string, unknown>; id: Record<string, unknown> } {
  const groups = groupsByPrecedence(
    (user.groups ?? []).map((name) => deps.store.findGroup(user.poolId, name)).filter((group): group is GroupRecord => group !== undefined),
  )
  if (groups.length === 0) return { access: {}, id: {} }
  const names = { 'cognito:groups': groups.map((group) => group.name) }
  const withRoles = groups.filter((group) => group.roleArn !== undefined)
  if (withRoles.length === 0) return { access: names, id: names }
  const roles = [...new Set(withRoles.map((group) => group.roleArn as string))]
  const first = withRoles[0]
  const tied = withRoles.filter((group) => group.precedence === first.precedence && group.roleArn !== first.roleArn)
  const preferred = tied.length === 0 ? { 'cognito:preferred_role': first.roleArn } : {}
  return { access: names, id: { ...names, 'cognito:roles': roles, ...preferred } }
}

/** User attributes as ID token claims: *_verified as JSON booleans (docs/cognito-behaviour.md#token-claims). */
function idTokenAttributes(user: UserRecord): Record<string, unknown> {
  const claims: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub') continue
    claims[name] = name.endsWith('_verified') ? value === 'true' : value
  }
  return claims
}

export type AccessContext = { pool: PoolRecord; client: ClientRecord; user: UserRecord; claims: Record<string, unknown> }

/** Every check of docs/cognito-behaviour.md#access-token-checks, in its order, on each call that takes an AccessToken. */
export async function requireAccessToken(deps: Deps, token: string): Promise<AccessContext> {
  const unverified = decodePayload(token)
  const poolId = typeof unverified?.iss === 'string' ? unverified.iss.split('/').pop() : undefined
  const pool = poolId ? deps.store.findPool(poolId) : undefined
  if (!pool) throw notAuthorized('Invalid Access Token')
  // Verified at time zero so an expired token still passes here and gets its own message below.
  const claims = await verifyJwt(pool.signingKey, token, 0)
  if (!claims || claims.token_use !== 'access' || claims.iss !== deps.issuer(pool.id)) {
    throw notAuthorized('Invalid Access Token')
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= deps.clock.now()) {
    throw notAuthorized('Access Token has expired')
  }
  const client = typeof claims.client_id === 'string' ? findClient(deps, claims.client_id, pool.id) : undefined
  if (!client) throw notAuthorized('Invalid Access Token')
  const user = deps.store.findUserBySub(pool.id, String(claims.sub))
  if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
  if (isRevoked(deps, user, claims)) throw notAuthorized('Access Token has been revoked')
  if (typeof claims.scope !== 'string' || !claims.scope.split(' ').includes(SCOPE)) {
    throw notAuthorized('Access Token does not have required scopes')
  }
  if (!user.enabled) throw notAuthorized('User is disabled.')
  return { pool, client, user, claims }
}

function isRevoked(deps: Deps, user: UserRecord, claims: Record<string, unknown>): boolean {
  if (typeof claims.origin_jti === 'string') {
    const family = deps.store.findFamily(claims.origin_jti)
    return !family || family.revoked
  }
  return user.tokensRevokedAt !== undefined && Number(claims.iat) <= user.tokensRevokedAt
}

function findClient(deps: Deps, clientId: string, poolId: string): ClientRecord | undefined {
  try {
    return deps.store.requireClient(clientId, poolId)
  } catch {
    return undefined
  }
}

/** Reads the payload without trusting it, only to find which pool's key must verify it. */
function decodePayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** A refresh token's family, checked for use by `clientId` (docs/cognito-behaviour.md#refresh-tokens). */
export function requireRefreshFamily(deps: Deps, token: string, clientId: string): RefreshRecord {
  const family = deps.store.findRefreshToken(token)
  if (!family || family.clientId !== clientId) throw notAuthorized('Invalid Refresh Token')
  if (family.revoked) throw notAuthorized('Refresh Token has been revoked')
  if (family.expiresAt <= deps.clock.now()) throw notAuthorized('Refresh Token has expired')
  return family
}

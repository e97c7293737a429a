import type { AssociateSoftwareTokenRequest } from '@aws-sdk/client-cognito-identity-provider'
import { cognitoError, invalidParameter } from '../errors.ts'
import type { Deps } from '../deps.ts'
import type { ClientRecord, PoolRecord, UserRecord } from '../state/model.ts'
import { optionalString, type Untrusted } from '../validate.ts'
import type { SessionRecord } from './sessions.ts'
import { requireAccessToken } from './tokens.ts'

/** Who calls AssociateSoftwareToken / VerifySoftwareToken: a signed-in user, or a sign-in in MFA_SETUP. */
export type TotpCaller = { user: UserRecord; session?: undefined } | { user: UserRecord; session: SessionRecord; client: ClientRecord }

/**
 * Exactly one of AccessToken or Session; neither carries a ClientId
 * (docs/cognito-behaviour.md#associatesoftwaretoken-and-verifysoftwaretoken),
 * so pool and client come from the token or the session. Both need TOTP on in the pool
 * (docs/cognito-behaviour.md#totp-on-the-pool).
 */
export async function requireTotpCaller(input: Untrusted<AssociateSoftwareTokenRequest>, deps: Deps): Promise<TotpCaller> {
  const accessToken = optionalString(input, 'AccessToken')
  const sessionId = optionalString(input, 'Session')
  if ((accessToken === undefined) === (sessionId === undefined)) {
    throw invalidParameter('Exactly one of AccessToken or Session must be provided.')
  }
  if (accessToken !== undefined) {
    const { pool, user } = await requireAccessToken(deps, accessToken)
    refuseWithoutTotp(pool)
    return { user }
  }
  const session = deps.sessions.require(sessionId, { challenge: 'MFA_SETUP' })
  const pool = deps.store.requirePool(session.poolId)
  const client = deps.store.requireClient(session.clientId)
  const user = deps.store.findUserBySub(pool.id, session.sub)
  if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
  refuseWithoutTotp(pool)
  return { user, session, client }
}

function refuseWithoutTotp(pool: PoolRecord): void {
  if (pool.mfaConfiguration === 'OFF' || !pool.softwareTokenMfaEnabled) {
    throw cognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.')
  }
}

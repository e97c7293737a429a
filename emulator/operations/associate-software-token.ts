import { requireAccessToken } from '../auth/tokens.ts'
import { generateTotpSecret } from '../domain/totp.ts'
import { cognitoError, invalidParameter } from '../errors.ts'
import type { PoolRecord } from '../state/model.ts'
import { optionalString } from '../validate.ts'
import type { Operation } from './operation.ts'

/**
 * A new pending secret each call (contract §7.4). With a Session (MFA_SETUP during
 * sign-in) it also answers with a new Session, which Amplify needs for the next step.
 */
export const associateSoftwareToken: Operation = async (input, deps) => {
  const accessToken = optionalString(input, 'AccessToken')
  const sessionId = optionalString(input, 'Session', { min: 20, max: 2048 })
  if ((accessToken === undefined) === (sessionId === undefined)) {
    throw invalidParameter('Exactly one of AccessToken or Session must be provided.')
  }
  if (accessToken !== undefined) {
    const { pool, user } = await requireAccessToken(deps, accessToken)
    refuseWithoutTotp(pool)
    user.totp.pendingSecret = generateTotpSecret()
    deps.store.saveUser(user)
    return { SecretCode: user.totp.pendingSecret }
  }
  const session = deps.sessions.require(sessionId, { challenge: 'MFA_SETUP' })
  if (session.mfaSetupStage === 'verified') throw invalidParameter('The software token for this session is already verified.')
  const pool = deps.store.requirePool(session.poolId)
  const client = deps.store.requireClient(session.clientId)
  const user = deps.store.findUserBySub(pool.id, session.sub)
  if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
  refuseWithoutTotp(pool)
  user.totp.pendingSecret = generateTotpSecret()
  deps.store.saveUser(user)
  const next = deps.sessions.next(session, { mfaSetupStage: 'verify' }, client.authSessionValidityMinutes)
  return { SecretCode: user.totp.pendingSecret, Session: next.id }
}

/** Associate and Verify both need TOTP on in the pool (contract §6). */
export function refuseWithoutTotp(pool: PoolRecord): void {
  if (pool.mfaConfiguration === 'OFF' || !pool.softwareTokenMfaEnabled) {
    throw cognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.')
  }
}

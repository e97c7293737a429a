import { requireAccessToken } from '../auth/tokens.ts'
import { matchTotpStep } from '../domain/totp.ts'
import { cognitoError, invalidParameter } from '../errors.ts'
import type { UserRecord } from '../state/model.ts'
import { optionalString, requiredString } from '../validate.ts'
import { refuseWithoutTotp } from './associate-software-token.ts'
import type { Operation } from './operation.ts'

/** Contract §7.5: the pending secret becomes the active one when the code matches. */
export const verifySoftwareToken: Operation = async (input, deps) => {
  const code = requiredString(input, 'UserCode', { min: 6, max: 6, pattern: /^[0-9]+$/ })
  const deviceName = optionalString(input, 'FriendlyDeviceName', { max: 131072 })
  const accessToken = optionalString(input, 'AccessToken')
  const sessionId = optionalString(input, 'Session', { min: 20, max: 2048 })
  if ((accessToken === undefined) === (sessionId === undefined)) {
    throw invalidParameter('Exactly one of AccessToken or Session must be provided.')
  }

  if (accessToken !== undefined) {
    const { pool, user } = await requireAccessToken(deps, accessToken)
    refuseWithoutTotp(pool)
    if (!verify(user, code, deps.clock.now())) {
      throw cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA')
    }
    activate(user, deviceName)
    deps.store.saveUser(user)
    return { Status: 'SUCCESS' }
  }

  const session = deps.sessions.require(sessionId, { challenge: 'MFA_SETUP' })
  if (session.mfaSetupStage !== 'verify') throw cognitoError('NotAuthorizedException', 'Invalid session for the user.')
  const client = deps.store.requireClient(session.clientId)
  const user = deps.store.findUserBySub(session.poolId, session.sub)
  if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
  refuseWithoutTotp(deps.store.requirePool(session.poolId))
  if (!verify(user, code, deps.clock.now())) {
    // The session survives a wrong code, so the user can try again (contract §4.1).
    deps.sessions.failedTry(session)
    throw cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA')
  }
  activate(user, deviceName)
  deps.store.saveUser(user)
  const next = deps.sessions.next(session, { mfaSetupStage: 'verified' }, client.authSessionValidityMinutes)
  return { Status: 'SUCCESS', Session: next.id }
}

function verify(user: UserRecord, code: string, nowMs: number): boolean {
  if (!user.totp.pendingSecret) {
    throw invalidParameter('There is no software token to verify: call AssociateSoftwareToken first.')
  }
  const step = matchTotpStep(user.totp.pendingSecret, code, nowMs)
  if (step === null) return false
  // The step is spent: the same code cannot then sign in (contract §6, replay).
  user.totp.lastUsedStep = Math.max(step, user.totp.lastUsedStep ?? step)
  return true
}

function activate(user: UserRecord, deviceName: string | undefined): void {
  user.totp.activeSecret = user.totp.pendingSecret
  user.totp.pendingSecret = undefined
  user.totp.deviceName = deviceName || undefined
}

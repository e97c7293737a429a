import { requireTotpCaller } from '../auth/totp-caller.ts'
import { matchTotpStep } from '../domain/totp.ts'
import { cognitoError, invalidParameter, notAuthorized } from '../errors.ts'
import type { UserRecord } from '../state/model.ts'
import { optionalString, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/** The pending secret becomes the active one when the code matches (docs/cognito-behaviour.md#authenticator-setup). */
export const verifySoftwareToken: Operation = async (input, deps) => {
  const code = requiredString(input, 'UserCode', { min: 6, max: 6, pattern: /^[0-9]+$/ })
  const deviceName = optionalString(input, 'FriendlyDeviceName', { max: 131072 })
  const caller = await requireTotpCaller(input, deps)
  const { user, session } = caller
  if (session && session.mfaSetupStage !== 'verify') throw notAuthorized('Invalid session for the user.')
  if (!verify(user, code, deps.clock.now())) {
    // A sign-in's session survives a wrong code, so the user can try again
    // (docs/cognito-behaviour.md#challenge-sessions).
    if (session) deps.sessions.failedTry(session)
    throw cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA')
  }
  activate(user, deviceName)
  deps.store.saveUser(user)
  if (!session) return { Status: 'SUCCESS' }
  const next = deps.sessions.next(session, { mfaSetupStage: 'verified' }, caller.client.authSessionValidityMinutes)
  return { Status: 'SUCCESS', Session: next.id }
}

function verify(user: UserRecord, code: string, nowMs: number): boolean {
  if (!user.totp.pendingSecret) {
    throw invalidParameter('There is no software token to verify: call AssociateSoftwareToken first.')
  }
  const step = matchTotpStep(user.totp.pendingSecret, code, nowMs)
  if (step === null) return false
  // The step is spent: the same code cannot then sign in (docs/cognito-behaviour.md#code-reuse).
  user.totp.lastUsedStep = Math.max(step, user.totp.lastUsedStep ?? step)
  return true
}

function activate(user: UserRecord, deviceName: string | undefined): void {
  user.totp.activeSecret = user.totp.pendingSecret
  user.totp.pendingSecret = undefined
  user.totp.deviceName = deviceName || undefined
}

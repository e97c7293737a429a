import type { VerifySoftwareTokenRequest, VerifySoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider'
import { refuseWhileLockedOut } from '../auth/password.ts'
import { requireTotpCaller } from '../auth/totp-caller.ts'
import { countWrongCode } from '../auth/wrong-codes.ts'
import { matchTotpStep } from '../domain/totp.ts'
import { cognitoError, invalidParameter, notAuthorized } from '../errors.ts'
import type { UserRecord } from '../state/model.ts'
import { optionalString, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/** The pending secret becomes the active one when the code matches (docs/cognito-behaviour.md#authenticator-setup). */
export const verifySoftwareToken: Operation<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse> = async (input, deps) => {
  const code = requiredString(input, 'UserCode')
  const deviceName = optionalString(input, 'FriendlyDeviceName')
  const caller = await requireTotpCaller(input, deps)
  const { user, session } = caller
  if (session && session.mfaSetupStage !== 'verify') throw notAuthorized('Invalid session for the user.')
  // With a token or a session alike, wrong codes count toward the user's lockout
  // (docs/cognito-behaviour.md#wrong-mfa-codes).
  refuseWhileLockedOut(user, deps.clock)
  const step = matchingStep(user, code, deps.clock.now())
  if (step === null) {
    // A sign-in's session survives a wrong code, so the user can try again
    // (docs/cognito-behaviour.md#challenge-sessions).
    if (session) deps.sessions.failedTry(session)
    countWrongCode(deps, user)
    throw cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA')
  }
  deps.store.updateUser(user, { totp: activated(user.totp, step, deviceName) })
  if (!session) return { Status: 'SUCCESS' }
  const next = deps.sessions.next(session, { mfaSetupStage: 'verified' }, caller.client.authSessionValidityMinutes)
  return { Status: 'SUCCESS', Session: next.id }
}

/** The time step `code` matches for the pending secret, or null. */
function matchingStep(user: UserRecord, code: string, nowMs: number): number | null {
  if (!user.totp.pendingSecret) {
    throw invalidParameter('There is no software token to verify: call AssociateSoftwareToken first.')
  }
  return matchTotpStep(user.totp.pendingSecret, code, nowMs)
}

/** The pending secret becomes the active one. */
function activated(totp: UserRecord['totp'], step: number, deviceName: string | undefined): UserRecord['totp'] {
  return {
    ...totp,
    activeSecret: totp.pendingSecret,
    pendingSecret: undefined,
    deviceName: deviceName || undefined,
    // The step is spent: the same code cannot then sign in (docs/cognito-behaviour.md#code-reuse).
    lastUsedStep: Math.max(step, totp.lastUsedStep ?? step),
  }
}

import type { AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider'
import { requireTotpCaller } from '../auth/totp-caller.ts'
import { generateTotpSecret } from '../domain/totp.ts'
import { invalidParameter } from '../errors.ts'
import type { Operation } from './operation.ts'

/**
 * A new pending secret each call (docs/cognito-behaviour.md#authenticator-setup). With a Session (MFA_SETUP during
 * sign-in) it also answers with a new Session, which Amplify needs for the next step.
 */
export const associateSoftwareToken: Operation<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse> = async (input, deps) => {
  const caller = await requireTotpCaller(input, deps)
  const { user, session } = caller
  if (session?.mfaSetupStage === 'verified') throw invalidParameter('The software token for this session is already verified.')
  const secret = generateTotpSecret()
  deps.store.updateUser(user, { totp: { ...user.totp, pendingSecret: secret } })
  if (!session) return { SecretCode: secret }
  const next = deps.sessions.next(session, { mfaSetupStage: 'verify' }, caller.client.authSessionValidityMinutes)
  return { SecretCode: secret, Session: next.id }
}

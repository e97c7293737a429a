import type { AdminDeleteSoftwareTokenRequest, AdminDeleteSoftwareTokenResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { UserRecord } from '../state/model.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/**
 * Support's reset after a lost phone (docs/cognito-behaviour.md#admindeletesoftwaretoken): the user's
 * verified token, any pending one and the TOTP setting and preference go; other factors stay. The
 * next sign-in then asks no code in an OPTIONAL pool and answers MFA_SETUP in an ON pool
 * (sign-in.ts reads exactly these members). A user without a token is answered `{}` as well.
 */
export const adminDeleteSoftwareToken: Operation<AdminDeleteSoftwareTokenRequest, AdminDeleteSoftwareTokenResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  // Nothing to delete: nothing changes, and nothing is journaled.
  if (Object.keys(user.totp).length === 0 && !user.mfa.enabled.includes('SOFTWARE_TOKEN_MFA') && user.mfa.preferred !== 'SOFTWARE_TOKEN_MFA')
    return {}
  deps.store.updateUser(user, { totp: {}, mfa: withoutTotp(user.mfa), lastModifiedAt: Math.floor(deps.clock.now() / 1000) })
  return {}
}

function withoutTotp(mfa: UserRecord['mfa']): UserRecord['mfa'] {
  const enabled = mfa.enabled.filter((factor) => factor !== 'SOFTWARE_TOKEN_MFA')
  return mfa.preferred && mfa.preferred !== 'SOFTWARE_TOKEN_MFA' ? { enabled, preferred: mfa.preferred } : { enabled }
}

import type { ChangePasswordRequest, ChangePasswordResponse } from '@aws-sdk/client-cognito-identity-provider'
import { enforcePasswordPolicy, passwordAttemptChanges, passwordMatches, passwordVerifier, refuseWhileLockedOut } from '../auth/password.ts'
import { requireAccessToken } from '../auth/tokens.ts'
import { notAuthorized } from '../errors.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

export const changePassword: Operation<ChangePasswordRequest, ChangePasswordResponse> = async (input, deps) => {
  const proposed = requiredString(input, 'ProposedPassword')
  const previous = requiredString(input, 'PreviousPassword')
  const { pool, user: caller } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  refuseWhileLockedOut(caller, deps.clock)
  const ok = passwordMatches(pool, caller, previous)
  // Counted (and stored) before the policy check below can refuse the new password.
  const user = deps.store.updateUser(caller, passwordAttemptChanges(caller, ok, deps.clock))
  if (!ok) throw notAuthorized('Incorrect username or password.')
  enforcePasswordPolicy(pool.passwordPolicy, proposed)
  deps.store.updateUser(user, { srp: passwordVerifier(pool, user.username, proposed), lastModifiedAt: Math.floor(deps.clock.now() / 1000) })
  return {}
}

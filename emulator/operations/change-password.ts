import { enforcePasswordPolicy, passwordMatches, passwordVerifier, recordPasswordAttempt, refuseWhileLockedOut } from '../auth/password.ts'
import { requireAccessToken } from '../auth/tokens.ts'
import { notAuthorized } from '../errors.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

export const changePassword: Operation = async (input, deps) => {
  const proposed = requiredString(input, 'ProposedPassword', { min: 1, max: 256 })
  const previous = requiredString(input, 'PreviousPassword', { min: 1, max: 256 })
  const { pool, user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  refuseWhileLockedOut(user, deps.clock)
  const ok = passwordMatches(pool, user, previous)
  recordPasswordAttempt(user, ok, deps.clock)
  deps.store.saveUser(user)
  if (!ok) throw notAuthorized('Incorrect username or password.')
  enforcePasswordPolicy(pool.passwordPolicy, proposed)
  user.srp = passwordVerifier(pool, user.username, proposed)
  user.lastModifiedAt = Math.floor(deps.clock.now() / 1000)
  deps.store.saveUser(user)
  return {}
}

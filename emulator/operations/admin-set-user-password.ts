import { enforcePasswordPolicy, passwordVerifier } from '../auth/password.ts'
import { optionalBoolean, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

export const adminSetUserPassword: Operation = async (input, deps) => {
  const pool = deps.store.requirePool(requiredString(input, 'UserPoolId', { min: 1, max: 55 }))
  const user = deps.store.requireUser(pool, requiredString(input, 'Username', { min: 1, max: 128 }))
  const password = requiredString(input, 'Password', { min: 1, max: 256 })
  const permanent = optionalBoolean(input, 'Permanent') ?? false
  enforcePasswordPolicy(pool.passwordPolicy, password)
  user.srp = passwordVerifier(pool, user.username, password)
  user.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD'
  user.failedPasswordAttempts = 0
  user.lockedUntil = undefined
  user.lastModifiedAt = Math.floor(deps.clock.now() / 1000)
  deps.store.saveUser(user)
  return {}
}

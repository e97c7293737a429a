import { applyMfaPreference } from '../auth/mfa-preference.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

export const adminSetUserMFAPreference: Operation = async (input, deps) => {
  const pool = deps.store.requirePool(requiredString(input, 'UserPoolId', { min: 1, max: 55 }))
  const user = deps.store.requireUser(pool, requiredString(input, 'Username', { min: 1, max: 128 }))
  applyMfaPreference(input, pool, user)
  user.lastModifiedAt = Math.floor(deps.clock.now() / 1000)
  deps.store.saveUser(user)
  return {}
}

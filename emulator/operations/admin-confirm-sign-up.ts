import { notAuthorized } from '../errors.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

export const adminConfirmSignUp: Operation = async (input, deps) => {
  const pool = deps.store.requirePool(requiredString(input, 'UserPoolId', { min: 1, max: 55 }))
  const user = deps.store.requireUser(pool, requiredString(input, 'Username', { min: 1, max: 128 }))
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`)
  user.status = 'CONFIRMED'
  user.confirmationCode = undefined
  user.lastModifiedAt = Math.floor(deps.clock.now() / 1000)
  deps.store.saveUser(user)
  return {}
}

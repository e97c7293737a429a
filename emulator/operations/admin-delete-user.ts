import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

export const adminDeleteUser: Operation = async (input, deps) => {
  const pool = deps.store.requirePool(requiredString(input, 'UserPoolId', { min: 1, max: 55 }))
  deps.store.deleteUser(deps.store.requireUser(pool, requiredString(input, 'Username', { min: 1, max: 128 })))
  return {}
}

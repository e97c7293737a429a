import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { userPoolType } from './shapes.ts'

export const describeUserPool: Operation = async (input, deps) => {
  const pool = deps.store.requirePool(requiredString(input, 'UserPoolId', { min: 1, max: 55 }))
  return { UserPool: userPoolType(pool, deps.store.listUsers(pool.id).length) }
}

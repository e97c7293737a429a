import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

export const adminDeleteUser: Operation = async (input, deps) => {
  const pool = requestedPool(input, deps)
  deps.store.deleteUser(requestedUser(pool, input, deps))
  return {}
}

import type { AdminDeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider'
import type { NoMembers, Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

export const adminDeleteUser: Operation<AdminDeleteUserRequest, NoMembers> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  deps.store.deleteUser(requestedUser(pool, input, deps))
  return {}
}

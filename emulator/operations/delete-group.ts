import type { DeleteGroupRequest } from '@aws-sdk/client-cognito-identity-provider'
import { requestedGroup } from './groups.ts'
import type { NoMembers, Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'

/** Deletes the group; its members stay users of the pool, without it (docs/cognito-behaviour.md#groups). */
export const deleteGroup: Operation<DeleteGroupRequest, NoMembers> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  deps.store.deleteGroup(requestedGroup(pool, input, deps))
  return {}
}

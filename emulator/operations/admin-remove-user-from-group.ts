import type { AdminRemoveUserFromGroupRequest } from '@aws-sdk/client-cognito-identity-provider'
import { requestedGroup } from './groups.ts'
import type { NoMembers, Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/** Takes the user out of the group; a user who is not in it gets `{}` too (docs/cognito-behaviour.md#groups). */
export const adminRemoveUserFromGroup: Operation<AdminRemoveUserFromGroupRequest, NoMembers> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  const group = requestedGroup(pool, input, deps)
  if (user.groups?.includes(group.name)) deps.store.updateUser(user, { groups: user.groups.filter((name) => name !== group.name) })
  return {}
}

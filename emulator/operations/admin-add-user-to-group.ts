import type { AdminAddUserToGroupRequest } from '@aws-sdk/client-cognito-identity-provider'
import { requestedGroup } from './groups.ts'
import type { NoMembers, Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/** Adds the user to the group; adding a member again changes nothing (docs/cognito-behaviour.md#groups). */
export const adminAddUserToGroup: Operation<AdminAddUserToGroupRequest, NoMembers> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  const group = requestedGroup(pool, input, deps)
  const groups = user.groups ?? []
  if (!groups.includes(group.name)) deps.store.updateUser(user, { groups: [...groups, group.name] })
  return {}
}

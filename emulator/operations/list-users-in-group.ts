import type { ListUsersInGroupRequest, ListUsersInGroupResponse } from '@aws-sdk/client-cognito-identity-provider'
import { groupPage, requestedGroup } from './groups.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'
import { userType } from './shapes.ts'

/** The group's members as UserType, a page at a time (docs/cognito-behaviour.md#groups). */
export const listUsersInGroup: Operation<ListUsersInGroupRequest, ListUsersInGroupResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const group = requestedGroup(pool, input, deps)
  const members = deps.store.listUsers(pool.id).filter((user) => user.groups?.includes(group.name))
  const { page, next } = groupPage(members, input)
  return { Users: page.map(userType), ...(next ? { NextToken: next } : {}) }
}

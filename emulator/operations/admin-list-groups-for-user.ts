import type { AdminListGroupsForUserRequest, AdminListGroupsForUserResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { GroupRecord } from '../state/model.ts'
import { groupsByPrecedence } from '../auth/group-order.ts'
import { groupPage, groupType } from './groups.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/** The groups the user is in, by precedence as in their tokens, a page at a time (docs/cognito-behaviour.md#groups). */
export const adminListGroupsForUser: Operation<AdminListGroupsForUserRequest, AdminListGroupsForUserResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  const groups = (user.groups ?? []).map((name) => deps.store.findGroup(pool.id, name)).filter((group): group is GroupRecord => group !== undefined)
  const { page, next } = groupPage(groupsByPrecedence(groups), input)
  return { Groups: page.map(groupType), ...(next ? { NextToken: next } : {}) }
}

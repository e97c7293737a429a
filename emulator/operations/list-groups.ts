import type { ListGroupsRequest, ListGroupsResponse } from '@aws-sdk/client-cognito-identity-provider'
import { groupPage, groupType } from './groups.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'

/** The pool's groups in the order they were created, a page at a time (docs/cognito-behaviour.md#groups). */
export const listGroups: Operation<ListGroupsRequest, ListGroupsResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const { page, next } = groupPage(deps.store.listGroups(pool.id), input)
  return { Groups: page.map(groupType), ...(next ? { NextToken: next } : {}) }
}

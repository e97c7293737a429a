import type { ListUserPoolsRequest, ListUserPoolsResponse } from '@aws-sdk/client-cognito-identity-provider'
import { optionalString, optionalNumber } from '../validate.ts'
import { invalidParameter } from '../errors.ts'
import type { Operation } from './operation.ts'
import { paginate } from './paginate.ts'

export const listUserPools: Operation<ListUserPoolsRequest, ListUserPoolsResponse> = async (input, deps) => {
  const limit = optionalNumber(input, 'MaxResults', { min: 1, max: 60 })
  if (limit === undefined)
    throw invalidParameter("1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null")
  const { page, next } = paginate(deps.store.listPools(), limit, optionalString(input, 'NextToken'))
  return {
    UserPools: page.map((pool) => ({ Id: pool.id, Name: pool.name, CreationDate: pool.createdAt, LastModifiedDate: pool.lastModifiedAt })),
    ...(next ? { NextToken: next } : {}),
  }
}

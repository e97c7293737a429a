import type { GroupType } from '@aws-sdk/client-cognito-identity-provider'
import type { Deps } from '../deps.ts'
import type { GroupRecord, PoolRecord } from '../state/model.ts'
import { optionalNumber, optionalString, requiredString, type Untrusted } from '../validate.ts'
import type { Wire } from './operation.ts'
import { paginate } from './paginate.ts'

// What the group operations share (docs/cognito-behaviour.md#groups): the group a request names, the
// GroupType they answer with, and Cognito's paging by Limit and NextToken.

/** PrecedenceType: a non-negative integer, at most 2^31 - 1. */
export const MAX_PRECEDENCE = 2 ** 31 - 1

/** The group named by `GroupName` in `pool`; ResourceNotFoundException when it has none. */
export function requestedGroup(pool: PoolRecord, input: Untrusted<{ GroupName: string | undefined }>, deps: Deps): GroupRecord {
  return deps.store.requireGroup(pool.id, requiredString(input, 'GroupName'))
}

export function groupType(group: GroupRecord): Wire<GroupType> {
  return {
    GroupName: group.name,
    UserPoolId: group.poolId,
    ...(group.description !== undefined ? { Description: group.description } : {}),
    ...(group.roleArn !== undefined ? { RoleArn: group.roleArn } : {}),
    ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
    LastModifiedDate: group.lastModifiedAt,
    CreationDate: group.createdAt,
  }
}

/**
 * One page of `items` by the request's Limit (QueryLimitType, 0 to 60; absent or 0 is 60) and NextToken,
 * with the token for the next page when there is one.
 */
export function groupPage<T>(items: T[], input: Untrusted<{ Limit?: number; NextToken?: string }>): { page: T[]; next?: string } {
  const limit = optionalNumber(input, 'Limit', { min: 0, max: 60 }) || 60
  return paginate(items, Math.floor(limit), optionalString(input, 'NextToken'))
}

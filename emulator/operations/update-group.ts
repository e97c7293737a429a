import type { UpdateGroupRequest, UpdateGroupResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { GroupRecord } from '../state/model.ts'
import { optionalNumber, optionalString } from '../validate.ts'
import { groupType, MAX_PRECEDENCE, requestedGroup } from './groups.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'

/** Changes the Description, RoleArn and Precedence it is given; the others stay (docs/cognito-behaviour.md#groups). */
export const updateGroup: Operation<UpdateGroupRequest, UpdateGroupResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const group = requestedGroup(pool, input, deps)
  const description = optionalString(input, 'Description')
  const roleArn = optionalString(input, 'RoleArn')
  const precedence = optionalNumber(input, 'Precedence', { min: 0, max: MAX_PRECEDENCE, integer: true })
  const updated: GroupRecord = {
    ...group,
    ...(description !== undefined ? { description } : {}),
    ...(roleArn !== undefined ? { roleArn } : {}),
    ...(precedence !== undefined ? { precedence } : {}),
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  }
  deps.store.saveGroup(updated)
  return { Group: groupType(updated) }
}

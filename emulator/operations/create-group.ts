import type { CreateGroupRequest, CreateGroupResponse } from '@aws-sdk/client-cognito-identity-provider'
import { cognitoError } from '../errors.ts'
import type { GroupRecord } from '../state/model.ts'
import { optionalNumber, optionalString, requiredString } from '../validate.ts'
import { groupType, MAX_PRECEDENCE } from './groups.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'

/** A new group of the pool; a taken name is GroupExistsException (docs/cognito-behaviour.md#groups). */
export const createGroup: Operation<CreateGroupRequest, CreateGroupResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const name = requiredString(input, 'GroupName')
  const description = optionalString(input, 'Description')
  const roleArn = optionalString(input, 'RoleArn')
  const precedence = optionalNumber(input, 'Precedence', { min: 0, max: MAX_PRECEDENCE, integer: true })
  if (deps.store.findGroup(pool.id, name)) throw cognitoError('GroupExistsException', 'A group with the name already exists.')
  const now = Math.floor(deps.clock.now() / 1000)
  const group: GroupRecord = {
    poolId: pool.id,
    name,
    ...(description !== undefined ? { description } : {}),
    ...(roleArn !== undefined ? { roleArn } : {}),
    ...(precedence !== undefined ? { precedence } : {}),
    createdAt: now,
    lastModifiedAt: now,
  }
  deps.store.saveGroup(group)
  return { Group: groupType(group) }
}

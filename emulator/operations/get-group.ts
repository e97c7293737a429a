import type { GetGroupRequest, GetGroupResponse } from '@aws-sdk/client-cognito-identity-provider'
import { groupType, requestedGroup } from './groups.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'

export const getGroup: Operation<GetGroupRequest, GetGroupResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  return { Group: groupType(requestedGroup(pool, input, deps)) }
}

import type { DescribeUserPoolRequest, DescribeUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'
import { userPoolType } from './shapes.ts'

export const describeUserPool: Operation<DescribeUserPoolRequest, DescribeUserPoolResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  return { UserPool: userPoolType(pool, deps.store.listUsers(pool.id).length) }
}

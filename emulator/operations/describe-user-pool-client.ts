import type { DescribeUserPoolClientRequest, DescribeUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { userPoolClientType } from './shapes.ts'

export const describeUserPoolClient: Operation<DescribeUserPoolClientRequest, DescribeUserPoolClientResponse> = async (input, deps) => {
  const poolId = requiredString(input, 'UserPoolId')
  deps.store.requirePool(poolId)
  const client = deps.store.requireClient(requiredString(input, 'ClientId'), poolId)
  return { UserPoolClient: userPoolClientType(client) }
}

import type { ListUserPoolClientsRequest, ListUserPoolClientsResponse } from '@aws-sdk/client-cognito-identity-provider'
import { optionalNumber, optionalString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'
import { paginate } from './paginate.ts'

export const listUserPoolClients: Operation<ListUserPoolClientsRequest, ListUserPoolClientsResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const limit = optionalNumber(input, 'MaxResults', { min: 1, max: 60 }) ?? 60
  const { page, next } = paginate(deps.store.listClients(pool.id), limit, optionalString(input, 'NextToken'))
  return {
    UserPoolClients: page.map((client) => ({ ClientId: client.clientId, UserPoolId: client.poolId, ClientName: client.name })),
    ...(next ? { NextToken: next } : {}),
  }
}

import type { DeleteUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider'
import { requiredString } from '../validate.ts'
import type { NoMembers, Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'

/** Deletes an app client, the refresh tokens it issued and its pending sign-ins (docs/cognito-behaviour.md#deleteuserpool). */
export const deleteUserPoolClient: Operation<DeleteUserPoolClientRequest, NoMembers> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const client = deps.store.requireClient(requiredString(input, 'ClientId'), pool.id)
  deps.store.deleteClient(client)
  deps.sessions.forget({ poolId: pool.id, clientId: client.clientId })
  return {}
}

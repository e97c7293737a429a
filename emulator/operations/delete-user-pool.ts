import type { DeleteUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import type { NoMembers, Operation } from './operation.ts'
import { settingsOf } from './pool-settings.ts'
import { requestedPool } from './request-targets.ts'

/**
 * Deletes a pool with its clients, users, refresh tokens and pending sign-ins; refused while its
 * DeletionProtection is ACTIVE, with Cognito's message (docs/cognito-behaviour.md#deleteuserpool).
 */
export const deleteUserPool: Operation<DeleteUserPoolRequest, NoMembers> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  if (settingsOf(pool.settings).DeletionProtection === 'ACTIVE') {
    throw invalidParameter('The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.')
  }
  deps.store.deletePool(pool)
  deps.sessions.forget({ poolId: pool.id })
  return {}
}

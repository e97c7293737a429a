import type { AdminEnableUserRequest, AdminEnableUserResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/**
 * Activates a user again: the next sign-in works; tokens revoked by AdminDisableUser stay revoked
 * (docs/cognito-behaviour.md#admindisableuser).
 */
export const adminEnableUser: Operation<AdminEnableUserRequest, AdminEnableUserResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  deps.store.updateUser(user, { enabled: true, lastModifiedAt: Math.floor(deps.clock.now() / 1000) })
  return {}
}

import type { AdminDisableUserRequest, AdminDisableUserResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/**
 * Deactivates a user: sign-in and refresh answer "User is disabled.", and every token issued so far is
 * revoked, as AWS documents; the user still appears in ListUsers (docs/cognito-behaviour.md#admindisableuser).
 */
export const adminDisableUser: Operation<AdminDisableUserRequest, AdminDisableUserResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  const now = Math.floor(deps.clock.now() / 1000)
  deps.store.revokeAllForUser(user)
  deps.store.updateUser(user, { enabled: false, tokensRevokedAt: now, lastModifiedAt: now })
  return {}
}

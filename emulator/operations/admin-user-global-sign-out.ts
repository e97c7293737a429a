import type { AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/**
 * GlobalSignOut's signed twin, named by pool and username instead of an access token: support's
 * "end every session" after a lost or stolen phone (docs/cognito-behaviour.md#revocation).
 */
export const adminUserGlobalSignOut: Operation<AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  deps.store.revokeAllForUser(user)
  deps.store.updateUser(user, { tokensRevokedAt: Math.floor(deps.clock.now() / 1000) })
  return {}
}

import type { AdminDeleteUserAttributesRequest, AdminDeleteUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider'
import { deleteAttributes } from '../auth/attribute-updates.ts'
import { requiredAttributeNames } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/** An administrator removes attributes from a user; required and immutable ones stay (docs/cognito-behaviour.md#attribute-updates). */
export const adminDeleteUserAttributes: Operation<AdminDeleteUserAttributesRequest, AdminDeleteUserAttributesResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  const names = requiredAttributeNames(input, 'UserAttributeNames')
  deleteAttributes(deps, pool, user, names, 'admin')
  return {}
}

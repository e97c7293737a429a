import type { AdminUpdateUserAttributesRequest, AdminUpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider'
import { updateAttributes } from '../auth/attribute-updates.ts'
import { optionalAttributeList, optionalStringMap } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/**
 * An administrator changes a user's attributes (a blank value deletes one) and may mark an email or
 * phone number verified; a changed one in a pool that auto-verifies it gets a code, printed
 * (docs/cognito-behaviour.md#attribute-updates).
 */
export const adminUpdateUserAttributes: Operation<AdminUpdateUserAttributesRequest, AdminUpdateUserAttributesResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  const updates = optionalAttributeList(input, 'UserAttributes')
  // For Lambda triggers, which the local pool has none of: checked, then unused.
  optionalStringMap(input, 'ClientMetadata')
  updateAttributes(deps, pool, user, updates, 'admin')
  return {}
}

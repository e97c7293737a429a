import type { DeleteUserAttributesRequest, DeleteUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider'
import { deleteAttributes } from '../auth/attribute-updates.ts'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredAttributeNames, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/** The signed-in user removes their own attributes (docs/cognito-behaviour.md#attribute-updates). */
export const deleteUserAttributes: Operation<DeleteUserAttributesRequest, DeleteUserAttributesResponse> = async (input, deps) => {
  const names = requiredAttributeNames(input, 'UserAttributeNames')
  const { pool, user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  deleteAttributes(deps, pool, user, names, 'user')
  return {}
}

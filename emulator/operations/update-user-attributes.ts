import type { UpdateUserAttributesRequest, UpdateUserAttributesResponse } from '@aws-sdk/client-cognito-identity-provider'
import { updateAttributes } from '../auth/attribute-updates.ts'
import { requireAccessToken } from '../auth/tokens.ts'
import { optionalAttributeList, optionalStringMap, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/**
 * The signed-in user changes their own attributes; a changed email or phone number the pool
 * auto-verifies becomes unverified and gets a code, listed in CodeDeliveryDetailsList
 * (docs/cognito-behaviour.md#attribute-updates). Amplify's updateUserAttributes reads that list.
 */
export const updateUserAttributes: Operation<UpdateUserAttributesRequest, UpdateUserAttributesResponse> = async (input, deps) => {
  const updates = optionalAttributeList(input, 'UserAttributes')
  optionalStringMap(input, 'ClientMetadata') // for Lambda triggers, which the local pool has none of
  const { pool, user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  const { deliveries } = updateAttributes(deps, pool, user, updates, 'user')
  return { CodeDeliveryDetailsList: deliveries }
}

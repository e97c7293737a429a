import type { VerifyUserAttributeRequest, VerifyUserAttributeResponse } from '@aws-sdk/client-cognito-identity-provider'
import { verifiableAttribute, verifyAttribute } from '../auth/attribute-updates.ts'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/** The code last sent for the email or phone number makes it verified (docs/cognito-behaviour.md#attribute-verification). */
export const verifyUserAttribute: Operation<VerifyUserAttributeRequest, VerifyUserAttributeResponse> = async (input, deps) => {
  const name = requiredString(input, 'AttributeName')
  const code = requiredString(input, 'Code')
  const { pool, user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  verifyAttribute(deps, pool, user, verifiableAttribute(name), code)
  return {}
}

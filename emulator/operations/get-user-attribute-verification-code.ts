import type { GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse } from '@aws-sdk/client-cognito-identity-provider'
import { sendVerificationCode, verifiableAttribute } from '../auth/attribute-updates.ts'
import { requireAccessToken } from '../auth/tokens.ts'
import { optionalStringMap, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/** A new code to verify the signed-in user's email or phone number, printed (docs/cognito-behaviour.md#attribute-verification). */
export const getUserAttributeVerificationCode: Operation<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse> = async (
  input,
  deps,
) => {
  const name = requiredString(input, 'AttributeName')
  optionalStringMap(input, 'ClientMetadata') // for Lambda triggers, which the local pool has none of
  const { user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  return { CodeDeliveryDetails: sendVerificationCode(deps, user, verifiableAttribute(name)) }
}

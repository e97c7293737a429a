import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider'
import { maskEmail, maskPhone } from '../auth/users.ts'
import type { PoolRecord, UserRecord } from '../state/model.ts'

/**
 * Where Cognito sends a new user's sign-up code, as SignUp's CodeDeliveryDetails: only to an attribute
 * the pool auto-verifies and the user has; the phone first when the pool verifies both
 * (docs/cognito-behaviour.md#signup-code-delivery). Undefined: Cognito sends nothing, and only an
 * administrator (AdminConfirmSignUp) confirms the user.
 */
export function signUpDelivery(pool: PoolRecord, user: UserRecord): CodeDeliveryDetailsType | undefined {
  const phone = user.attributes.phone_number
  if (phone && pool.autoVerifiedAttributes.includes('phone_number')) {
    return { Destination: maskPhone(phone), DeliveryMedium: 'SMS', AttributeName: 'phone_number' }
  }
  const email = user.attributes.email
  if (email && pool.autoVerifiedAttributes.includes('email')) {
    return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
  }
  return undefined
}

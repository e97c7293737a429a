import { randomInt } from 'node:crypto'
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider'
import type { Deps } from '../deps.ts'
import { cognitoError, type CognitoError } from '../errors.ts'
import type { UserRecord } from '../state/model.ts'
import { maskEmail, maskPhone } from './users.ts'

// Password-reset codes: ForgotPassword and AdminResetUserPassword send one, ConfirmForgotPassword
// takes it with the new password (docs/cognito-behaviour.md#password-reset-codes).

/** A reset code is valid for one hour (docs/cognito-behaviour.md#password-reset-codes). */
export const RESET_CODE_VALIDITY_MS = 3600_000

/** Where the address and medium a code goes to, as CodeDeliveryDetails shows them, and the whole address for the log. */
type Destination = { details: CodeDeliveryDetailsType; address: string }

/**
 * Where a reset code for `user` goes: a verified email, else a verified phone number; undefined
 * when there is neither. An unconfirmed user has none: confirming is what verifies the address.
 */
export function resetDestination(user: UserRecord): Destination | undefined {
  if (user.status === 'UNCONFIRMED') return undefined
  const { email, email_verified: emailVerified, phone_number: phone, phone_number_verified: phoneVerified } = user.attributes
  if (email && emailVerified === 'true') {
    return { address: email, details: { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' } }
  }
  if (phone && phoneVerified === 'true') {
    return { address: phone, details: { Destination: maskPhone(phone), DeliveryMedium: 'SMS', AttributeName: 'phone_number' } }
  }
  return undefined
}

/**
 * A new reset code for `user` (the caller stores it as `passwordResetCode`, which replaces any
 * earlier one). This emulator sends no mail or text: it prints the code, as it does sign-up codes.
 */
export function issuePasswordResetCode(deps: Deps, user: UserRecord, to: Destination): NonNullable<UserRecord['passwordResetCode']> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  deps.log(`Password reset code for ${user.username} <${to.address}>: ${code}`)
  return { code, expiresAt: deps.clock.now() + RESET_CODE_VALIDITY_MS }
}

/** No code, or one past its hour or already used. */
export function expiredCode(): CognitoError {
  return cognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.')
}

export function codeMismatch(): CognitoError {
  return cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.')
}

import type { ConfirmSignUpRequest, ConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider'
import { cognitoError, notAuthorized } from '../errors.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedClient, requestedUser } from './request-targets.ts'

export const confirmSignUp: Operation<ConfirmSignUpRequest, ConfirmSignUpResponse> = async (input, deps) => {
  const { pool } = requestedClient(input, deps)
  const user = requestedUser(pool, input, deps)
  const code = requiredString(input, 'ConfirmationCode', { min: 1, max: 2048 })
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`)
  const expected = user.confirmationCode
  if (!expected || expected.expiresAt <= deps.clock.now()) {
    throw cognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.')
  }
  if (code !== expected.code) {
    // Repeated wrong codes spend the code, so it cannot be guessed.
    const triesLeft = expected.triesLeft - 1
    deps.store.updateUser(user, { confirmationCode: triesLeft > 0 ? { ...expected, triesLeft } : undefined })
    throw cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.')
  }
  deps.store.updateUser(user, {
    status: 'CONFIRMED',
    confirmationCode: undefined,
    attributes: user.attributes.email ? { ...user.attributes, email_verified: 'true' } : user.attributes,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return {}
}

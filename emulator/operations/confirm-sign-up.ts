import type { ConfirmSignUpRequest, ConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider'
import { confirmationAttemptCounted, refuseOverConfirmationLimit } from '../auth/confirmation-limits.ts'
import { unknownNameKey } from '../auth/unknown-users.ts'
import { cognitoError, notAuthorized } from '../errors.ts'
import { optionalString, requiredString } from '../validate.ts'
import { requireSecretHash } from '../auth/client-secret.ts'
import type { Operation } from './operation.ts'
import { findRequestedUser, requestedClient } from './request-targets.ts'

export const confirmSignUp: Operation<ConfirmSignUpRequest, ConfirmSignUpResponse> = async (input, deps) => {
  const { client, pool } = requestedClient(input, deps)
  const { name, user } = findRequestedUser(pool, input, deps)
  requireSecretHash(client, optionalString(input, 'SecretHash'), [name, user?.username, user?.sub])
  if (!user && client.preventUserExistenceErrors !== 'ENABLED') throw cognitoError('UserNotFoundException', 'User does not exist.')
  const code = requiredString(input, 'ConfirmationCode')
  if (!user) {
    // An unknown name has no code to match: it is answered as an unconfirmed user's wrong code
    // is, tries and hourly limit included (docs/cognito-behaviour.md#unknown-users). Always throws.
    return deps.unknownNames.refuseConfirmationCode(pool.id, unknownNameKey(pool, name))
  }
  if (user.status !== 'UNCONFIRMED') throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`)
  const expected = user.confirmationCode
  if (!expected || expected.expiresAt <= deps.clock.now()) {
    throw cognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.')
  }
  refuseOverConfirmationLimit(user, 'wrongCodes', deps.clock)
  if (code !== expected.code) {
    // Five wrong codes spend the code; the user's hourly limit, across codes, stops new codes
    // from adding guesses (docs/cognito-behaviour.md#confirmation-code-limits).
    const triesLeft = expected.triesLeft - 1
    deps.store.updateUser(user, {
      confirmationCode: triesLeft > 0 ? { ...expected, triesLeft } : undefined,
      ...confirmationAttemptCounted(user, 'wrongCodes', deps.clock),
    })
    throw cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.')
  }
  deps.store.updateUser(user, {
    status: 'CONFIRMED',
    confirmationCode: undefined,
    confirmationAttempts: undefined,
    attributes: user.attributes.email ? { ...user.attributes, email_verified: 'true' } : user.attributes,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return {}
}

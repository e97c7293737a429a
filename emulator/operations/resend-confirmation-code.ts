import type { ResendConfirmationCodeRequest, ResendConfirmationCodeResponse } from '@aws-sdk/client-cognito-identity-provider'
import { confirmationAttemptCounted, refuseOverConfirmationLimit } from '../auth/confirmation-limits.ts'
import { simulatedDelivery, unknownNameKey } from '../auth/unknown-users.ts'
import { issueConfirmationCode } from '../auth/users.ts'
import { cognitoError, invalidParameter } from '../errors.ts'
import { optionalString } from '../validate.ts'
import { requireSecretHash } from '../auth/client-secret.ts'
import type { Operation } from './operation.ts'
import { findRequestedUser, requestedClient } from './request-targets.ts'

export const resendConfirmationCode: Operation<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse> = async (input, deps) => {
  const { client, pool } = requestedClient(input, deps)
  const { name, user } = findRequestedUser(pool, input, deps)
  requireSecretHash(client, optionalString(input, 'SecretHash'), [name, user?.username, user?.sub])
  if (!user) {
    if (client.preventUserExistenceErrors !== 'ENABLED') throw cognitoError('UserNotFoundException', 'User does not exist.')
    // A code "sent" to a made-up address, as Cognito does, within the same hourly limit as an
    // unconfirmed user's (docs/cognito-behaviour.md#unknown-users).
    deps.unknownNames.issueConfirmationCode(pool.id, unknownNameKey(pool, name))
    return { CodeDeliveryDetails: simulatedDelivery(pool, name) }
  }
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.')
  // Each new code would bring five more tries: so few codes an hour (docs/cognito-behaviour.md#confirmation-code-limits).
  refuseOverConfirmationLimit(user, 'resends', deps.clock)
  const { confirmationCode, delivery } = issueConfirmationCode(deps, user)
  deps.store.updateUser(user, { confirmationCode, ...confirmationAttemptCounted(user, 'resends', deps.clock) })
  return delivery ? { CodeDeliveryDetails: delivery } : {}
}

import type { ResendConfirmationCodeRequest, ResendConfirmationCodeResponse } from '@aws-sdk/client-cognito-identity-provider'
import { confirmationAttemptCounted, refuseOverConfirmationLimit } from '../auth/confirmation-limits.ts'
import { issueConfirmationCode } from '../auth/users.ts'
import { invalidParameter } from '../errors.ts'
import type { Operation } from './operation.ts'
import { requestedClient, requestedUser } from './request-targets.ts'

export const resendConfirmationCode: Operation<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse> = async (input, deps) => {
  const { pool } = requestedClient(input, deps)
  const user = requestedUser(pool, input, deps)
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.')
  // Each new code would bring five more tries: so few codes an hour (docs/cognito-behaviour.md#confirmation-code-limits).
  refuseOverConfirmationLimit(user, 'resends', deps.clock)
  const { confirmationCode, delivery } = issueConfirmationCode(deps, user)
  deps.store.updateUser(user, { confirmationCode, ...confirmationAttemptCounted(user, 'resends', deps.clock) })
  return delivery ? { CodeDeliveryDetails: delivery } : {}
}

import type { AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider'
import { respondToAuthChallenge } from '../auth/respond.ts'
import type { Operation } from './operation.ts'

export const adminRespondToAuthChallenge: Operation<AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallengeResponse> = (input, deps) =>
  respondToAuthChallenge(input, deps, true)

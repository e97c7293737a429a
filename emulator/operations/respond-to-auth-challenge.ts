import type { RespondToAuthChallengeRequest, RespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider'
import { respondToAuthChallenge as respond } from '../auth/respond.ts'
import type { Operation } from './operation.ts'

export const respondToAuthChallenge: Operation<RespondToAuthChallengeRequest, RespondToAuthChallengeResponse> = (input, deps) =>
  respond(input, deps, false)

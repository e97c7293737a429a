import type { InitiateAuthRequest, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider'
import { initiateAuth as initiate } from '../auth/initiate.ts'
import type { Operation } from './operation.ts'

export const initiateAuth: Operation<InitiateAuthRequest, InitiateAuthResponse> = (input, deps) => initiate(input, deps, false)

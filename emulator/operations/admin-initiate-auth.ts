import type { AdminInitiateAuthRequest, AdminInitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider'
import { initiateAuth } from '../auth/initiate.ts'
import type { Operation } from './operation.ts'

export const adminInitiateAuth: Operation<AdminInitiateAuthRequest, AdminInitiateAuthResponse> = (input, deps) => initiateAuth(input, deps, true)

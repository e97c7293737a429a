import type { GetUserPoolMfaConfigRequest, GetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { PoolRecord } from '../state/model.ts'
import type { Operation, Wire } from './operation.ts'
import { requestedPool } from './request-targets.ts'

export function mfaConfigOutput(pool: PoolRecord): Wire<GetUserPoolMfaConfigResponse> {
  return {
    MfaConfiguration: pool.mfaConfiguration,
    SoftwareTokenMfaConfiguration: { Enabled: pool.softwareTokenMfaEnabled },
    ...(pool.smsMfaEnabled ? { SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/local-sms' } } } : {}),
  }
}

export const getUserPoolMfaConfig: Operation<GetUserPoolMfaConfigRequest, GetUserPoolMfaConfigResponse> = async (input, deps) => {
  return mfaConfigOutput(requestedPool(input, deps))
}

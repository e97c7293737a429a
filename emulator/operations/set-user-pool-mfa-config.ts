import type { SetUserPoolMfaConfigRequest, SetUserPoolMfaConfigResponse } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import { optionalBoolean, optionalEnum, optionalObject } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'
import { mfaConfigOutput } from './get-user-pool-mfa-config.ts'

/** The rules AWS applies (docs/cognito-behaviour.md#pool-mfa-configuration). Absent factor blocks keep their setting. */
export const setUserPoolMfaConfig: Operation<SetUserPoolMfaConfigRequest, SetUserPoolMfaConfigResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const mfa = optionalEnum(input, 'MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'] as const) ?? pool.mfaConfiguration
  const totp = optionalObject(input, 'SoftwareTokenMfaConfiguration')
  const sms = optionalObject(input, 'SmsMfaConfiguration')
  const email = optionalObject(input, 'EmailMfaConfiguration')
  if (email) throw invalidParameter('Email MFA is not supported by this local emulator.')
  const totpEnabled = totp ? (optionalBoolean(totp, 'Enabled') ?? false) : pool.softwareTokenMfaEnabled
  const smsEnabled = sms ? Boolean(optionalObject(sms, 'SmsConfiguration')) : pool.smsMfaEnabled
  // Any factor block counts, even one that enables nothing (AWS rejects OFF + {Enabled:false} too).
  if (mfa === 'OFF' && (totp || sms)) {
    throw invalidParameter("Invalid MFA configuration given, can't turn off MFA and configure an MFA together.")
  }
  if (mfa !== 'OFF' && !totpEnabled && !smsEnabled) {
    throw invalidParameter("Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.")
  }
  const updated = deps.store.updatePool(pool, {
    mfaConfiguration: mfa,
    softwareTokenMfaEnabled: mfa !== 'OFF' && totpEnabled,
    smsMfaEnabled: mfa !== 'OFF' && smsEnabled,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return mfaConfigOutput(updated)
}

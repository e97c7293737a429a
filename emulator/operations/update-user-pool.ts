import type { UpdateUserPoolRequest, UpdateUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import { optionalEnum, optionalEnumList, optionalObject, optionalString } from '../validate.ts'
import { passwordPolicy } from './create-user-pool.ts'
import type { Operation } from './operation.ts'
import { checkedAgainstVerification, poolSettings } from './pool-settings.ts'
import { requestedPool } from './request-targets.ts'

/**
 * UpdateUserPool as AWS documents it: every member it has that the request leaves out goes back to its
 * default (the password policy, auto-verified attributes, MFA OFF, messages, tags, deletion protection …);
 * what it does not have (Schema, username and alias attributes, case sensitivity) stays
 * (docs/cognito-behaviour.md#updateuserpool). MFA follows SetUserPoolMfaConfig's rules.
 */
export const updateUserPool: Operation<UpdateUserPoolRequest, UpdateUserPoolResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const name = optionalString(input, 'PoolName') ?? pool.name
  const autoVerifiedAttributes = optionalEnumList(input, 'AutoVerifiedAttributes', ['email', 'phone_number'] as const) ?? []
  const settings = checkedAgainstVerification(poolSettings(input), autoVerifiedAttributes)
  const mfa = optionalEnum(input, 'MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'] as const) ?? 'OFF'
  // TOTP is switched on by SetUserPoolMfaConfig only; SMS needs the SmsConfiguration of this request.
  const totp = mfa !== 'OFF' && pool.softwareTokenMfaEnabled
  const sms = mfa !== 'OFF' && settings.SmsConfiguration !== undefined
  if (mfa !== 'OFF' && !totp && !sms) {
    throw invalidParameter("Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.")
  }
  deps.store.updatePool(pool, {
    name,
    passwordPolicy: passwordPolicy(optionalObject(optionalObject(input, 'Policies') ?? {}, 'PasswordPolicy')),
    autoVerifiedAttributes,
    mfaConfiguration: mfa,
    softwareTokenMfaEnabled: totp,
    smsMfaEnabled: sms,
    settings,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return {}
}

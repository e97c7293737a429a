import type { SetUserMFAPreferenceRequest } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import type { MfaFactor, PoolRecord, UserRecord } from '../state/model.ts'
import { optionalBoolean, optionalObject, type Untrusted } from '../validate.ts'

/** The members SetUserMFAPreference and AdminSetUserMFAPreference share. */
type MfaSettings = Pick<SetUserMFAPreferenceRequest, 'SMSMfaSettings' | 'SoftwareTokenMfaSettings' | 'EmailMfaSettings'>
type Setting = { factor: MfaFactor; enabled?: boolean; preferred?: boolean }

/**
 * SetUserMFAPreference and its admin twin (docs/cognito-behaviour.md#setusermfapreference). A factor whose settings are
 * absent stays as it is; at most one may be preferred; TOTP needs a verified token.
 * Returns the user's new `mfa`, for the caller to store.
 */
export function mfaPreference(input: Untrusted<MfaSettings>, pool: PoolRecord, user: UserRecord): UserRecord['mfa'] {
  const settings: Setting[] = []
  for (const [member, factor] of [
    ['SMSMfaSettings', 'SMS_MFA'],
    ['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA'],
  ] as const) {
    const value = optionalObject(input, member)
    if (value) settings.push({ factor, enabled: optionalBoolean(value, 'Enabled'), preferred: optionalBoolean(value, 'PreferredMfa') })
  }
  const email = optionalObject(input, 'EmailMfaSettings')
  if (email && optionalBoolean(email, 'Enabled')) throw invalidParameter('Email MFA is not configured for this user pool.')

  if (settings.filter((setting) => setting.preferred).length > 1) {
    throw invalidParameter('Only one MFA method can be preferred.')
  }
  for (const setting of settings) {
    if (setting.preferred && setting.enabled !== true) {
      throw invalidParameter('An MFA method must be enabled to be preferred.')
    }
    if (setting.enabled && setting.factor === 'SOFTWARE_TOKEN_MFA' && !user.totp.activeSecret) {
      throw invalidParameter('User has not verified software token mfa')
    }
    if (setting.enabled && setting.factor === 'SMS_MFA' && !user.attributes.phone_number) {
      throw invalidParameter('User does not have a phone_number set to turn on SMS MFA')
    }
  }

  const enabled = new Set(user.mfa.enabled)
  let preferred = user.mfa.preferred
  for (const setting of settings) {
    if (setting.enabled === true) enabled.add(setting.factor)
    if (setting.enabled === false) enabled.delete(setting.factor)
    if (setting.preferred) preferred = setting.factor
    if ((setting.preferred === false || setting.enabled === false) && preferred === setting.factor) preferred = undefined
  }
  // A pool that requires MFA keeps at least one factor on for every user.
  if (pool.mfaConfiguration === 'ON' && enabled.size === 0 && user.mfa.enabled.length > 0) {
    throw invalidParameter('MFA is required by the user pool: the last MFA method cannot be disabled.')
  }
  return { enabled: [...enabled], ...(preferred ? { preferred } : {}) }
}

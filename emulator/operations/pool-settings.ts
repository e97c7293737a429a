import type { CreateUserPoolRequest, UpdateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import type { MemberRule } from '../member-rules.ts'
import type { JsonValue, PoolSettings } from '../state/model.ts'
import { checkString, type Input, type Untrusted } from '../validate.ts'

// CreateUserPool's and UpdateUserPool's members beyond what the local pool acts on, by the rule of
// ADR 022 (docs/cognito-behaviour.md#pool-settings): a member is either kept exactly as sent, checked
// against the service model's shape and returned by DescribeUserPool, or refused with a clear
// "not supported by the local pool"; none is dropped without a word.

/** A member's shape in the service model: what a kept member is checked against. */
type Shape =
  | { string: MemberRule }
  | { enum: readonly string[] }
  | 'boolean'
  | { integer: { min?: number; max?: number } }
  | { structure: Readonly<Record<string, Shape>> }
  | { list: Shape; min?: number; max?: number }
  | { map: { key: MemberRule; value: MemberRule } }

const TEXT = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+'
const ARN: MemberRule = {
  min: 20,
  max: 2048,
  pattern: 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
}
const SMS_MESSAGE: Shape = { string: { min: 6, max: 140, pattern: '.*\\{####\\}.*' } }
const EMAIL_MESSAGE: Shape = {
  string: { min: 6, max: 20000, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*' },
}
const EMAIL_SUBJECT: Shape = { string: { min: 1, max: 140, pattern: TEXT } }

/** The kept members and their shapes, from the service model (the same in both operations). */
const KEPT: Readonly<Record<keyof PoolSettings, Shape>> = {
  DeletionProtection: { enum: ['ACTIVE', 'INACTIVE'] },
  VerificationMessageTemplate: {
    structure: {
      SmsMessage: SMS_MESSAGE,
      EmailMessage: EMAIL_MESSAGE,
      EmailSubject: EMAIL_SUBJECT,
      EmailMessageByLink: {
        string: {
          min: 6,
          max: 20000,
          pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*##\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*',
        },
      },
      EmailSubjectByLink: EMAIL_SUBJECT,
      DefaultEmailOption: { enum: ['CONFIRM_WITH_LINK', 'CONFIRM_WITH_CODE'] },
    },
  },
  SmsVerificationMessage: SMS_MESSAGE,
  EmailVerificationMessage: EMAIL_MESSAGE,
  EmailVerificationSubject: EMAIL_SUBJECT,
  SmsAuthenticationMessage: SMS_MESSAGE,
  UserAttributeUpdateSettings: { structure: { AttributesRequireVerificationBeforeUpdate: { list: { enum: ['phone_number', 'email'] } } } },
  EmailConfiguration: {
    structure: {
      SourceArn: { string: ARN },
      ReplyToEmailAddress: { string: { max: 2048, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+@[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' } },
      EmailSendingAccount: { enum: ['COGNITO_DEFAULT', 'DEVELOPER'] },
      From: { string: { max: 131072 } },
      ConfigurationSet: { string: { min: 1, max: 64, pattern: '[a-zA-Z0-9_-]+' } },
    },
  },
  SmsConfiguration: {
    structure: { SnsCallerArn: { string: ARN }, ExternalId: { string: { max: 131072 } }, SnsRegion: { string: { min: 5, max: 32 } } },
  },
  UserPoolTags: { map: { key: { min: 1, max: 128 }, value: { max: 256 } } },
  AdminCreateUserConfig: {
    structure: {
      AllowAdminCreateUserOnly: 'boolean',
      UnusedAccountValidityDays: { integer: { min: 0, max: 365 } },
      InviteMessageTemplate: {
        structure: {
          SMSMessage: { string: { min: 6, max: 140 } },
          EmailMessage: { string: { min: 6, max: 20000 } },
          EmailSubject: EMAIL_SUBJECT,
        },
      },
    },
  },
  AccountRecoverySetting: {
    structure: {
      RecoveryMechanisms: {
        list: {
          structure: { Priority: { integer: { min: 1, max: 2 } }, Name: { enum: ['verified_email', 'verified_phone_number', 'admin_only'] } },
        },
        min: 1,
        max: 2,
      },
    },
  },
  UserPoolAddOns: { structure: { AdvancedSecurityMode: { enum: ['OFF', 'AUDIT', 'ENFORCED'] } } },
  UserPoolTier: { enum: ['LITE', 'ESSENTIALS', 'PLUS'] },
  // Read by the sign-in: device tracking (auth/devices.ts, docs/cognito-behaviour.md#remembered-devices).
  DeviceConfiguration: { structure: { ChallengeRequiredOnNewDevice: 'boolean', DeviceOnlyRememberedOnUserPrompt: 'boolean' } },
}

/**
 * Members whose behaviour the local pool does not have: refused, each with why, unless empty (an empty
 * LambdaConfig is what DescribeUserPool itself returns, so a client may send it back).
 */
const REFUSED: Readonly<Record<string, string>> = {
  LambdaConfig: 'Lambda triggers are not supported by the local pool.',
  DcrConfiguration: 'DcrConfiguration is not supported by the local pool.',
  KeyConfiguration: 'KeyConfiguration is not supported by the local pool.',
  IssuerConfiguration: 'IssuerConfiguration is not supported by the local pool.',
  AcrConfiguration: 'AcrConfiguration is not supported by the local pool.',
}

/** What Cognito returns for a pool created without these members (docs/cognito-behaviour.md#pool-settings). */
export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  DeletionProtection: 'INACTIVE',
  VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
  EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
  UserPoolTags: {},
  AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
}

/** The kept members of a CreateUserPool or UpdateUserPool request, checked; the refused ones throw. */
export function poolSettings(input: Untrusted<CreateUserPoolRequest> | Untrusted<UpdateUserPoolRequest>): PoolSettings {
  for (const [name, why] of Object.entries(REFUSED)) {
    const value = Object.hasOwn(input, name) ? input[name] : undefined
    if (value === undefined || value === null) continue
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue
    throw invalidParameter(why)
  }
  const settings: Partial<Record<keyof PoolSettings, JsonValue>> = {}
  for (const [name, shape] of Object.entries(KEPT) as [keyof PoolSettings, Shape][]) {
    const value = Object.hasOwn(input, name) ? input[name] : undefined
    if (value === undefined || value === null) continue
    settings[name] = checked(value, shape, name.charAt(0).toLowerCase() + name.slice(1))
  }
  const addOns = settings.UserPoolAddOns as { AdvancedSecurityMode?: string } | undefined
  if (addOns !== undefined && addOns.AdvancedSecurityMode === undefined) {
    throw invalidParameter(
      "1 validation error detected: Value null at 'userPoolAddOns.advancedSecurityMode' failed to satisfy constraint: Member must not be null",
    )
  }
  if (addOns !== undefined && addOns.AdvancedSecurityMode !== 'OFF') {
    throw invalidParameter(
      `AdvancedSecurityMode ${addOns.AdvancedSecurityMode} is not supported by the local pool (it has no threat protection); use OFF.`,
    )
  }
  return settings
}

/**
 * `settings`, once its UserAttributeUpdateSettings names only attributes the pool auto-verifies, as
 * Cognito requires (docs/cognito-behaviour.md#pool-settings).
 */
export function checkedAgainstVerification(settings: PoolSettings, autoVerified: readonly string[]): PoolSettings {
  const update = settings.UserAttributeUpdateSettings as { AttributesRequireVerificationBeforeUpdate?: string[] } | undefined
  if ((update?.AttributesRequireVerificationBeforeUpdate ?? []).some((name) => !autoVerified.includes(name))) {
    throw invalidParameter('All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes')
  }
  return settings
}

/** The pool's settings as DescribeUserPool returns them: Cognito's defaults, then what was sent. */
export function settingsOf(stored: PoolSettings | undefined): PoolSettings {
  return { ...DEFAULT_POOL_SETTINGS, ...stored }
}

/** `value` checked against `shape`, as a copy holding only the shape's members. */
function checked(value: unknown, shape: Shape, path: string): JsonValue {
  const fail = (constraint: string) => invalidParameter(`1 validation error detected: Value at '${path}' failed to satisfy constraint: ${constraint}`)
  if (shape === 'boolean') {
    if (typeof value !== 'boolean') throw fail('Member must be a boolean')
    return value
  }
  if ('string' in shape) {
    if (typeof value !== 'string') throw fail('Member must be a string')
    return checkString(value, shape.string, path)
  }
  if ('enum' in shape) {
    if (typeof value !== 'string' || !shape.enum.includes(value)) {
      const shown = typeof value === 'string' ? ` '${value.slice(0, 256)}'` : ''
      throw invalidParameter(
        `1 validation error detected: Value${shown} at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
      )
    }
    return value
  }
  if ('integer' in shape) {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw fail('Member must be an integer')
    const { min, max } = shape.integer
    if (min !== undefined && value < min) throw fail(`Member must have value greater than or equal to ${min}`)
    if (max !== undefined && value > max) throw fail(`Member must have value less than or equal to ${max}`)
    return value
  }
  if ('list' in shape) {
    if (!Array.isArray(value)) throw fail('Member must be a list')
    if (shape.min !== undefined && value.length < shape.min) throw fail(`Member must have length greater than or equal to ${shape.min}`)
    if (shape.max !== undefined && value.length > shape.max) throw fail(`Member must have length less than or equal to ${shape.max}`)
    if (value.length > 100) throw fail('Member must have length less than or equal to 100')
    return value.map((item, index) => checked(item, shape.list, `${path}.${index + 1}.member`))
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail(`Member must be a ${'map' in shape ? 'map' : 'structure'}`)
  // No prototype: a key such as "__proto__" from a request stays an ordinary key.
  const copy: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>
  if ('map' in shape) {
    const entries = Object.entries(value as Input)
    // Cognito allows 50 tags on a pool (TagResource).
    if (entries.length > 50) throw fail('Member must have at most 50 entries')
    for (const [key, entry] of entries) {
      checkString(key, shape.map.key, `${path}.key`)
      if (typeof entry !== 'string') throw fail('Map values must be strings')
      copy[key] = checkString(entry, shape.map.value, `${path}.value`)
    }
    return copy
  }
  for (const [name, member] of Object.entries(value as Input)) {
    if (!Object.hasOwn(shape.structure, name)) {
      throw invalidParameter(`${path}.${name} is not supported by the local pool.`)
    }
    if (member === undefined || member === null) continue
    copy[name] = checked(member, shape.structure[name], `${path}.${name.charAt(0).toLowerCase() + name.slice(1)}`)
  }
  return copy
}

import type {
  AliasAttributeType,
  ExplicitAuthFlowsType,
  TimeUnitsType,
  UsernameAttributeType,
  VerifiedAttributeType,
} from '@aws-sdk/client-cognito-identity-provider'
import type { SigningKey } from '../domain/tokens.ts'

// Everything here is plain JSON so a snapshot can persist it as it is. Every record is read-only:
// a change is a new record handed to the store (Store.updateUser and its siblings), never an
// assignment into one it gave out, so the records of before a request stay intact and the store
// can put them back when the snapshot of that request cannot be saved (Store.rollback).

export type MfaConfiguration = 'OFF' | 'ON' | 'OPTIONAL'
export type MfaFactor = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA'

export type PasswordPolicy = Readonly<{
  MinimumLength: number
  RequireUppercase: boolean
  RequireLowercase: boolean
  RequireNumbers: boolean
  RequireSymbols: boolean
  TemporaryPasswordValidityDays: number
}>

export type PoolRecord = Readonly<{
  id: string
  name: string
  createdAt: number // epoch seconds
  lastModifiedAt: number
  mfaConfiguration: MfaConfiguration
  softwareTokenMfaEnabled: boolean
  smsMfaEnabled: boolean
  passwordPolicy: PasswordPolicy
  usernameAttributes: readonly UsernameAttributeType[]
  aliasAttributes: readonly AliasAttributeType[]
  autoVerifiedAttributes: readonly VerifiedAttributeType[]
  usernameCaseSensitive: boolean
  signingKey: Readonly<SigningKey>
  /**
   * The pool's attribute schema as DescribeUserPool returns it (docs/cognito-behaviour.md#pool-schema).
   * Optional: a pool from a state file written before it existed has the standard attributes only.
   */
  schemaAttributes?: readonly SchemaAttribute[]
  /**
   * CreateUserPool's members the local pool keeps and returns as Cognito does without acting on them
   * (messages, tags, recovery settings …; docs/cognito-behaviour.md#pool-settings), by member name.
   * Optional, as above.
   */
  settings?: PoolSettings
}>

/** One attribute of a pool's schema, Cognito's SchemaAttributeType with every member filled in. */
export type SchemaAttribute = Readonly<{
  Name: string
  AttributeDataType: 'String' | 'Number' | 'DateTime' | 'Boolean'
  DeveloperOnlyAttribute: boolean
  Mutable: boolean
  Required: boolean
  StringAttributeConstraints?: Readonly<{ MinLength?: string; MaxLength?: string }>
  NumberAttributeConstraints?: Readonly<{ MinValue?: string; MaxValue?: string }>
}>

/** A JSON value as a request carried it. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue }

/** The UserPoolType members kept as sent (settings of CreateUserPool / UpdateUserPool), by name. */
export const STORED_POOL_SETTINGS = [
  'DeletionProtection',
  'VerificationMessageTemplate',
  'SmsVerificationMessage',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'SmsAuthenticationMessage',
  'UserAttributeUpdateSettings',
  'EmailConfiguration',
  'SmsConfiguration',
  'UserPoolTags',
  'AdminCreateUserConfig',
  'AccountRecoverySetting',
  'UserPoolAddOns',
  'UserPoolTier',
  // Device tracking (docs/cognito-behaviour.md#remembered-devices): kept as sent and read by the sign-in.
  'DeviceConfiguration',
] as const

export type PoolSettings = Readonly<Partial<Record<(typeof STORED_POOL_SETTINGS)[number], JsonValue>>>

/** Every ExplicitAuthFlows name the SDK has: what a client may be created with and a state file may hold. */
export const EXPLICIT_AUTH_FLOWS = [
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
] as const satisfies readonly ExplicitAuthFlowsType[]

export type ClientRecord = Readonly<{
  clientId: string
  poolId: string
  name: string
  explicitAuthFlows: readonly ExplicitAuthFlowsType[]
  authSessionValidityMinutes: number
  accessTokenValiditySeconds: number
  idTokenValiditySeconds: number
  refreshTokenValiditySeconds: number
  tokenValidityUnits: Readonly<{ AccessToken: TimeUnitsType; IdToken: TimeUnitsType; RefreshToken: TimeUnitsType }>
  enableTokenRevocation: boolean
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED'
  /** GenerateSecret: the secret SECRET_HASH is keyed with. Optional, so state files from before it load (no secret). */
  clientSecret?: string
  createdAt: number
  lastModifiedAt: number
}>

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED'

/** Wrong codes entered and new codes asked for in the hour that began at `since` (epoch ms). */
export type HourlyCodeAttempts = Readonly<{ since: number; wrongCodes: number; resends: number }>

export type UserRecord = Readonly<{
  poolId: string
  username: string
  sub: string
  attributes: Readonly<Record<string, string>>
  status: UserStatus
  enabled: boolean
  createdAt: number
  lastModifiedAt: number
  /** Only the SRP salt and verifier are kept, never the password (docs/cognito-behaviour.md#srp-verifier). */
  srp: Readonly<{ saltHex: string; verifierHex: string }>
  mfa: Readonly<{ enabled: readonly MfaFactor[]; preferred?: MfaFactor }>
  totp: Readonly<{ activeSecret?: string; pendingSecret?: string; deviceName?: string; lastUsedStep?: number }>
  /** Wrong passwords and wrong MFA codes since the last sign-in (docs/cognito-behaviour.md#wrong-mfa-codes). */
  failedPasswordAttempts: number
  lockedUntil?: number // epoch ms
  confirmationCode?: Readonly<{ code: string; expiresAt: number; triesLeft: number }>
  /**
   * Wrong sign-up codes entered and new codes asked for in the hour that began at `since` (epoch ms),
   * across codes (docs/cognito-behaviour.md#confirmation-code-limits). Optional, so state files
   * written before it existed still load.
   */
  confirmationAttempts?: HourlyCodeAttempts
  /**
   * The code of the last ForgotPassword or AdminResetUserPassword, valid one hour and once
   * (docs/cognito-behaviour.md#password-reset-codes). Optional, as are the counts below.
   */
  passwordResetCode?: Readonly<{ code: string; expiresAt: number }>
  /** Reset codes asked for and mistyped in the current hour, counted apart from sign-up codes. */
  passwordResetAttempts?: HourlyCodeAttempts
  /** GlobalSignOut on a client without revocation ids: access tokens issued at or before this (epoch s) are dead. */
  tokensRevokedAt?: number
  /**
   * The code last sent to verify the email address or phone number, one per attribute, valid 24 hours
   * (docs/cognito-behaviour.md#attribute-verification). Optional, as are the counts below.
   */
  attributeCodes?: Readonly<Partial<Record<'email' | 'phone_number', Readonly<{ code: string; expiresAt: number }>>>>
  /** Attribute verification codes asked for and mistyped in the current hour. */
  attributeCodeAttempts?: HourlyCodeAttempts
  /**
   * A new email or phone number that waits for its code before it replaces the current one, in a pool
   * whose AttributesRequireVerificationBeforeUpdate names it (docs/cognito-behaviour.md#attribute-updates).
   */
  pendingAttributes?: Readonly<Partial<Record<'email' | 'phone_number', string>>>
  /** The names of the pool's groups the user is in (AdminAddUserToGroup). Optional: absent is none. */
  groups?: readonly string[]
  /**
   * The devices issued to the user by sign-ins in a pool with device tracking, oldest first
   * (docs/cognito-behaviour.md#remembered-devices). Optional: absent is none.
   */
  devices?: readonly DeviceRecord[]
}>

/**
 * One device of a user. Issued (NewDeviceMetadata) without `srp`; ConfirmDevice stores the device's
 * SRP salt and verifier, never its secret. Dates are epoch ms: Cognito returns fractional seconds.
 */
export type DeviceRecord = Readonly<{
  key: string
  groupKey: string
  createdAt: number
  lastModifiedAt: number
  lastAuthenticatedAt: number
  srp?: Readonly<{ saltHex: string; verifierHex: string }>
  name?: string
  /** `dev:device_remembered_status`: only a remembered device may stand in for the MFA code. */
  remembered: boolean
}>

/** A user group of a pool (CreateGroup); who is in it is kept on each user (UserRecord.groups). */
export type GroupRecord = Readonly<{
  poolId: string
  name: string
  description?: string
  roleArn?: string
  precedence?: number
  createdAt: number // epoch seconds
  lastModifiedAt: number
}>

export type RefreshRecord = Readonly<{
  token: string
  poolId: string
  clientId: string
  sub: string
  originJti: string
  authTime: number // epoch seconds
  expiresAt: number // epoch ms
  revoked: boolean
  /**
   * The device the sign-in was made on, when the pool tracks devices: its refresh needs that DEVICE_KEY
   * and ends with the device (docs/cognito-behaviour.md#remembered-devices). Optional: absent is none.
   */
  deviceKey?: string
  /**
   * True while `deviceKey` was issued to this sign-in (NewDeviceMetadata) and not yet confirmed: such a key
   * binds nothing, so the device being dropped (MAX_UNCONFIRMED_DEVICES) leaves the token working.
   * ConfirmDevice clears it. Optional: absent (and in older state files) the device binds.
   */
  deviceUnconfirmed?: boolean
}>

export type PersistentState = Readonly<{
  version: 1
  pools: readonly PoolRecord[]
  clients: readonly ClientRecord[]
  users: readonly UserRecord[]
  refreshTokens: readonly RefreshRecord[]
  /** Optional: state files written before groups existed have none. */
  groups?: readonly GroupRecord[]
}>

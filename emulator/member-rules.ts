/**
 * Cognito's constraints on every string member the emulator reads, from the service's Smithy model
 * (the `smithy.api#length` and `smithy.api#pattern` traits of each shape; the API reference prints
 * the same as "Length Constraints" and "Pattern"), in one table: validate.ts applies the rule of a
 * member whenever an operation reads it, so no operation can forget a limit or pass another one
 * (docs/cognito-behaviour.md#input-limits).
 *
 * Linear time: a length is checked before its pattern, so a pattern only ever runs on a bounded
 * value, or, where the model sets no maximum (tokens), is a single character class, which the
 * regular expression engine matches without backtracking.
 */
export type MemberRule = Readonly<{
  min?: number
  max?: number
  /** The model's pattern, which must match the whole value (as Java's `matches`, which AWS uses). */
  pattern?: string
  /** The model marks the shape sensitive: AWS then leaves the value out of its validation messages. */
  sensitive?: boolean
}>

// Shapes shared by several members.
const USERNAME: MemberRule = { min: 1, max: 128, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', sensitive: true }
// The model's pattern for passwords, `[\S]+`, is left out: Cognito now takes passphrases with inner
// spaces, and the pool's password policy (auth/password.ts) decides about characters.
const PASSWORD: MemberRule = { max: 256, sensitive: true }
const TOKEN: MemberRule = { pattern: '[A-Za-z0-9-_=.]+', sensitive: true }
const NAME: MemberRule = { min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' }

/** Request members by name; the same name has the same shape in every operation the emulator has. */
export const MEMBER_RULES = {
  UserPoolId: { min: 1, max: 55, pattern: '[\\w-]+_[0-9a-zA-Z]+' },
  ClientId: { min: 1, max: 128, pattern: '[\\w+]+', sensitive: true },
  Username: USERNAME,
  Password: PASSWORD,
  TemporaryPassword: PASSWORD,
  PreviousPassword: PASSWORD,
  ProposedPassword: PASSWORD,
  Session: { min: 20, max: 2048, sensitive: true },
  AccessToken: TOKEN,
  RefreshToken: TOKEN,
  Token: TOKEN,
  ConfirmationCode: { min: 1, max: 2048, pattern: '[\\S]+' },
  /** VerifyUserAttribute's code (ConfirmationCodeType, as ConfirmationCode). */
  Code: { min: 1, max: 2048, pattern: '[\\S]+' },
  /** GetUserAttributeVerificationCode's and VerifyUserAttribute's attribute (AttributeNameType). */
  AttributeName: { min: 1, max: 32, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
  UserCode: { min: 6, max: 6, pattern: '[0-9]+', sensitive: true },
  FriendlyDeviceName: { min: 0, max: 131072 },
  PoolName: NAME,
  ClientName: NAME,
  Filter: { max: 256 },
  NextToken: { min: 1, max: 131072, pattern: '[\\S]+' },
  PaginationToken: { min: 1, pattern: '[\\S]+' },
  SecretHash: { min: 1, max: 128, pattern: '[\\w+=/]+', sensitive: true },
  ClientSecret: { min: 1, max: 64, pattern: '[\\w+]+', sensitive: true },
  GroupName: { min: 1, max: 128, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
  Description: { max: 2048 },
  /** DeviceKeyType and DeviceNameType (ConfirmDevice, the device operations, GetTokensFromRefreshToken). */
  DeviceKey: { min: 1, max: 55, pattern: '[\\w-]+_[0-9a-f-]+' },
  DeviceName: { min: 1, max: 1024 },
  /**
   * DeviceSecretVerifierConfigType's members: StringType, with no limit in the model; what they decode to
   * is bounded where it is read (domain/device-srp.ts).
   */
  PasswordVerifier: { max: 131072, sensitive: true },
  Salt: { max: 131072, sensitive: true },
  RoleArn: {
    min: 20,
    max: 2048,
    pattern: 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
  },
} as const satisfies Record<string, MemberRule>

/** The request members that are strings (enums aside, which their value set checks). */
export type StringMember = keyof typeof MEMBER_RULES

/** AttributeType: `Name` and `Value` of each entry of UserAttributes. */
export const ATTRIBUTE_NAME: MemberRule = { min: 1, max: 32, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+' }
export const ATTRIBUTE_VALUE: MemberRule = { max: 2048, sensitive: true }

/** A custom attribute's name after `custom:` (CustomAttributeNameType in the model). */
export const CUSTOM_ATTRIBUTE_NAME: MemberRule = { min: 1, max: 20, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' }

/** Keys and values of AuthParameters and ChallengeResponses (StringType). */
export const MAP_ENTRY: MemberRule = { max: 131072, sensitive: true }

/**
 * The standard attributes every user pool has (OpenID Connect's, plus the two `_verified` flags);
 * any other name must be `custom:<name>`.
 */
export const STANDARD_ATTRIBUTES: ReadonlySet<string> = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'sub',
  'updated_at',
  'website',
  'zoneinfo',
])

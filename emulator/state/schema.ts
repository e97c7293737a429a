import { createPrivateKey, createPublicKey, sign, verify, type JsonWebKey } from 'node:crypto'
import type {
  AliasAttributeType,
  ExplicitAuthFlowsType,
  TimeUnitsType,
  UsernameAttributeType,
  VerifiedAttributeType,
} from '@aws-sdk/client-cognito-identity-provider'
import { z } from 'zod'
import {
  EXPLICIT_AUTH_FLOWS,
  STORED_POOL_SETTINGS,
  type ClientRecord,
  type GroupRecord,
  type MfaFactor,
  type PersistentState,
  type PoolRecord,
  type RefreshRecord,
  type UserRecord,
  type UserStatus,
} from './model.ts'

// The state file's schema: every record the store and the sign-in code read, checked at load, so a
// half-valid file (a user without its SRP verifier, a pool without its signing key) is refused at
// start with the bad record named, instead of answering 500 at the first sign-in. The types stay in
// model.ts (what the code is written against); the checks at the end of this file fail to compile when
// a member is added to or removed from one side only.
//
// Objects are strict: a member this emulator does not know (a file from a newer version, a typo in a
// hand edit) is refused, not silently dropped at the next save (docs/decisions/013-local-pool-journal.md).

const text = z.string()
const id = z.string().min(1)
const count = z.number().int().nonnegative()
const epochMs = z.number().int()
const epochSeconds = z.number().int()

// The enumerations, spelled out: their types are the SDK's (checked below), their values are needed at run time.
const timeUnits = ['days', 'hours', 'minutes', 'seconds'] as const satisfies readonly TimeUnitsType[]
const usernameAttributes = ['email', 'phone_number'] as const satisfies readonly UsernameAttributeType[]
const aliasAttributes = ['email', 'phone_number', 'preferred_username'] as const satisfies readonly AliasAttributeType[]
const verifiedAttributes = ['email', 'phone_number'] as const satisfies readonly VerifiedAttributeType[]
const mfaFactors = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'] as const satisfies readonly MfaFactor[]
const userStatuses = ['UNCONFIRMED', 'CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED'] as const satisfies readonly UserStatus[]

const hex = z.string().regex(/^[0-9a-f]+$/i, 'expected hex digits')

// JWKs keep every member (an RSA private key has eight): loose, with the ones signing and JWKS need checked.
const publicJwk = z.looseObject({ kty: z.literal('RSA'), n: id, e: id })
const privateJwk = z.looseObject({ kty: z.literal('RSA'), n: id, e: id, d: id, p: id, q: id, dp: id, dq: id, qi: id })
// Members present but not a pair (a hand-edited "n") would load, then sign tokens nobody can verify.
const signingKey = z
  .strictObject({ kid: id, privateJwk, publicJwk })
  .refine(signsAndVerifies, { message: 'expected an RSA key pair whose private key signs what its public key verifies', path: ['privateJwk'] })

// TOTP secrets are base32 (RFC 4648), as otpauth reads them: anything else would load, then fail the code check.
const base32 = z.string().regex(/^[A-Z2-7]+=*$/i, 'expected a base32 secret')

export const poolSchema = z.strictObject({
  id,
  name: text,
  createdAt: epochSeconds,
  lastModifiedAt: epochSeconds,
  mfaConfiguration: z.enum(['OFF', 'ON', 'OPTIONAL']),
  softwareTokenMfaEnabled: z.boolean(),
  smsMfaEnabled: z.boolean(),
  passwordPolicy: z.strictObject({
    MinimumLength: count,
    RequireUppercase: z.boolean(),
    RequireLowercase: z.boolean(),
    RequireNumbers: z.boolean(),
    RequireSymbols: z.boolean(),
    TemporaryPasswordValidityDays: count,
  }),
  usernameAttributes: z.array(z.enum(usernameAttributes)),
  aliasAttributes: z.array(z.enum(aliasAttributes)),
  autoVerifiedAttributes: z.array(z.enum(verifiedAttributes)),
  usernameCaseSensitive: z.boolean(),
  signingKey,
  schemaAttributes: z
    .array(
      z.strictObject({
        Name: id,
        AttributeDataType: z.enum(['String', 'Number', 'DateTime', 'Boolean']),
        DeveloperOnlyAttribute: z.boolean(),
        Mutable: z.boolean(),
        Required: z.boolean(),
        StringAttributeConstraints: z.strictObject({ MinLength: text.optional(), MaxLength: text.optional() }).optional(),
        NumberAttributeConstraints: z.strictObject({ MinValue: text.optional(), MaxValue: text.optional() }).optional(),
      }),
    )
    .optional(),
  // Kept as the request sent them (checked then, create-user-pool.ts): any JSON, under known names only.
  settings: z.partialRecord(z.enum(STORED_POOL_SETTINGS), z.json()).optional(),
}) satisfies z.ZodType<PoolRecord>

export const clientSchema = z.strictObject({
  clientId: id,
  poolId: id,
  name: text,
  explicitAuthFlows: z.array(z.enum(EXPLICIT_AUTH_FLOWS)),
  authSessionValidityMinutes: count,
  accessTokenValiditySeconds: count,
  idTokenValiditySeconds: count,
  refreshTokenValiditySeconds: count,
  tokenValidityUnits: z.strictObject({ AccessToken: z.enum(timeUnits), IdToken: z.enum(timeUnits), RefreshToken: z.enum(timeUnits) }),
  enableTokenRevocation: z.boolean(),
  preventUserExistenceErrors: z.enum(['LEGACY', 'ENABLED']),
  clientSecret: z.string().optional(),
  createdAt: epochSeconds,
  lastModifiedAt: epochSeconds,
}) satisfies z.ZodType<ClientRecord>

const hourlyAttempts = z.strictObject({ since: epochMs, wrongCodes: count, resends: count })

export const userSchema = z.strictObject({
  poolId: id,
  username: id,
  sub: id,
  attributes: z.record(z.string(), z.string()),
  status: z.enum(userStatuses),
  enabled: z.boolean(),
  createdAt: epochSeconds,
  lastModifiedAt: epochSeconds,
  srp: z.strictObject({ saltHex: hex, verifierHex: hex }),
  mfa: z.strictObject({ enabled: z.array(z.enum(mfaFactors)), preferred: z.enum(mfaFactors).optional() }),
  totp: z.strictObject({
    activeSecret: base32.optional(),
    pendingSecret: base32.optional(),
    deviceName: text.optional(),
    lastUsedStep: count.optional(),
  }),
  failedPasswordAttempts: count,
  lockedUntil: epochMs.optional(),
  confirmationCode: z.strictObject({ code: id, expiresAt: epochMs, triesLeft: z.number().int() }).optional(),
  confirmationAttempts: hourlyAttempts.optional(),
  passwordResetCode: z.strictObject({ code: id, expiresAt: epochMs }).optional(),
  passwordResetAttempts: hourlyAttempts.optional(),
  tokensRevokedAt: epochSeconds.optional(),
  attributeCodes: z
    .strictObject({
      email: z.strictObject({ code: id, expiresAt: epochMs }).optional(),
      phone_number: z.strictObject({ code: id, expiresAt: epochMs }).optional(),
    })
    .optional(),
  attributeCodeAttempts: hourlyAttempts.optional(),
  pendingAttributes: z.strictObject({ email: text.optional(), phone_number: text.optional() }).optional(),
  groups: z.array(id).optional(),
  devices: z
    .array(
      z.strictObject({
        key: id,
        groupKey: id,
        createdAt: epochMs,
        lastModifiedAt: epochMs,
        lastAuthenticatedAt: epochMs,
        srp: z.strictObject({ saltHex: hex, verifierHex: hex }).optional(),
        name: text.optional(),
        remembered: z.boolean(),
      }),
    )
    .optional(),
}) satisfies z.ZodType<UserRecord>

export const groupSchema = z.strictObject({
  poolId: id,
  name: id,
  description: text.optional(),
  roleArn: text.optional(),
  precedence: count.optional(),
  createdAt: epochSeconds,
  lastModifiedAt: epochSeconds,
}) satisfies z.ZodType<GroupRecord>

export const refreshSchema = z.strictObject({
  token: id,
  poolId: id,
  clientId: id,
  sub: id,
  originJti: id,
  authTime: epochSeconds,
  expiresAt: epochMs,
  revoked: z.boolean(),
  deviceKey: id.optional(),
  deviceUnconfirmed: z.boolean().optional(),
}) satisfies z.ZodType<RefreshRecord>

export type StateFile = PersistentState & { journalId?: string }

/** The snapshot file: the records, plus the id of the journal that goes with it (journal.ts). */
export const stateSchema = z.strictObject({
  version: z.literal(1),
  /** The journal whose lines apply on top of this snapshot; absent in files written before the journal. */
  journalId: id.optional(),
  pools: z.array(poolSchema),
  clients: z.array(clientSchema),
  users: z.array(userSchema),
  refreshTokens: z.array(refreshSchema),
  groups: z.array(groupSchema).optional(),
}) satisfies z.ZodType<StateFile>

// Compile-time checks that the schema and model.ts describe the same records. `satisfies` catches a
// member of the wrong type or missing from the schema while required in the model; `SameMembers`
// catches an optional member (or a nested one) that one side has and the other lacks.

type Output<S extends z.ZodType> = z.output<S>
/** Every member path ("srp.saltHex", "totp.lastUsedStep" …); JWK members, attribute maps and pool settings (any JSON) are leaves. */
type Paths<T> = T extends readonly (infer E)[]
  ? Paths<E>
  : T extends object
    ? string extends keyof T
      ? never
      : { [K in keyof T & string]-?: K extends 'privateJwk' | 'publicJwk' | 'settings' ? K : K | `${K}.${Paths<NonNullable<T[K]>>}` }[keyof T &
          string]
    : never
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type SameMembers<Model, S extends z.ZodType> = Same<Paths<Model>, Paths<Output<S>>>

export const schemaMatchesModel: [
  SameMembers<PoolRecord, typeof poolSchema>,
  SameMembers<ClientRecord, typeof clientSchema>,
  SameMembers<UserRecord, typeof userSchema>,
  SameMembers<RefreshRecord, typeof refreshSchema>,
  SameMembers<GroupRecord, typeof groupSchema>,
  Same<ExplicitAuthFlowsType, (typeof EXPLICIT_AUTH_FLOWS)[number]>,
  Same<TimeUnitsType, (typeof timeUnits)[number]>,
  Same<UsernameAttributeType, (typeof usernameAttributes)[number]>,
  Same<AliasAttributeType, (typeof aliasAttributes)[number]>,
  Same<VerifiedAttributeType, (typeof verifiedAttributes)[number]>,
  Same<MfaFactor, (typeof mfaFactors)[number]>,
  Same<UserStatus, (typeof userStatuses)[number]>,
] = [true, true, true, true, true, true, true, true, true, true, true, true]

function signsAndVerifies(key: { privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> }): boolean {
  try {
    const probe = Buffer.from('local user pool state check')
    const signature = sign('sha256', probe, createPrivateKey({ key: key.privateJwk as JsonWebKey, format: 'jwk' }))
    return verify('sha256', probe, createPublicKey({ key: key.publicJwk as JsonWebKey, format: 'jwk' }), signature)
  } catch {
    return false
  }
}

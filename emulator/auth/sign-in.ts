import { randomInt } from 'node:crypto'
import { cognitoError, notAuthorized } from '../errors.ts'
import type { Deps } from '../deps.ts'
import type { ClientRecord, MfaFactor, PoolRecord, UserRecord } from '../state/model.ts'
import { missingRequiredAttributes } from './schema-attributes.ts'
import { deviceTracking, findDevice, issueDevice, updateDevice } from './devices.ts'
import { lockoutCleared } from './password.ts'
import { issueTokens, type AuthenticationResult } from './tokens.ts'
import type { ChallengeName, SessionRecord } from './sessions.ts'

/** The shape InitiateAuth and RespondToAuthChallenge share (docs/cognito-behaviour.md#initiateauth). */
export type AuthResponse = {
  ChallengeName?: ChallengeName
  Session?: string
  ChallengeParameters: Record<string, string>
  AuthenticationResult?: AuthenticationResult
}

/**
 * `deviceKey`: a confirmed device of the user that the sign-in named (DEVICE_KEY), which must prove
 * itself by device SRP before tokens (docs/cognito-behaviour.md#remembered-devices).
 */
export type SignInContext = { deps: Deps; pool: PoolRecord; client: ClientRecord; user: UserRecord; deviceKey?: string }

/** A challenge answer with a new session; `previous` (if any) is spent by it. */
export function challenge(
  ctx: SignInContext,
  name: ChallengeName,
  parameters: Record<string, string>,
  extra: Partial<SessionRecord> = {},
  previous?: SessionRecord,
): AuthResponse {
  const device = ctx.deviceKey !== undefined ? { deviceKey: ctx.deviceKey } : {}
  const fields = { poolId: ctx.pool.id, clientId: ctx.client.clientId, sub: ctx.user.sub, challenge: name, ...device, ...extra }
  const validity = ctx.client.authSessionValidityMinutes
  const continues = name === 'DEVICE_SRP_AUTH' && previous !== undefined && previous.challenge !== 'PASSWORD_VERIFIER'
  const session = !previous
    ? ctx.deps.sessions.issue(fields, validity)
    : continues
      ? ctx.deps.sessions.continueAs(previous, fields)
      : ctx.deps.sessions.next(previous, fields, validity)
  return { ChallengeName: name, Session: session.id, ChallengeParameters: { USER_ID_FOR_SRP: ctx.user.username, ...parameters } }
}

/**
 * The end of a sign-in. Only here does the failure count go back to zero: a proven password
 * alone does not reset it, or signing in again would wipe out the wrong MFA codes
 * (docs/cognito-behaviour.md#wrong-mfa-codes). `provenDevice`: the device that proved itself by
 * device SRP; without it, a pool that tracks devices issues a new one (NewDeviceMetadata).
 */
export async function tokens(ctx: SignInContext, previous?: SessionRecord, provenDevice?: string): Promise<AuthResponse> {
  // The stored record, not ctx.user: an AdminDisableUser between the password and the MFA answer
  // must still stop the sign-in (docs/cognito-behaviour.md#admindisableuser).
  const current = ctx.deps.store.findUserBySub(ctx.pool.id, ctx.user.sub) ?? ctx.user
  if (!current.enabled) throw notAuthorized('User is disabled.')
  if (previous) ctx.deps.sessions.spend(previous)
  const cleared = lockoutCleared(current)
  let user = cleared ? ctx.deps.store.updateUser(current, cleared) : current
  if (provenDevice !== undefined) {
    user = updateDevice(ctx.deps, user, provenDevice, { lastAuthenticatedAt: ctx.deps.clock.now() })
    return {
      ChallengeParameters: {},
      AuthenticationResult: await issueTokens(ctx.deps, ctx.pool, ctx.client, user, undefined, { key: provenDevice, confirmed: true }),
    }
  }
  if (!deviceTracking(ctx.pool)) return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(ctx.deps, ctx.pool, ctx.client, user) }
  const issued = issueDevice(ctx.deps, user)
  const result = await issueTokens(ctx.deps, ctx.pool, ctx.client, issued.user, undefined, { key: issued.device.key, confirmed: false })
  return {
    ChallengeParameters: {},
    AuthenticationResult: { ...result, NewDeviceMetadata: { DeviceKey: issued.device.key, DeviceGroupKey: issued.device.groupKey } },
  }
}

/**
 * The second factor is answered (or none was due): a device the sign-in named proves itself first
 * (DEVICE_SRP_AUTH), otherwise tokens (docs/cognito-behaviour.md#remembered-devices).
 */
export async function afterFactors(ctx: SignInContext, previous?: SessionRecord): Promise<AuthResponse> {
  if (ctx.deviceKey !== undefined) return challenge(ctx, 'DEVICE_SRP_AUTH', {}, {}, previous)
  return tokens(ctx, previous)
}

/** A remembered device stands in for the MFA code when the pool says so (ChallengeRequiredOnNewDevice). */
function rememberedDeviceSkipsMfa(ctx: SignInContext): boolean {
  if (ctx.deviceKey === undefined) return false
  return findDevice(ctx.user, ctx.deviceKey)?.remembered === true && deviceTracking(ctx.pool)?.ChallengeRequiredOnNewDevice === true
}

/** Account states that stop a sign-in once the password is proven (docs/cognito-behaviour.md#account-states). */
export function refuseUnusableAccount(user: UserRecord): void {
  if (!user.enabled) throw notAuthorized('User is disabled.')
  if (user.status === 'UNCONFIRMED') throw cognitoError('UserNotConfirmedException', 'User is not confirmed.')
  if (user.status === 'RESET_REQUIRED') {
    throw cognitoError('PasswordResetRequiredException', 'Password reset required for the user')
  }
}

/** What follows a proven password, steps 2–6 of docs/cognito-behaviour.md#after-the-password-is-proven. */
export async function afterPassword(ctx: SignInContext, previous?: SessionRecord): Promise<AuthResponse> {
  refuseUnusableAccount(ctx.user)
  if (ctx.user.status === 'FORCE_CHANGE_PASSWORD') {
    const { sub: _sub, ...visible } = ctx.user.attributes
    // The required attributes the user still lacks, named as the answer must send them (docs/cognito-behaviour.md#after-the-password-is-proven).
    const required = missingRequiredAttributes(ctx.pool, ctx.user.attributes).map((name) => `userAttributes.${name}`)
    return challenge(
      ctx,
      'NEW_PASSWORD_REQUIRED',
      { userAttributes: JSON.stringify(visible), requiredAttributes: JSON.stringify(required) },
      {},
      previous,
    )
  }
  return mfaStep(ctx, previous)
}

/** Which second factors this user can be challenged with now (docs/cognito-behaviour.md#mfa-decision). */
export function activeFactors(pool: PoolRecord, user: UserRecord): MfaFactor[] {
  if (pool.mfaConfiguration === 'OFF') return []
  const required = pool.mfaConfiguration === 'ON'
  const factors: MfaFactor[] = []
  // A new, unverified association suspends the old token until it is verified
  // (docs/cognito-behaviour.md#authenticator-setup).
  const hasToken = user.totp.activeSecret !== undefined && user.totp.pendingSecret === undefined
  if (hasToken && (required || user.mfa.enabled.includes('SOFTWARE_TOKEN_MFA'))) factors.push('SOFTWARE_TOKEN_MFA')
  const hasPhone = pool.smsMfaEnabled && Boolean(user.attributes.phone_number)
  if (hasPhone && (required || user.mfa.enabled.includes('SMS_MFA'))) factors.push('SMS_MFA')
  return factors
}

export function setupFactors(pool: PoolRecord): MfaFactor[] {
  const factors: MfaFactor[] = []
  if (pool.smsMfaEnabled) factors.push('SMS_MFA')
  if (pool.softwareTokenMfaEnabled) factors.push('SOFTWARE_TOKEN_MFA')
  return factors
}

async function mfaStep(ctx: SignInContext, previous?: SessionRecord): Promise<AuthResponse> {
  const active = activeFactors(ctx.pool, ctx.user)
  if (active.length === 0) {
    if (ctx.pool.mfaConfiguration !== 'ON') return afterFactors(ctx, previous)
    return challenge(ctx, 'MFA_SETUP', { MFAS_CAN_SETUP: JSON.stringify(setupFactors(ctx.pool)) }, { mfaSetupStage: 'associate' }, previous)
  }
  // Only a factor the user has is skipped: a remembered device never stands in for setting one up.
  if (rememberedDeviceSkipsMfa(ctx)) return challenge(ctx, 'DEVICE_SRP_AUTH', {}, {}, previous)
  const preferred = ctx.user.mfa.preferred
  if (preferred && active.includes(preferred)) return factorChallenge(ctx, preferred, previous)
  if (active.length === 1) return factorChallenge(ctx, active[0], previous)
  return challenge(ctx, 'SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: JSON.stringify(active) }, { canChoose: active }, previous)
}

export function factorChallenge(ctx: SignInContext, factor: MfaFactor, previous?: SessionRecord): AuthResponse {
  if (factor === 'SOFTWARE_TOKEN_MFA') {
    // AWS sends a default name when none was given at verification.
    const deviceName = ctx.user.totp.deviceName || 'TOTP device'
    return challenge(ctx, 'SOFTWARE_TOKEN_MFA', { FRIENDLY_DEVICE_NAME: deviceName }, {}, previous)
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const phone = ctx.user.attributes.phone_number ?? ''
  const destination = `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`
  ctx.deps.log(`SMS code for ${ctx.user.username} (${destination}): ${code}`)
  return challenge(ctx, 'SMS_MFA', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: destination }, { smsCode: code }, previous)
}

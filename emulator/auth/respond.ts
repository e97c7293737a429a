import type { AdminRespondToAuthChallengeRequest, RespondToAuthChallengeRequest } from '@aws-sdk/client-cognito-identity-provider'
import { poolNameOf, verifyPasswordClaim } from '../domain/srp.ts'
import { matchTotpStep } from '../domain/totp.ts'
import { cognitoError, invalidParameter, notAuthorized } from '../errors.ts'
import type { Deps } from '../deps.ts'
import type { MfaFactor, PoolRecord } from '../state/model.ts'
import { checkAttribute, optionalString, optionalStringMap, requiredEnum, requiredParameter, requiredString, type Untrusted } from '../validate.ts'
import { updateAttributes } from './attribute-updates.ts'
import { missingRequiredAttributes } from './schema-attributes.ts'
import { requireSecretHash } from './client-secret.ts'
import { enforcePasswordPolicy, passwordAttemptChanges, passwordVerifier, refuseWhileLockedOut } from './password.ts'
import { challengeNames, type SessionRecord } from './sessions.ts'
import { proveDevice, startDeviceSrp } from './device-sign-in.ts'
import { requireConfirmedDevice } from './devices.ts'
import { afterFactors, afterPassword, factorChallenge, type AuthResponse, type SignInContext } from './sign-in.ts'
import { countWrongCode } from './wrong-codes.ts'
import { unknownNameKey, type Decoy } from './unknown-users.ts'

/** The members both requests have, and the admin one's UserPoolId. */
type ChallengeAnswer = RespondToAuthChallengeRequest & Pick<Partial<AdminRespondToAuthChallengeRequest>, 'UserPoolId'>

/** RespondToAuthChallenge and AdminRespondToAuthChallenge (docs/cognito-behaviour.md#respondtoauthchallenge). */
export async function respondToAuthChallenge(input: Untrusted<ChallengeAnswer>, deps: Deps, admin: boolean): Promise<AuthResponse> {
  const poolId = admin ? requiredString(input, 'UserPoolId') : undefined
  const clientId = requiredString(input, 'ClientId')
  const name = requiredEnum(input, 'ChallengeName', [...challengeNames, 'CUSTOM_CHALLENGE', 'EMAIL_OTP'])
  const answers = optionalStringMap(input, 'ChallengeResponses')
  const sessionId = optionalString(input, 'Session')
  if (poolId !== undefined) deps.store.requirePool(poolId)
  const client = deps.store.requireClient(clientId, poolId)
  const pool = deps.store.requirePool(client.poolId)

  // Python and Go SRP clients answer PASSWORD_VERIFIER without the Session, as the service model
  // allows: the SECRET_BLOCK the pool issued then names the login (docs/cognito-behaviour.md#respondtoauthchallenge).
  const session =
    sessionId === undefined && name === 'PASSWORD_VERIFIER'
      ? deps.sessions.requireBySecretBlock(requiredParameter(answers, 'PASSWORD_CLAIM_SECRET_BLOCK'), { clientId })
      : deps.sessions.require(sessionId, { clientId })
  if (session.challenge !== name) throw invalidParameter(`Invalid challenge name: expected ${session.challenge}.`)
  const username = requiredParameter(answers, 'USERNAME')
  if (session.unknown !== undefined) {
    requireSecretHash(client, answers.SECRET_HASH, [username])
    return refuseUnknownClaim(deps, pool, session, session.unknown, username, answers)
  }
  const user = session.sub ? deps.store.findUserBySub(pool.id, session.sub) : undefined
  // Every answer of a client with a secret carries SECRET_HASH (docs/cognito-behaviour.md#client-secrets).
  requireSecretHash(client, answers.SECRET_HASH, [username, user?.username, user?.sub])
  // USERNAME may be the username, an alias or the sub, but it must be this session's user.
  if (!user || deps.store.findUser(pool, username)?.sub !== user.sub) {
    deps.sessions.spend(session)
    throw notAuthorized('Incorrect username or password.')
  }
  // The device the password step named, or one the MFA answer names (Amplify sends its DEVICE_KEY with
  // every answer): it proves itself after the factors (docs/cognito-behaviour.md#remembered-devices).
  const deviceKey =
    session.deviceKey ??
    (answers.DEVICE_KEY && session.challenge !== 'PASSWORD_VERIFIER' ? requireConfirmedDevice(user, answers.DEVICE_KEY).key : undefined)
  const ctx: SignInContext = { deps, pool, client, user, ...(deviceKey !== undefined ? { deviceKey } : {}) }

  switch (session.challenge) {
    case 'PASSWORD_VERIFIER':
      return provePassword(ctx, session, answers)
    case 'DEVICE_SRP_AUTH':
      return startDeviceSrp(ctx, session, answers)
    case 'DEVICE_PASSWORD_VERIFIER':
      return proveDevice(ctx, session, answers)
    case 'SOFTWARE_TOKEN_MFA':
      return softwareTokenCode(ctx, session, requiredParameter(answers, 'SOFTWARE_TOKEN_MFA_CODE'))
    case 'SMS_MFA':
      return smsCode(ctx, session, requiredParameter(answers, 'SMS_MFA_CODE'))
    case 'SELECT_MFA_TYPE': {
      const answer = requiredParameter(answers, 'ANSWER')
      if (!session.canChoose?.includes(answer)) throw invalidParameter(`Invalid ANSWER: ${answer} is not one of MFAS_CAN_CHOOSE.`)
      return factorChallenge(ctx, answer as MfaFactor, session)
    }
    case 'NEW_PASSWORD_REQUIRED':
      return newPassword(ctx, session, answers)
    case 'MFA_SETUP':
      return finishMfaSetup(ctx, session, answers)
  }
}

/** The password proven by the client's signature (docs/cognito-behaviour.md#srp-exchange, step 4). */
async function provePassword(ctx: SignInContext, session: SessionRecord, answers: Record<string, string>) {
  const claim = passwordClaim(answers)
  // A key the user has no confirmed device for is refused before the password is looked at, and the
  // session stays usable: Amplify repeats this same answer without it (docs/cognito-behaviour.md#unknown-devices).
  const deviceKey = answers.DEVICE_KEY ? requireConfirmedDevice(ctx.user, answers.DEVICE_KEY).key : undefined
  refuseWhileLockedOut(ctx.user, ctx.deps.clock)
  const ok = claimHolds(ctx.pool, session, claim, ctx.user.username, ctx.user.srp.verifierHex)
  if (!ok) {
    ctx.deps.store.updateUser(ctx.user, passwordAttemptChanges(ctx.user, false, ctx.deps.clock))
    ctx.deps.sessions.spend(session)
    throw notAuthorized('Incorrect username or password.')
  }
  // The count is reset only when the sign-in ends in tokens (sign-in.ts), not by the password alone.
  return afterPassword(deviceKey !== undefined ? { ...ctx, deviceKey } : ctx, session)
}

/**
 * PASSWORD_VERIFIER for a name the pool does not know: each step of `provePassword`, in its order and
 * with its answers, the signature checked against the name's decoy verifier (docs/cognito-behaviour.md#unknown-users).
 */
async function refuseUnknownClaim(
  deps: Deps,
  pool: PoolRecord,
  session: SessionRecord,
  decoy: Decoy,
  username: string,
  answers: Record<string, string>,
): Promise<never> {
  // USERNAME must name this session's (pretended) user, and no user who has signed up since.
  const named = username === decoy.userIdForSrp || unknownNameKey(pool, username) === decoy.key
  if (!named || deps.store.findUser(pool, username)) {
    deps.sessions.spend(session)
    throw notAuthorized('Incorrect username or password.')
  }
  const claim = passwordClaim(answers)
  // No device of a name nobody has: as a user's unknown device.
  if (answers.DEVICE_KEY) throw cognitoError('ResourceNotFoundException', 'Device does not exist.')
  deps.unknownNames.refuseWhileLockedOut(pool.id, decoy.key)
  // Done for its cost alone: it cannot hold for a verifier whose password nobody knows.
  claimHolds(pool, session, claim, decoy.userIdForSrp, decoy.verifierHex)
  deps.unknownNames.recordFailure(pool.id, decoy.key)
  deps.sessions.spend(session)
  throw notAuthorized('Incorrect username or password.')
}

type PasswordClaim = { secretBlock: string; timestamp: string; signature: string }

function passwordClaim(answers: Record<string, string>): PasswordClaim {
  const secretBlock = requiredParameter(answers, 'PASSWORD_CLAIM_SECRET_BLOCK')
  const timestamp = requiredParameter(answers, 'TIMESTAMP')
  const signature = requiredParameter(answers, 'PASSWORD_CLAIM_SIGNATURE')
  return { secretBlock, timestamp, signature }
}

function claimHolds(pool: PoolRecord, session: SessionRecord, claim: PasswordClaim, userIdForSrp: string, verifierHex: string): boolean {
  const srp = session.srp
  return (
    srp !== undefined &&
    claim.secretBlock === srp.secretBlock &&
    verifyPasswordClaim({
      poolName: poolNameOf(pool.id),
      userIdForSrp,
      verifierHex,
      aHex: srp.aHex,
      bHex: srp.bHex,
      BHex: srp.BHex,
      ...claim,
    })
  )
}

/**
 * ±1 step, and a step already accepted (even by VerifySoftwareToken) is refused
 * (docs/cognito-behaviour.md#code-reuse).
 */
async function softwareTokenCode(ctx: SignInContext, session: SessionRecord, code: string): Promise<AuthResponse> {
  const { user, deps } = ctx
  const secret = user.totp.activeSecret
  if (!secret) throw cognitoError('SoftwareTokenMFANotFoundException', 'Software Token MFA does not exist for the user.')
  refuseWhileLockedOut(user, deps.clock)
  const step = matchTotpStep(secret, code, deps.clock.now())
  if (step === null) {
    deps.sessions.failedTry(session)
    countWrongCode(deps, user)
    throw cognitoError('CodeMismatchException', 'Invalid code received for user')
  }
  if (user.totp.lastUsedStep !== undefined && step <= user.totp.lastUsedStep) {
    deps.sessions.failedTry(session)
    throw cognitoError('ExpiredCodeException', 'Your software token has already been used once.')
  }
  const updated = deps.store.updateUser(user, { totp: { ...user.totp, lastUsedStep: step } })
  return afterFactors({ ...ctx, user: updated }, session)
}

async function smsCode(ctx: SignInContext, session: SessionRecord, code: string): Promise<AuthResponse> {
  refuseWhileLockedOut(ctx.user, ctx.deps.clock)
  if (code !== session.smsCode) {
    ctx.deps.sessions.failedTry(session)
    countWrongCode(ctx.deps, ctx.user)
    throw cognitoError('CodeMismatchException', 'Invalid code received for user')
  }
  return afterFactors(ctx, session)
}

async function newPassword(ctx: SignInContext, session: SessionRecord, answers: Record<string, string>) {
  const password = requiredParameter(answers, 'NEW_PASSWORD')
  enforcePasswordPolicy(ctx.pool.passwordPolicy, password)
  // Amplify sends attribute updates as "userAttributes.<name>", held to the limits of UserAttributes
  // and written by the user as UpdateUserAttributes writes them: schema, Mutable, value formats,
  // unique sign-in values, and no `_verified` flag from an app client (docs/cognito-behaviour.md#attribute-updates).
  const updates: Record<string, string> = {}
  for (const [key, value] of Object.entries(answers)) {
    if (!key.startsWith('userAttributes.') || key === 'userAttributes.sub') continue
    const name = key.slice('userAttributes.'.length)
    updates[name] = checkAttribute(name, value, 'challengeResponses')
  }
  // Every required attribute the user lacks must come with the answer, as the challenge's
  // requiredAttributes listed them (docs/cognito-behaviour.md#after-the-password-is-proven).
  const [missing] = missingRequiredAttributes(ctx.pool, { ...ctx.user.attributes, ...updates })
  if (missing) throw invalidParameter(`Invalid attributes given, ${missing} is missing`)
  const written = Object.keys(updates).length > 0 ? updateAttributes(ctx.deps, ctx.pool, ctx.user, updates, 'user').user : ctx.user
  const user = ctx.deps.store.updateUser(written, {
    srp: passwordVerifier(ctx.pool, ctx.user.username, password),
    status: 'CONFIRMED',
    lastModifiedAt: Math.floor(ctx.deps.clock.now() / 1000),
  })
  return afterPassword({ ...ctx, user }, session)
}

/**
 * Only the session VerifySoftwareToken returned can finish MFA_SETUP
 * (docs/cognito-behaviour.md#respondtoauthchallenge).
 */
async function finishMfaSetup(ctx: SignInContext, session: SessionRecord, answers: Record<string, string>): Promise<AuthResponse> {
  if (session.mfaSetupStage !== 'verified') throw notAuthorized('Invalid session for the user.')
  const { enabled } = ctx.user.mfa
  // Completing setup during sign-in leaves TOTP enabled and preferred (docs/cognito-behaviour.md#authenticator-setup).
  const user = ctx.deps.store.updateUser(ctx.user, {
    mfa: { enabled: enabled.includes('SOFTWARE_TOKEN_MFA') ? enabled : [...enabled, 'SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' },
  })
  // The device proves itself here only when this answer names it. Amplify answers MFA_SETUP without
  // DEVICE_KEY and, unlike after its other answers, cannot go on to DEVICE_SRP_AUTH: the browser gets a
  // new device instead, which Amplify confirms (our choice, emulator/README.md).
  const { deviceKey, ...unnamed } = ctx
  const named = deviceKey !== undefined && answers.DEVICE_KEY === deviceKey
  return afterFactors(named ? { ...ctx, user } : { ...unnamed, user }, session)
}

// Shared set-up for the emulator's unit tests: a memory store, a clock the test moves by
// hand, and seed helpers that go through the operations themselves (as a seed script
// would call AWS), so no test builds records the operations could never produce.
import { createHmac, randomBytes } from 'node:crypto'
import { decodeJwt } from 'jose'
import { phoneCode } from '../tests/support/phone-totp.ts'
import { Sessions } from './auth/sessions.ts'
import { UnknownNames } from './auth/unknown-names.ts'
import { N, computeU, computeX, deriveKey, g, k, modPow, poolNameOf } from './domain/srp.ts'
import { CognitoError } from './errors.ts'
import { DEFAULT_POOL_URL } from './ports.ts'
import { adminCreateUser } from './operations/admin-create-user.ts'
import { adminInitiateAuth } from './operations/admin-initiate-auth.ts'
import { adminSetUserPassword } from './operations/admin-set-user-password.ts'
import { associateSoftwareToken } from './operations/associate-software-token.ts'
import { createUserPool } from './operations/create-user-pool.ts'
import { createUserPoolClient } from './operations/create-user-pool-client.ts'
import { initiateAuth } from './operations/initiate-auth.ts'
import type { Deps } from './deps.ts'
import type { Operation } from './operations/operation.ts'
import { respondToAuthChallenge } from './operations/respond-to-auth-challenge.ts'
import { setUserMFAPreference } from './operations/set-user-mfa-preference.ts'
import { setUserPoolMfaConfig } from './operations/set-user-pool-mfa-config.ts'
import { verifySoftwareToken } from './operations/verify-software-token.ts'
import { createTestClock, type TestClock } from './state/clock.ts'
import type { MfaConfiguration, UserRecord } from './state/model.ts'
import { Store } from './state/store.ts'
import { SigningKeySupply } from './signing-keys.ts'
import type { Input } from './validate.ts'

/** 2026-01-15 12:00:00 UTC: the start of a 30-second TOTP step, so "this step" lasts 30 s from here. */
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0)
export const STEP_MS = 30_000
export const MINUTE_MS = 60_000
export const ISSUER_BASE = DEFAULT_POOL_URL
/** Meets the default policy (length 8, upper, lower, digit, symbol). */
export const PASSWORD = 'Corr3ct-Horse!'

export type TestDeps = Deps & { clock: TestClock; store: Store; sessions: Sessions; logs: string[] }

/** A memory store, sessions and a fixed clock at `startMs`; `logs` collects what the emulator would print. */
export function createTestDeps(startMs: number = T0): TestDeps {
  const clock = createTestClock(startMs)
  const logs: string[] = []
  return {
    store: new Store(),
    sessions: new Sessions(clock),
    unknownNames: new UnknownNames(clock),
    clock,
    signingKeys: new SigningKeySupply(), // no spares: a test makes the keys it needs, nothing in the background
    issuer: (poolId) => `${ISSUER_BASE}/${poolId}`,
    log: (line) => {
      logs.push(line)
    },
    logs,
  }
}

/** An operation's reply with the members tests read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the members they expect; a wrong guess fails their assertion
export type Reply = Record<string, any>

export async function call<Request, Response>(operation: Operation<Request, Response>, input: Input, deps: Deps): Promise<Reply> {
  return (await operation(input, deps)) as Reply
}

export type AuthResult = { AccessToken: string; IdToken: string; RefreshToken?: string; ExpiresIn: number; TokenType: string }
export type AuthReply = {
  ChallengeName?: string
  Session?: string
  ChallengeParameters: Record<string, string>
  AuthenticationResult?: AuthResult
}

/**
 * The Cognito error an operation (a promise) or a synchronous call (a function) failed with,
 * as `{name, message}`; fails the test if it succeeded or threw anything else.
 */
export async function failure(work: Promise<unknown> | (() => unknown)): Promise<{ name: string; message: string }> {
  try {
    await (typeof work === 'function' ? work() : work)
  } catch (error) {
    if (error instanceof CognitoError) return { name: error.name, message: error.message }
    throw error
  }
  throw new Error('expected the operation to fail with a Cognito error, but it succeeded')
}

// Pools, clients and users

export type PoolOptions = { mfa?: MfaConfiguration; totp?: boolean; input?: Input }

/**
 * CreateUserPool (MFA OFF, as AWS requires without SMS), then SetUserPoolMfaConfig to turn
 * TOTP on (docs/cognito-behaviour.md#pool-mfa-configuration). Default: MFA OPTIONAL with TOTP, like the demo pool.
 */
export async function createPool(deps: Deps, { mfa = 'OPTIONAL', totp = mfa !== 'OFF', input = {} }: PoolOptions = {}): Promise<string> {
  const { UserPool } = await call(createUserPool, { PoolName: 'test pool', ...input }, deps)
  if (mfa !== 'OFF') {
    await setUserPoolMfaConfig({ UserPoolId: UserPool.Id, MfaConfiguration: mfa, SoftwareTokenMfaConfiguration: { Enabled: totp } }, deps)
  }
  return UserPool.Id as string
}

/** A client with SRP, refresh and ADMIN_USER_PASSWORD_AUTH (the demo client), unless `input` says otherwise. */
export async function createClient(deps: Deps, poolId: string, input: Input = {}): Promise<string> {
  const { UserPoolClient } = await call(
    createUserPoolClient,
    {
      UserPoolId: poolId,
      ClientName: 'test client',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
      ...input,
    },
    deps,
  )
  return UserPoolClient.ClientId as string
}

export type App = { poolId: string; clientId: string }

export async function createApp(deps: Deps, pool: PoolOptions = {}, client: Input = {}): Promise<App> {
  const poolId = await createPool(deps, pool)
  return { poolId, clientId: await createClient(deps, poolId, client) }
}

/** AdminCreateUser, then (unless `permanent: false`) AdminSetUserPassword Permanent: CONFIRMED with `password`. */
export async function createUser(
  deps: Deps,
  poolId: string,
  username: string,
  {
    password = PASSWORD,
    permanent = true,
    email = `${username}@example.com`,
    attributes = {},
  }: { password?: string; permanent?: boolean; email?: string; attributes?: Record<string, string> } = {},
): Promise<void> {
  const userAttributes = Object.entries({ email, ...attributes }).map(([Name, Value]) => ({ Name, Value }))
  await adminCreateUser(
    { UserPoolId: poolId, Username: username, TemporaryPassword: password, MessageAction: 'SUPPRESS', UserAttributes: userAttributes },
    deps,
  )
  if (permanent) await adminSetUserPassword({ UserPoolId: poolId, Username: username, Password: password, Permanent: true }, deps)
}

/** The stored record, to assert what an operation saved. */
export function storedUser(deps: Deps, poolId: string, username: string): UserRecord {
  return deps.store.requireUser(deps.store.requirePool(poolId), username)
}

/** The sign-up confirmation code the emulator "sent": the last one it printed. */
export function lastConfirmationCode(deps: TestDeps): string {
  const line = deps.logs.findLast((entry) => entry.startsWith('Confirmation code'))
  const code = line?.match(/: (\d{6})$/)?.[1]
  if (!code) throw new Error('no confirmation code was printed')
  return code
}

/** The password-reset code the emulator "sent" (ForgotPassword, AdminResetUserPassword): the last one it printed. */
export function lastResetCode(deps: TestDeps): string {
  const line = deps.logs.findLast((entry) => entry.startsWith('Password reset code'))
  const code = line?.match(/: (\d{6})$/)?.[1]
  if (!code) throw new Error('no password-reset code was printed')
  return code
}

// Signing in

export async function adminSignIn(deps: Deps, app: App, username: string, password: string = PASSWORD): Promise<AuthReply> {
  return (await adminInitiateAuth(
    {
      UserPoolId: app.poolId,
      ClientId: app.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    },
    deps,
  )) as AuthReply
}

export async function respond(
  deps: Deps,
  app: App,
  challenge: string,
  session: string | undefined,
  answers: Record<string, string>,
): Promise<AuthReply> {
  return (await respondToAuthChallenge(
    { ClientId: app.clientId, ChallengeName: challenge, Session: session, ChallengeResponses: answers },
    deps,
  )) as AuthReply
}

/** Signs in a user with no MFA to answer and returns the tokens. */
export async function signedIn(deps: Deps, app: App, username: string, password: string = PASSWORD): Promise<AuthResult> {
  const reply = await adminSignIn(deps, app, username, password)
  if (!reply.AuthenticationResult) throw new Error(`expected tokens, got challenge ${reply.ChallengeName}`)
  return reply.AuthenticationResult
}

// TOTP

/** The code the user's phone shows now (an independent RFC 6238 implementation). */
export function codeNow(deps: Deps, secret: string): string {
  return phoneCode(secret, deps.clock.now())
}

/**
 * Associate + verify with the current code (which spends this time step), then, unless
 * `preference: false`, SetUserMFAPreference TOTP enabled and preferred. Returns the secret.
 */
export async function enrolTotp(deps: Deps, accessToken: string, { preference = true } = {}): Promise<string> {
  const { SecretCode } = await call(associateSoftwareToken, { AccessToken: accessToken }, deps)
  await verifySoftwareToken({ AccessToken: accessToken, UserCode: phoneCode(SecretCode, deps.clock.now()), FriendlyDeviceName: 'Pixel' }, deps)
  if (preference) await setUserMFAPreference({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }, deps)
  return SecretCode as string
}

/** A different valid-looking 6-digit code (never the one the phone shows now, or at the steps beside it). */
export function wrongCode(deps: Deps, secret: string): string {
  const taken = new Set([-1, 0, 1].map((step) => phoneCode(secret, deps.clock.now() + step * STEP_MS)))
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0')
    if (!taken.has(candidate)) return candidate
  }
}

// Tokens

export function claimsOf(jwt: string): Record<string, unknown> {
  return decodeJwt(jwt) as Record<string, unknown>
}

// SRP, the client side exactly as aws-amplify v6 computes it (docs/cognito-behaviour.md#srp-exchange)

/** Step 1: the client's ephemeral a and SRP_A = hex(g^a mod N), unpadded as Amplify sends it. */
export function srpClientStart(): { a: bigint; srpA: string } {
  const a = BigInt(`0x${randomBytes(128).toString('hex')}`)
  return { a, srpA: modPow(g, a, N).toString(16) }
}

/** Steps 2–4: the PASSWORD_VERIFIER answer for the challenge parameters the server sent. */
export function passwordClaim(input: {
  poolId: string
  a: bigint
  challengeParameters: Record<string, string>
  password: string
  timestamp: string
  secretBlock?: string
}): Record<string, string> {
  const { SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP } = input.challengeParameters
  const poolName = poolNameOf(input.poolId)
  const A = modPow(g, input.a, N)
  const B = BigInt(`0x${SRP_B}`)
  const u = computeU(A, B)
  const x = computeX(poolName, USER_ID_FOR_SRP, input.password, SALT)
  const S = modPow(B - k * modPow(g, x, N), input.a + u * x, N)
  return passwordVerifierResponses({
    S,
    u,
    poolName,
    userIdForSrp: USER_ID_FOR_SRP,
    secretBlock: input.secretBlock ?? SECRET_BLOCK,
    timestamp: input.timestamp,
  })
}

/**
 * Step 4 alone: the PASSWORD_VERIFIER answer once S and u are known. The benchmark clients, which
 * keep each user's x and g^x between sign-ins, compute those themselves and share this.
 */
export function passwordVerifierResponses(input: {
  S: bigint
  u: bigint
  poolName: string
  userIdForSrp: string
  secretBlock: string
  timestamp: string
}): Record<string, string> {
  const signature = createHmac('sha256', deriveKey(input.S, input.u))
    .update(input.poolName, 'utf8')
    .update(input.userIdForSrp, 'utf8')
    .update(Buffer.from(input.secretBlock, 'base64'))
    .update(input.timestamp, 'utf8')
    .digest('base64')
  return {
    USERNAME: input.userIdForSrp,
    PASSWORD_CLAIM_SECRET_BLOCK: input.secretBlock,
    TIMESTAMP: input.timestamp,
    PASSWORD_CLAIM_SIGNATURE: signature,
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * Amplify's TIMESTAMP: "Tue Mar 4 05:06:07 UTC 2025", day not zero-padded
 * (docs/cognito-behaviour.md#srp-exchange, step 5).
 */
export function srpTimestamp(ms: number): string {
  const d = new Date(ms)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
}

/** InitiateAuth USER_SRP_AUTH, then RespondToAuthChallenge PASSWORD_VERIFIER with `password`. */
export async function srpSignIn(deps: Deps, app: App, username: string, password: string = PASSWORD): Promise<AuthReply> {
  const { a, srpA } = srpClientStart()
  const start = (await initiateAuth(
    { ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srpA } },
    deps,
  )) as AuthReply
  const answers = passwordClaim({
    poolId: app.poolId,
    a,
    challengeParameters: start.ChallengeParameters,
    password,
    timestamp: srpTimestamp(deps.clock.now()),
  })
  return respond(deps, app, 'PASSWORD_VERIFIER', start.Session, answers)
}

// What each benchmarked pool is asked to do: one pool and app client made through the API, users with
// an authenticator app set up, and the two sign-in flows with a TOTP code, driven by a fast client
// (bench/pool-client.ts; SRP's client side with emulator/domain/srp.ts's native modPow, the client's
// ephemeral reused and each user's x cached, so the machine's time goes to the server).
import { randomBytes } from 'node:crypto'
import { N, computeU, computeX, g, k, modPow, poolNameOf } from '../emulator/domain/srp.ts'
import { passwordVerifierResponses, srpTimestamp } from '../emulator/test-support.ts'
import { phoneCode } from '../tests/support/phone-totp.ts'
import type { PoolClient, Reply } from './pool-client.ts'

export type Flow = 'srp-totp' | 'password-totp'

export const FLOW_NAMES: Record<Flow, string> = {
  'srp-totp': 'USER_SRP_AUTH + TOTP',
  'password-totp': 'USER_PASSWORD_AUTH + TOTP',
}

export type BenchPool = { userPoolId: string; clientId: string }

export type BenchUser = { username: string; secret: string; lastStep: number; salt?: string; x?: bigint; gx?: bigint }

const PASSWORD = 'Bench-pass-2026!'
const STEP_MS = 30_000

export async function createBenchPool(client: PoolClient): Promise<BenchPool> {
  const created = await client.must('CreateUserPool', { PoolName: `bench-${randomBytes(3).toString('hex')}` })
  const userPoolId = (created.UserPool as { Id: string }).Id
  await client.must('SetUserPoolMfaConfig', {
    UserPoolId: userPoolId,
    MfaConfiguration: 'OPTIONAL',
    SoftwareTokenMfaConfiguration: { Enabled: true },
  })
  const appClient = await client.must('CreateUserPoolClient', {
    UserPoolId: userPoolId,
    ClientName: 'bench',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  })
  return { userPoolId, clientId: (appClient.UserPoolClient as { ClientId: string }).ClientId }
}

/** `count` users with a permanent password and an authenticator app, on and preferred, made `parallel` at a time. */
export async function createBenchUsers(client: PoolClient, pool: BenchPool, count: number, parallel: number, codeOffsetMs = 0): Promise<BenchUser[]> {
  const users: BenchUser[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) users.push(await createBenchUser(client, pool, `bench-${next++}@example.com`, codeOffsetMs))
    }),
  )
  return users
}

// Usernames are email addresses: cognito-local's new pools take nothing else.
async function createBenchUser(client: PoolClient, pool: BenchPool, username: string, codeOffsetMs: number): Promise<BenchUser> {
  const { userPoolId: UserPoolId, clientId: ClientId } = pool
  await client.must('AdminCreateUser', { UserPoolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: PASSWORD })
  await client.must('AdminSetUserPassword', { UserPoolId, Username: username, Password: PASSWORD, Permanent: true })
  const signedIn = await client.must('AdminInitiateAuth', {
    UserPoolId,
    ClientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD },
  })
  const AccessToken = (signedIn.AuthenticationResult as { AccessToken: string }).AccessToken
  const secret = (await client.must('AssociateSoftwareToken', { AccessToken })).SecretCode as string
  // moto checks the current step only; ours then refuses that step for sign-in, which CodeSchedule knows.
  const now = Date.now() + codeOffsetMs
  await client.must('VerifySoftwareToken', { AccessToken, UserCode: phoneCode(secret, now), FriendlyDeviceName: 'Bench phone' })
  await client.must('SetUserMFAPreference', { AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })
  return { username, secret, lastStep: Math.floor(now / STEP_MS) }
}

/**
 * Hands out users and the time whose TOTP code to send. Our pool accepts a step's code once per user,
 * within one step either side (docs/cognito-behaviour.md#totp-codes), so there each user signs in with
 * this step's code, then the next one's; the bench moves the pool's clock on (--clock-control) between
 * runs to free them all again. cognito-local and moto accept a code again: the current one is sent.
 */
export class CodeSchedule {
  private cursor = 0
  /** The pool's clock minus this machine's (what the bench moved it by). */
  offsetMs = 0

  constructor(
    private readonly users: BenchUser[],
    private readonly replayProtected: boolean,
  ) {}

  /** A user and the time whose code to send, or undefined when every user has used this step and the next. */
  take(): { user: BenchUser; codeTime: number } | undefined {
    const now = Date.now() + this.offsetMs
    if (!this.replayProtected) {
      const user = this.users[this.cursor]
      this.cursor = (this.cursor + 1) % this.users.length
      return { user, codeTime: now }
    }
    const nowStep = Math.floor(now / STEP_MS)
    for (let tried = 0; tried < this.users.length; tried++) {
      const user = this.users[this.cursor]
      this.cursor = (this.cursor + 1) % this.users.length
      const step = Math.max(user.lastStep + 1, nowStep)
      if (step <= nowStep + 1) {
        user.lastStep = step
        return { user, codeTime: step * STEP_MS + 1 }
      }
    }
    return undefined
  }
}

/** Operation label → latencies (ms) of the calls a run made. */
export type Latencies = Map<string, number[]>

/** A client's SRP ephemeral: random a, A = g^a, reused across its sign-ins (the server's b is fresh each time). */
export function srpEphemeral(): { a: bigint; A: bigint } {
  const a = BigInt(`0x${randomBytes(32).toString('hex')}`)
  return { a, A: modPow(g, a, N) }
}

/** One sign-in with a TOTP code: undefined when it ended with tokens, else what failed ("InitiateAuth CodeMismatchException"). */
export async function signInWithTotp(
  client: PoolClient,
  pool: BenchPool,
  flow: Flow,
  ephemeral: { a: bigint; A: bigint },
  user: BenchUser,
  codeTime: number,
  latencies: Latencies,
): Promise<string | undefined> {
  const failure = (step: string, reply: Reply) => `${step} ${String(reply.body.__type ?? reply.body.ChallengeName ?? reply.status)}`
  const timed = async (label: string, operation: string, input: object): Promise<Reply> => {
    const reply = await client.call(operation, input)
    const list = latencies.get(label) ?? []
    list.push(reply.ms)
    latencies.set(label, list)
    return reply
  }
  const { clientId: ClientId } = pool
  let mfaSession: unknown
  let username = user.username
  if (flow === 'password-totp') {
    const start = await timed('InitiateAuth USER_PASSWORD_AUTH', 'InitiateAuth', {
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.username, PASSWORD },
    })
    if (!start.ok || start.body.ChallengeName !== 'SOFTWARE_TOKEN_MFA') return failure('InitiateAuth', start)
    mfaSession = start.body.Session
  } else {
    const start = await timed('InitiateAuth USER_SRP_AUTH', 'InitiateAuth', {
      ClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: user.username, SRP_A: ephemeral.A.toString(16) },
    })
    const params = start.body.ChallengeParameters as Record<string, string> | undefined
    if (!start.ok || !params) return failure('InitiateAuth', start)
    username = params.USER_ID_FOR_SRP
    const poolName = poolNameOf(pool.userPoolId)
    if (user.salt !== params.SALT) {
      user.salt = params.SALT
      user.x = computeX(poolName, params.USER_ID_FOR_SRP, PASSWORD, params.SALT)
      user.gx = modPow(g, user.x, N)
    }
    const B = BigInt(`0x${params.SRP_B}`)
    const u = computeU(ephemeral.A, B)
    const S = modPow(B - k * user.gx!, ephemeral.a + u * user.x!, N)
    const verifier = await timed('RespondToAuthChallenge PASSWORD_VERIFIER', 'RespondToAuthChallenge', {
      ClientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: start.body.Session,
      ChallengeResponses: passwordVerifierResponses({
        S,
        u,
        poolName,
        userIdForSrp: username,
        secretBlock: params.SECRET_BLOCK,
        timestamp: srpTimestamp(Date.now()),
      }),
    })
    if (!verifier.ok || verifier.body.ChallengeName !== 'SOFTWARE_TOKEN_MFA') return failure('PASSWORD_VERIFIER', verifier)
    mfaSession = verifier.body.Session
  }
  const mfa = await timed('RespondToAuthChallenge SOFTWARE_TOKEN_MFA', 'RespondToAuthChallenge', {
    ClientId,
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: mfaSession,
    ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: phoneCode(user.secret, codeTime) },
  })
  return mfa.ok && (mfa.body.AuthenticationResult as { AccessToken?: string } | undefined)?.AccessToken
    ? undefined
    : failure('SOFTWARE_TOKEN_MFA', mfa)
}

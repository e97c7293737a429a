// The bounded soak test of `npm run bench`: the local pool as `npm start` runs it (its own process, a
// temporary --state file, loopback only), driven for a fixed time by several concurrent clients with a
// realistic mix: SRP sign-in answered with a TOTP code, GetUser, refresh, sign-up. The clients are plain
// fetch with the SRP arithmetic done by OpenSSL and reused where the protocol allows (the client's
// ephemeral key, each user's x), so the machine's time goes to the server, not to the bench.
import { randomBytes } from 'node:crypto'
import { N, computeU, computeX, g, k, modPow, poolNameOf } from '../emulator/domain/srp.ts'
import { passwordVerifierResponses, srpTimestamp } from '../emulator/test-support.ts'
import { phoneCode } from '../tests/support/phone-totp.ts'
import { cognitoCall, percentile, startEmulatorProcess, type CallResult, type DemoPool } from './bench-process.ts'

export type SoakOptions = { seconds: number; clients: number; usersPerClient: number }
export type SoakResult = {
  seconds: number
  clients: number
  requests: number
  failures: number
  /** Failed calls by operation and error type, e.g. "RespondToAuthChallenge CodeMismatchException". */
  failureKinds: Record<string, number>
  perOperation: Array<{ operation: string; count: number; p50: number; p99: number }>
  rssMiB: { start: number; end: number }
  stateKiB: { start: number; end: number }
}

const PASSWORD = 'Soak-pass-2026!'
const STEP_MS = 30_000

type Tokens = { access: string; refresh: string }
type User = { username: string; secret: string; lastStep: number; x?: bigint; gx?: bigint; salt?: string }

class Client {
  private readonly a = BigInt(`0x${randomBytes(32).toString('hex')}`)
  private readonly A = modPow(g, this.a, N)
  private signUps = 0

  constructor(
    private url: string,
    private pool: DemoPool,
    private id: number,
    private users: User[],
    private tokens: Tokens,
    private record: (operation: string, result: CallResult) => void,
  ) {}

  private async call(operation: string, input: object): Promise<CallResult> {
    const result = await cognitoCall(this.url, operation, input)
    this.record(operation, result)
    return result
  }

  /** USER_SRP_AUTH, PASSWORD_VERIFIER, SOFTWARE_TOKEN_MFA with the phone's code; false when none of its users has an unused TOTP step. */
  async signIn(): Promise<boolean> {
    // The code is the one of this step, also if the step turns during the SRP round trips (the pool accepts ±1 step).
    const codeTime = Date.now()
    const step = Math.floor(codeTime / STEP_MS)
    const user = this.users.find((candidate) => candidate.lastStep < step) // a step's code is accepted once
    if (!user) return false
    user.lastStep = step
    const start = await this.call('InitiateAuth', {
      ClientId: this.pool.clientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: user.username, SRP_A: this.A.toString(16) },
    })
    const params = start.body.ChallengeParameters as Record<string, string> | undefined
    if (!start.ok || !params) return true
    const poolName = poolNameOf(this.pool.userPoolId)
    if (user.salt !== params.SALT) {
      user.salt = params.SALT
      user.x = computeX(poolName, params.USER_ID_FOR_SRP, PASSWORD, params.SALT)
      user.gx = modPow(g, user.x, N)
    }
    const B = BigInt(`0x${params.SRP_B}`)
    const u = computeU(this.A, B)
    const S = modPow(B - k * user.gx!, this.a + u * user.x!, N)
    const verifier = await this.call('RespondToAuthChallenge', {
      ClientId: this.pool.clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: start.body.Session,
      ChallengeResponses: passwordVerifierResponses({
        S,
        u,
        poolName,
        userIdForSrp: params.USER_ID_FOR_SRP,
        secretBlock: params.SECRET_BLOCK,
        timestamp: srpTimestamp(Date.now()),
      }),
    })
    if (!verifier.ok) return true
    const mfa = await this.call('RespondToAuthChallenge', {
      ClientId: this.pool.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: verifier.body.Session,
      ChallengeResponses: { USERNAME: params.USER_ID_FOR_SRP, SOFTWARE_TOKEN_MFA_CODE: phoneCode(user.secret, codeTime) },
    })
    const result = mfa.body.AuthenticationResult as { AccessToken: string; RefreshToken: string } | undefined
    if (result) this.tokens = { access: result.AccessToken, refresh: result.RefreshToken }
    return true
  }

  async getUser(): Promise<void> {
    await this.call('GetUser', { AccessToken: this.tokens.access })
  }

  async refresh(): Promise<void> {
    const result = await this.call('GetTokensFromRefreshToken', { ClientId: this.pool.clientId, RefreshToken: this.tokens.refresh })
    const access = (result.body.AuthenticationResult as { AccessToken?: string } | undefined)?.AccessToken
    if (access) this.tokens = { ...this.tokens, access }
  }

  async signUp(): Promise<void> {
    const username = `soak-${this.id}-${++this.signUps}-${randomBytes(3).toString('hex')}`
    await this.call('SignUp', {
      ClientId: this.pool.clientId,
      Username: username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    })
  }
}

type Enrolled = { user: User; tokens: Tokens }

/**
 * A confirmed user with TOTP enrolled and preferred, set up before the measured window, and the
 * tokens of its set-up sign-in. VerifySoftwareToken gets the previous step's code (accepted: ±1 step),
 * so the current step is still unused and the user can sign in with TOTP right away.
 */
async function enrolledUser(url: string, pool: DemoPool, username: string): Promise<Enrolled> {
  const must = async (operation: string, input: object) => {
    const result = await cognitoCall(url, operation, input)
    if (!result.ok) throw new Error(`${operation} failed during the soak set-up: ${JSON.stringify(result.body)}`)
    return result.body
  }
  await must('AdminCreateUser', {
    UserPoolId: pool.userPoolId,
    Username: username,
    MessageAction: 'SUPPRESS',
    TemporaryPassword: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
  })
  await must('AdminSetUserPassword', { UserPoolId: pool.userPoolId, Username: username, Password: PASSWORD, Permanent: true })
  const signIn = await must('AdminInitiateAuth', {
    UserPoolId: pool.userPoolId,
    ClientId: pool.clientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username, PASSWORD },
  })
  const result = signIn.AuthenticationResult as { AccessToken: string; RefreshToken: string }
  const AccessToken = result.AccessToken
  const secret = (await must('AssociateSoftwareToken', { AccessToken })).SecretCode as string
  const previousStep = Date.now() - STEP_MS
  await must('VerifySoftwareToken', { AccessToken, UserCode: phoneCode(secret, previousStep), FriendlyDeviceName: 'Soak phone' })
  await must('SetUserMFAPreference', { AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })
  return {
    user: { username, secret, lastStep: Math.floor(previousStep / STEP_MS) },
    tokens: { access: AccessToken, refresh: result.RefreshToken },
  }
}

export async function runSoak({ seconds, clients, usersPerClient }: SoakOptions): Promise<SoakResult> {
  const emulator = await startEmulatorProcess()
  try {
    const [pool] = emulator.pools // "Demo - MFA optional": SRP, refresh and admin sign-in allowed
    const latencies = new Map<string, number[]>()
    let failures = 0
    const failureKinds: Record<string, number> = {}
    const record = (operation: string, result: CallResult) => {
      if (!result.ok) {
        failures++
        const kind = `${operation} ${String(result.body.__type)}`
        failureKinds[kind] = (failureKinds[kind] ?? 0) + 1
      }
      const list = latencies.get(operation) ?? []
      list.push(result.ms)
      latencies.set(operation, list)
    }
    const fleet: Client[] = []
    for (let id = 0; id < clients; id++) {
      const enrolled: Enrolled[] = []
      for (let n = 0; n < usersPerClient; n++) enrolled.push(await enrolledUser(emulator.url, pool, `soak-user-${id}-${n}`))
      const users = enrolled.map((entry) => entry.user)
      fleet.push(new Client(emulator.url, pool, id, users, enrolled[0].tokens, record))
    }

    const rssStart = emulator.rssMiB()
    const stateStart = emulator.stateBytes()
    const started = performance.now()
    const deadline = started + seconds * 1000
    // Per client and round: a sign-in when one of its users has a fresh TOTP step, 4 GetUser, 2 refreshes, 1 sign-up.
    await Promise.all(
      fleet.map(async (client) => {
        while (performance.now() < deadline) {
          await client.signIn()
          for (let i = 0; i < 4 && performance.now() < deadline; i++) await client.getUser()
          for (let i = 0; i < 2 && performance.now() < deadline; i++) await client.refresh()
          if (performance.now() < deadline) await client.signUp()
        }
      }),
    )
    const elapsed = (performance.now() - started) / 1000
    const perOperation = [...latencies].map(([operation, values]) => ({
      operation,
      count: values.length,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
    }))
    return {
      seconds: elapsed,
      clients,
      requests: perOperation.reduce((sum, row) => sum + row.count, 0),
      failures,
      failureKinds,
      perOperation,
      rssMiB: { start: rssStart, end: emulator.rssMiB() },
      stateKiB: { start: stateStart / 1024, end: emulator.stateBytes() / 1024 },
    }
  } finally {
    await emulator.stop()
  }
}

export function printSoak(result: SoakResult): void {
  const { seconds, clients, requests, failures, failureKinds, rssMiB, stateKiB } = result
  console.log('')
  console.log(
    `Soak (local pool with --state, ${clients} concurrent clients, ${seconds.toFixed(0)} s): ${requests} requests, ` +
      `${(requests / seconds).toFixed(0)}/s, ${failures} failed; RSS ${rssMiB.start.toFixed(0)} → ${rssMiB.end.toFixed(0)} MiB ` +
      `(${rssMiB.end - rssMiB.start >= 0 ? '+' : ''}${(rssMiB.end - rssMiB.start).toFixed(1)}); state files ${stateKiB.start.toFixed(0)} → ${stateKiB.end.toFixed(0)} KiB`,
  )
  if (failures > 0)
    console.log(
      `Failed: ${Object.entries(failureKinds)
        .map(([kind, count]) => `${kind} ×${count}`)
        .join(', ')}`,
    )
  console.log('')
  console.log('operation | requests | p50 ms | p99 ms')
  console.log('--- | ---: | ---: | ---:')
  for (const row of result.perOperation) console.log(`${row.operation} | ${row.count} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)}`)
}

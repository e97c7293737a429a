// `node --import tsx scripts/user-existence-timing.ts [rounds]`: how long a sign-in attempt, a
// ForgotPassword and a wrong reset code take for a real user and for a name the pool does not know,
// on app clients with PreventUserExistenceErrors ENABLED, in a username pool and an email-username
// pool. Requests go over HTTP to an in-process local pool (in memory: no state file); real and unknown
// alternate (and swap order each round) so both see the same machine load. Prints medians and the
// unknown/real ratio (docs/decisions/012-unknown-users.md).
import { adminCreateUser } from '../emulator/operations/admin-create-user.ts'
import { adminSetUserPassword } from '../emulator/operations/admin-set-user-password.ts'
import { createUserPool } from '../emulator/operations/create-user-pool.ts'
import { createUserPoolClient } from '../emulator/operations/create-user-pool-client.ts'
import { startEmulator, type RunningEmulator } from '../emulator/server.ts'
import { createTestClock } from '../emulator/state/clock.ts'
import { passwordClaim, srpClientStart, srpTimestamp } from '../emulator/test-support.ts'

const ROUNDS = Number(process.argv[2] ?? 200)
const PASSWORD = 'Timing-pass-2026!'
const WRONG = 'Not-the-pass-2026!'
// Past the longest lockout, so every attempt is checked (docs/cognito-behaviour.md#lockout).
const PAST_LOCKOUT_MS = 16 * 60_000

type Target = { label: string; poolId: string; clientId: string; real: string; unknown: string }
type Reply = { status: number; body: Record<string, unknown> }

async function main(): Promise<void> {
  const clock = createTestClock()
  const emulator = await startEmulator({ port: 0, clock, seed: false, log: () => {} })
  const targets = [
    await setUp(emulator, 'username pool', {}, 'timing-user', 'nobody-here'),
    await setUp(emulator, 'email-username pool', { UsernameAttributes: ['email'] }, 'timing@example.com', 'nobody@example.com'),
  ]
  const call = async (target: string, input: object): Promise<Reply> => {
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
      body: JSON.stringify(input),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  const lines: string[] = []
  for (const target of targets) {
    const passwordAuth = (username: string) =>
      call('InitiateAuth', { ClientId: target.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: WRONG } })
    const srpStart = (username: string) =>
      call('InitiateAuth', {
        ClientId: target.clientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: username, SRP_A: srpClientStart().srpA },
      })
    const srpProof = async (username: string): Promise<() => Promise<Reply>> => {
      // The client's half is computed before the clock starts: only the server's answer is timed.
      const { a, srpA } = srpClientStart()
      const start = await call('InitiateAuth', {
        ClientId: target.clientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: username, SRP_A: srpA },
      })
      const challengeParameters = (start.body.ChallengeParameters ?? {}) as Record<string, string>
      const answers = passwordClaim({ poolId: target.poolId, a, challengeParameters, password: WRONG, timestamp: srpTimestamp(clock.now()) })
      return () =>
        call('RespondToAuthChallenge', {
          ClientId: target.clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          Session: start.body.Session,
          ChallengeResponses: answers,
        })
    }
    const forgotPassword = (username: string) => call('ForgotPassword', { ClientId: target.clientId, Username: username })
    // A code asked for first (untimed), so the real user's wrong code is checked against one.
    const wrongResetCode = async (username: string): Promise<() => Promise<Reply>> => {
      await forgotPassword(username)
      return () => call('ConfirmForgotPassword', { ClientId: target.clientId, Username: username, ConfirmationCode: '000000', Password: PASSWORD })
    }
    const flows: [string, (username: string) => Promise<() => Promise<Reply>>][] = [
      ['USER_PASSWORD_AUTH, wrong password', async (username) => () => passwordAuth(username)],
      ['USER_SRP_AUTH, first step', async (username) => () => srpStart(username)],
      ['PASSWORD_VERIFIER, wrong password', srpProof],
      // Each round moves the clock 32 minutes: under the hourly limits of codes (docs/cognito-behaviour.md#password-reset-codes).
      ['ForgotPassword', async (username) => () => forgotPassword(username)],
      ['ConfirmForgotPassword, wrong code', wrongResetCode],
    ]
    for (const [flow, prepare] of flows) {
      const times = { real: [] as number[], unknown: [] as number[] }
      const answers = { real: new Set<string>(), unknown: new Set<string>() }
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? (['real', 'unknown'] as const) : (['unknown', 'real'] as const)
        for (const who of order) {
          clock.advance(PAST_LOCKOUT_MS)
          const run = await prepare(target[who])
          const started = performance.now()
          const reply = await run()
          times[who].push(performance.now() - started)
          answers[who].add(
            reply.status === 200
              ? `200 ${String(reply.body.ChallengeName ?? Object.keys(reply.body).join(','))}`
              : `${reply.status} ${String(reply.body.__type)}: ${String(reply.body.message)}`,
          )
        }
      }
      const real = median(times.real)
      const unknown = median(times.unknown)
      lines.push(
        `${target.label.padEnd(20)} ${flow.padEnd(36)} real ${real.toFixed(2).padStart(6)} ms  unknown ${unknown.toFixed(2).padStart(6)} ms  ratio ${(unknown / real).toFixed(2)}`,
      )
      lines.push(`${''.padEnd(20)} ${''.padEnd(36)} real: ${[...answers.real].join(' | ')}; unknown: ${[...answers.unknown].join(' | ')}`)
    }
    lines.push(...(await shapes(call, target)))
  }
  await emulator.close()
  console.log(`median of ${ROUNDS} calls each, interleaved, over HTTP to 127.0.0.1`)
  for (const line of lines) console.log(line)
}

/** What the first SRP step shows of each name: USER_ID_FOR_SRP, and whether SALT stays the same. */
async function shapes(call: (target: string, input: object) => Promise<Reply>, target: Target): Promise<string[]> {
  const seen = async (username: string) => {
    const parameters: Record<string, string>[] = []
    for (let i = 0; i < 2; i++) {
      const reply = await call('InitiateAuth', {
        ClientId: target.clientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: username, SRP_A: srpClientStart().srpA },
      })
      parameters.push((reply.body.ChallengeParameters ?? {}) as Record<string, string>)
    }
    const [first, second] = parameters
    return `USER_ID_FOR_SRP ${first.USER_ID_FOR_SRP}, salt ${first.SALT === second.SALT ? 'stable' : 'new each call'}, keys ${Object.keys(first).join(',')}`
  }
  return [`${''.padEnd(20)} real:    ${await seen(target.real)}`, `${''.padEnd(20)} unknown: ${await seen(target.unknown)}`]
}

async function setUp(emulator: RunningEmulator, label: string, poolInput: object, real: string, unknown: string): Promise<Target> {
  const { deps } = emulator
  const { UserPool } = await createUserPool({ PoolName: label, ...poolInput }, deps)
  const poolId = UserPool?.Id ?? ''
  const { UserPoolClient } = await createUserPoolClient(
    {
      UserPoolId: poolId,
      ClientName: 'timing',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    },
    deps,
  )
  // A verified email, so ForgotPassword sends the real user a code (docs/cognito-behaviour.md#forgotpassword).
  const email = real.includes('@') ? real : `${real}@example.com`
  const attributes = [
    { Name: 'email', Value: email },
    { Name: 'email_verified', Value: 'true' },
  ]
  await adminCreateUser(
    { UserPoolId: poolId, Username: real, TemporaryPassword: PASSWORD, MessageAction: 'SUPPRESS', UserAttributes: attributes },
    deps,
  )
  await adminSetUserPassword({ UserPoolId: poolId, Username: real, Password: PASSWORD, Permanent: true }, deps)
  return { label, poolId, clientId: UserPoolClient?.ClientId ?? '', real, unknown }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

await main()

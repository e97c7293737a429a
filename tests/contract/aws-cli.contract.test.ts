// The AWS CLI (`aws cognito-idp … --endpoint-url`) against the local user pool, running the
// commands of AWS's article https://repost.aws/knowledge-center/cognito-user-pool-totp-mfa in their
// published shape. The CLI validates client-side (e.g. Session ≥ 20 characters) and reads errors
// from the body's __type only.
import { execFile, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  AdminInitiateAuthCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock } from '../../emulator/state/clock.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { awsCliEnv, createConfirmedUser, createTemporaryUser, failOnConsoleError, sdkClient, TOTP_STEP_MS, wrongCode } from './harness.ts'

const run = promisify(execFile)
const clock = createTestClock(Date.now()) // frozen: a slow CLI start-up can't cross a TOTP step
const CLI_TIMEOUT_MS = 60_000
failOnConsoleError()
let emulator: RunningEmulator
let poolId: string
let clientId: string

type CliFailure = { code: number; stderr: string }

// The CLI's output, read member by member as the article reads it. No SDK type fits: the CLI prints dates as
// epoch seconds (v1) or ISO strings (v2), where the SDK's types say Date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped CLI JSON, see above
type CliOutput = Record<string, any>

/** Runs `aws cognito-idp <args> --endpoint-url <emulator>` and parses its JSON output. */
async function cognitoIdp(...args: string[]): Promise<CliOutput> {
  const { stdout } = await run('aws', ['cognito-idp', ...args, '--endpoint-url', emulator.url, '--output', 'json'], {
    env: awsCliEnv,
    timeout: CLI_TIMEOUT_MS,
  })
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as CliOutput)
}

async function cognitoIdpFails(...args: string[]): Promise<CliFailure> {
  try {
    await run('aws', ['cognito-idp', ...args, '--endpoint-url', emulator.url, '--output', 'json'], { env: awsCliEnv, timeout: CLI_TIMEOUT_MS })
  } catch (error) {
    const failure = error as { code?: unknown; stderr?: string }
    return { code: Number(failure.code), stderr: failure.stderr ?? '' }
  }
  throw new Error(`expected aws cognito-idp ${args[0]} to fail, but it succeeded`)
}

// Set when `aws` cannot run. Never skip: every test then FAILS with how to install it.
let missingCli: string | undefined

function requireCli(): void {
  if (missingCli) throw new Error(missingCli)
}

beforeAll(async () => {
  try {
    await run('aws', ['--version'], { env: awsCliEnv, timeout: CLI_TIMEOUT_MS })
  } catch (error) {
    missingCli =
      'The AWS CLI (`aws`) is not on PATH, so the CLI contract tests cannot run. Install it with ' +
      '`apt-get install -y awscli` (Debian/Ubuntu; .ci/run does this) or `pip install awscli`, then run the tests again. ' +
      `(${error instanceof Error ? error.message : String(error)})`
  }
  emulator = await startEmulator({ port: 0, clock, seed: false, log: () => {} })
  // The article's pool, set up as its "important" note says: MFA with TOTP, a client that allows ALLOW_ADMIN_USER_PASSWORD_AUTH.
  const sdk = sdkClient(emulator.url)
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'article', MfaConfiguration: 'OFF' }))
  poolId = UserPool!.Id!
  await sdk.send(
    new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }),
  )
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'article',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  clientId = UserPoolClient!.ClientId!
  await createConfirmedUser(sdk, poolId, 'Bob', 'P@ssw0rd', 'bob@example.com')
  await createConfirmedUser(sdk, poolId, 'Carol', 'P@ssw0rd', 'carol@example.com')
  await createConfirmedUser(sdk, poolId, 'Erin', 'P@ssw0rd', 'erin@example.com')
  await createTemporaryUser(sdk, poolId, 'Dave', 'P@ssw0rd', 'dave@example.com')
}, CLI_TIMEOUT_MS)

afterAll(async () => {
  await emulator?.close()
})

const signInArgs = (username: string) => [
  'admin-initiate-auth',
  '--user-pool-id',
  poolId,
  '--client-id',
  clientId,
  '--auth-flow',
  'ADMIN_USER_PASSWORD_AUTH',
  '--auth-parameters',
  `USERNAME=${username},PASSWORD=P@ssw0rd`,
]

test('the AWS CLI is installed', () => {
  requireCli()
})

test(
  'the article, command by command: associate, verify, set preference, admin sign-in with SOFTWARE_TOKEN_MFA, respond with the code',
  async () => {
    requireCli()
    const first = await cognitoIdp(...signInArgs('Bob'))
    const accessToken: string = first.AuthenticationResult.AccessToken

    // 1. aws cognito-idp associate-software-token --access-token …
    const { SecretCode } = await cognitoIdp('associate-software-token', '--access-token', accessToken)
    expect(SecretCode).toMatch(/^[A-Z2-7]{52}$/)

    // 7. aws cognito-idp verify-software-token --access-token … --user-code 269194 --friendly-device-name BobPhone
    const verified = await cognitoIdp(
      'verify-software-token',
      '--access-token',
      accessToken,
      '--user-code',
      phoneCode(SecretCode, clock.now()),
      '--friendly-device-name',
      'BobPhone',
    )
    expect(verified).toEqual({ Status: 'SUCCESS' })

    // 8. set-user-mfa-preference (the user) and admin-set-user-mfa-preference (the administrator)
    expect(
      await cognitoIdp('set-user-mfa-preference', '--software-token-mfa-settings', 'Enabled=true,PreferredMfa=true', '--access-token', accessToken),
    ).toEqual({})
    expect(
      await cognitoIdp(
        'admin-set-user-mfa-preference',
        '--software-token-mfa-settings',
        'Enabled=true,PreferredMfa=true',
        '--username',
        'Bob',
        '--user-pool-id',
        poolId,
      ),
    ).toEqual({})

    // 9. admin-initiate-auth now answers with the TOTP challenge, as in the article's sample output.
    const challenge = await cognitoIdp(...signInArgs('Bob'))
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    expect(challenge.ChallengeParameters).toEqual({ FRIENDLY_DEVICE_NAME: 'BobPhone', USER_ID_FOR_SRP: 'Bob' })
    expect(challenge.Session.length).toBeGreaterThanOrEqual(20)

    const respondArgs = (code: string) => [
      'admin-respond-to-auth-challenge',
      '--user-pool-id',
      poolId,
      '--client-id',
      clientId,
      '--challenge-name',
      'SOFTWARE_TOKEN_MFA',
      '--challenge-responses',
      `USERNAME=Bob,SOFTWARE_TOKEN_MFA_CODE=${code}`,
      '--session',
      challenge.Session,
    ]
    // A mistyped code: the CLI shows Cognito's error name; the session survives it.
    const mistyped = await cognitoIdpFails(...respondArgs(wrongCode(SecretCode, clock.now())))
    expect(mistyped.code).not.toBe(0)
    expect(mistyped.stderr).toContain(
      'An error occurred (CodeMismatchException) when calling the AdminRespondToAuthChallenge operation: Invalid code received for user',
    )

    // The verify code's 30-second step is spent: the phone's next code signs in.
    clock.advance(TOTP_STEP_MS)
    const done = await cognitoIdp(...respondArgs(phoneCode(SecretCode, clock.now())))
    expect(done.ChallengeParameters).toEqual({})
    expect(done.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' })
    for (const token of ['AccessToken', 'IdToken']) expect(done.AuthenticationResult[token].split('.')).toHaveLength(3)
    expect(done.AuthenticationResult.RefreshToken).toEqual(expect.any(String))

    // admin-get-user shows the result. Its dates pass botocore's timestamp parsing; CLI v1 prints
    // them as sent (epoch seconds), v2 as ISO 8601: either way, today's date.
    const user = await cognitoIdp('admin-get-user', '--user-pool-id', poolId, '--username', 'Bob')
    expect(user).toMatchObject({
      Username: 'Bob',
      UserStatus: 'CONFIRMED',
      Enabled: true,
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    })
    const created = typeof user.UserCreateDate === 'number' ? new Date(user.UserCreateDate * 1000) : new Date(user.UserCreateDate)
    expect(Math.abs(created.getTime() - clock.now())).toBeLessThan(10 * 60_000)
  },
  4 * CLI_TIMEOUT_MS,
)

test(
  'CLI errors carry the Cognito error name and message: a wrong verify code, an unknown user',
  async () => {
    requireCli()
    const first = await cognitoIdp(...signInArgs('Carol'))
    const accessToken: string = first.AuthenticationResult.AccessToken
    const { SecretCode } = await cognitoIdp('associate-software-token', '--access-token', accessToken)

    const mismatch = await cognitoIdpFails(
      'verify-software-token',
      '--access-token',
      accessToken,
      '--user-code',
      wrongCode(SecretCode, clock.now()),
      '--friendly-device-name',
      'CarolPhone',
    )
    expect(mismatch.code).not.toBe(0)
    expect(mismatch.stderr).toContain(
      'An error occurred (EnableSoftwareTokenMFAException) when calling the VerifySoftwareToken operation: Code mismatch and fail enable Software Token MFA',
    )

    const unknown = await cognitoIdpFails('admin-get-user', '--user-pool-id', poolId, '--username', 'Nobody')
    expect(unknown.stderr).toContain('An error occurred (UserNotFoundException) when calling the AdminGetUser operation: User does not exist.')
  },
  4 * CLI_TIMEOUT_MS,
)

// `--session -Abc…` is read by the CLI as an unknown option ("expected one argument"), so a
// value the server hands out must never start with "-": with plain random base64url, one
// sign-in in 64 could not be finished with the article's commands. Sampled through the SDK.
test(
  'no Session or refresh token the server issues starts with "-", so each can follow --session or --token',
  async () => {
    const sdk = sdkClient(emulator.url)
    const signIn = (username: string) =>
      sdk.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: 'P@ssw0rd' },
        }),
      )
    const issued: string[] = []
    for (let i = 0; i < 300; i += 1) {
      issued.push((await signIn('Dave')).Session!) // NEW_PASSWORD_REQUIRED, a new session each time
      issued.push((await signIn('Erin')).AuthenticationResult!.RefreshToken!)
    }
    expect(issued.every((value) => value.length >= 20)).toBe(true)
    expect(issued.filter((value) => value.startsWith('-'))).toEqual([])
  },
  CLI_TIMEOUT_MS,
)

/** The README's walkthrough block, as a reader copies it. */
function readmeWalkthrough(): string {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')
  const block = /<!-- aws-cli-walkthrough:[^>]*-->\n```sh\n([\s\S]*?)\n```/.exec(readme)
  if (!block) throw new Error('README.md has no block marked <!-- aws-cli-walkthrough: … -->')
  return block[1]
}

test(
  "the README's walkthrough runs as written: ids, token and session go into variables, one user throughout",
  async () => {
    requireCli()
    // A pool as npm start seeds it (the demo pools), on this file's frozen clock so the codes are known.
    const local = await startEmulator({ port: 0, clock, log: () => {} })
    try {
      const script = readmeWalkthrough()
      // The only change: the pool's address (the reader's is the default port, 8329).
      expect(script.split('http://127.0.0.1:8329')).toHaveLength(2)
      expect(script).not.toMatch(/<[A-Za-z]+>/) // nothing left for the reader to fill in
      const usernames = new Set([...script.matchAll(/USERNAME=(\w+)|--username (\w+)/g)].map((match) => match[1] ?? match[2]))
      expect([...usernames]).toEqual(['alice'])

      const shell = spawn('bash', ['-euo', 'pipefail', '-c', script.replace('http://127.0.0.1:8329', local.url)], {
        // Without the credentials and region: the block's own `export` line must set them.
        env: Object.fromEntries(
          Object.entries(awsCliEnv).filter(([name]) => !['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_DEFAULT_REGION'].includes(name)),
        ),
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      let secret: string | undefined
      let prompts = 0
      shell.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      shell.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        secret ??= /^([A-Z2-7]{52})$/m.exec(stdout)?.[1]
        // Each prompt is answered as a person would: the code the phone shows then.
        const seen = (stdout.match(/Code from the authenticator app: |The next code \(wait until the app shows a new one\): /g) ?? []).length
        while (prompts < seen) {
          if (!secret) throw new Error(`a code was asked for before the setup key was printed:\n${stdout}`)
          if (prompts > 0) clock.advance(TOTP_STEP_MS) // the verified code's step is spent
          shell.stdin.write(`${phoneCode(secret, clock.now())}\n`)
          prompts += 1
        }
      })
      const code = await new Promise<number | null>((resolve) => shell.on('close', resolve))
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
      expect(prompts).toBe(2)
      // After the last prompt (the typed code is not echoed), the names of the tokens the second sign-in ended in;
      // the demo pools track devices, so a sign-in from a new device also gets NewDeviceMetadata (ADR 024).
      expect(
        stdout
          .slice(stdout.lastIndexOf('): ') + 3)
          .trim()
          .split(/\s+/)
          .sort(),
      ).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'NewDeviceMetadata', 'RefreshToken', 'TokenType'])
      const optional = local.pools().find((pool) => pool.name === 'Demo - MFA optional')!
      expect(optional.users.find((user) => user.username === 'alice')?.note).toBe('authenticator app on (AlicePhone): sign-in asks for its code')
    } finally {
      await local.close()
    }
  },
  8 * CLI_TIMEOUT_MS,
)

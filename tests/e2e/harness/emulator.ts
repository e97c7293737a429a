// The local user pool as it ships: a separate process (`node --import tsx emulator/main.ts`),
// fresh in-memory state, any free port, and --clock-control so tests can move its time.
import { spawn, type ChildProcess } from 'node:child_process'
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  CognitoIdentityProviderClient,
  UpdateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { phoneCode } from '../../support/phone-totp.ts'
import { repoRoot } from './paths.ts'

export type LocalPool = { name: string; userPoolId: string; clientId: string; mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON' }

export type TestUser = { username: string; password: string; email: string }

export type Emulator = {
  url: string
  pools: { optional: LocalPool; required: LocalPool }
  /** The emulator's current time (ms since the epoch); a phone's clock agrees with it. */
  now(): Promise<number>
  /** Moves the emulator's clock forward; returns its new time. */
  advanceClock(ms: number): Promise<number>
  /**
   * A new confirmed user with a permanent password, in the MFA-optional pool unless told otherwise.
   * The username is `name`, or `name-2`, `name-3` … when this pool already has that name.
   */
  createUser(name: string, pool?: 'optional' | 'required'): Promise<TestUser>
  /**
   * A user who already has an authenticator app, on and preferred, set up through the API (as an
   * earlier visit would have). The setup used the current 30-second step: sign in with a later one.
   */
  createUserWithTotp(name: string): Promise<TestUser & { setupKey: string }>
  /** Sets the app client's AuthSessionValidity (minutes, 3–15) on a pool. */
  setAuthSessionValidity(pool: 'optional' | 'required', minutes: number): Promise<void>
  admin: CognitoIdentityProviderClient
  stop(): Promise<void>
  /** Everything the process printed (for failure messages). */
  output(): string
}

/** `appOrigins`: the origins the app is served from (passed as --cors-origin: the page's Origin reaches the pool through the proxy). */
export async function startEmulatorProcess(appOrigins: readonly string[] = []): Promise<Emulator> {
  const corsArgs = appOrigins.flatMap((origin) => ['--cors-origin', origin])
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', '0', '--clock-control', ...corsArgs], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  let output = ''
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (output += text))
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (output += text))
  const url = await waitForReady(child, () => output)

  const config = (await (await fetch(`${url}/_local/config`)).json()) as { pools: LocalPool[] }
  const byMfa = (mfa: LocalPool['mfaConfiguration']) => {
    const pool = config.pools.find((p) => p.mfaConfiguration === mfa)
    if (!pool) throw new Error(`The emulator offers no pool with MFA ${mfa}: ${JSON.stringify(config)}`)
    return pool
  }
  const pools = { optional: byMfa('OPTIONAL'), required: byMfa('ON') }

  // The SDK's notice about future Node versions is printed once per test file otherwise; the
  // admin client only talks to the local pool.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const admin = new CognitoIdentityProviderClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })

  async function advanceClock(ms: number): Promise<number> {
    const response = await fetch(`${url}/_local/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    })
    if (!response.ok) throw new Error(`POST /_local/clock answered ${response.status}: ${await response.text()}`)
    return ((await response.json()) as { now: number }).now
  }

  const usedNames = new Map<string, number>()
  async function createUser(name: string, pool: 'optional' | 'required' = 'optional'): Promise<TestUser> {
    const uses = (usedNames.get(name) ?? 0) + 1
    usedNames.set(name, uses)
    const username = uses === 1 ? name : `${name}-${uses}`
    const password = `E2e-pass-${uses}-${Math.random().toString(36).slice(2, 8)}!`
    const email = `${username}@example.com`
    const UserPoolId = pools[pool].userPoolId
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: password,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    )
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: username, Password: password, Permanent: true }))
    return { username, password, email }
  }

  return {
    url,
    pools,
    admin,
    now: () => advanceClock(0),
    advanceClock,
    createUser,
    async createUserWithTotp(name) {
      const user = await createUser(name)
      const { AuthenticationResult } = await admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pools.optional.userPoolId,
          ClientId: pools.optional.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
        }),
      )
      const AccessToken = AuthenticationResult?.AccessToken
      if (!AccessToken) throw new Error(`AdminInitiateAuth for ${user.username} returned no tokens`)
      const { SecretCode } = await admin.send(new AssociateSoftwareTokenCommand({ AccessToken }))
      if (!SecretCode) throw new Error('AssociateSoftwareToken returned no SecretCode')
      await admin.send(
        new VerifySoftwareTokenCommand({ AccessToken, UserCode: phoneCode(SecretCode, await advanceClock(0)), FriendlyDeviceName: 'Test phone' }),
      )
      await admin.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))
      return { ...user, setupKey: SecretCode }
    },
    async setAuthSessionValidity(pool, minutes) {
      const { UserPoolId, ClientId } = { UserPoolId: pools[pool].userPoolId, ClientId: pools[pool].clientId }
      const { UserPoolClient } = await admin.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId }))
      await admin.send(
        new UpdateUserPoolClientCommand({
          UserPoolId,
          ClientId,
          ExplicitAuthFlows: UserPoolClient?.ExplicitAuthFlows,
          AuthSessionValidity: minutes,
        }),
      )
    },
    output: () => output,
    stop: () => stopChild(child),
  }
}

function waitForReady(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('timed out after 30 s')), 30_000)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`The local user pool did not start (${error.message}). Its output:\n${output()}`))
    }
    child.once('error', fail)
    child.once('exit', (code) => fail(new Error(`exited with code ${code}`)))
    child.stdout!.on('data', () => {
      const match = /^READY (http:\/\/\S+)$/m.exec(output())
      if (match) {
        clearTimeout(timer)
        child.removeAllListeners('exit')
        resolve(match[1])
      }
    })
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

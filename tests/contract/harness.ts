// Shared set-up for the contract tests: an admin SDK client for seeding users, and small
// helpers for codes and errors. Every test drives the emulator only over its wire API.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { afterAll, afterEach, beforeAll, beforeEach, vi, type MockInstance } from 'vitest'
import type { LocalPool } from '../../emulator/seed.ts'
import { startEmulator, type RunningEmulator, type StartOptions } from '../../emulator/server.ts'
import { phoneCode } from '../support/phone-totp.ts'

/**
 * The AWS SDK pointed at the emulator. Dummy credentials: admin calls are SigV4-signed and
 * the emulator ignores signatures. maxAttempts 1 so no test can pass only thanks to a retry.
 */
export function sdkClient(url: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
}

/**
 * A local pool on a free port for the tests of one file: started before them, closed after. Read
 * `emulator` and `pool` inside the tests (they exist only once the pool has started).
 */
export function useLocalPool(
  pick: (pools: LocalPool[]) => LocalPool = (pools) => pools[0],
  /** A clock the tests move, and where the pool's lines go (the codes it "sends" among them); by default nowhere. */
  options: Pick<StartOptions, 'clock' | 'log'> = {},
): {
  readonly emulator: RunningEmulator
  readonly pool: LocalPool
} {
  let running: { emulator: RunningEmulator; pool: LocalPool } | undefined
  beforeAll(async () => {
    const emulator = await startEmulator({ port: 0, log: () => {}, ...options })
    running = { emulator, pool: pick(emulator.pools()) }
  })
  afterAll(async () => {
    await running?.emulator.close()
  })
  const started = () => {
    if (!running) throw new Error('useLocalPool: the pool is read before it started (read it inside a test)')
    return running
  }
  return {
    get emulator() {
      return started().emulator
    },
    get pool() {
      return started().pool
    },
  }
}

/**
 * An empty local pool (no demo pools) on a state file of its own for each test: `start()` starts it,
 * a second `start()` in the same test starts it again on the same file (a restart). Every pool
 * started is closed, and the file removed, after each test.
 */
export function useEmptyPoolOnDisk(prefix: string): { start(): Promise<RunningEmulator> } {
  let dir: string | undefined
  const running: RunningEmulator[] = []
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), `cognito-totp-${prefix}-`))
  })
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()))
    if (dir) await rm(dir, { recursive: true, force: true })
  })
  return {
    async start() {
      if (!dir) throw new Error('useEmptyPoolOnDisk: start() is called inside a test')
      const emulator = await startEmulator({ port: 0, statePath: join(dir, 'state.json'), seed: false, log: () => {} })
      // A test closes a pool before restarting it; it is closed here only if the test did not.
      let closed = false
      const close = async () => {
        if (closed) return
        closed = true
        await emulator.close()
      }
      const started = { ...emulator, close }
      running.push(started)
      return started
    },
  }
}

let counter = 0
/** A username no other test uses (tests create their own users so they don't depend on each other). */
export function uniqueName(prefix: string): string {
  counter += 1
  return `${prefix}-${process.pid}-${counter}`
}

/**
 * A confirmed user with a permanent password, the way a seed script creates one
 * (docs/cognito-behaviour.md#seeding-users).
 */
export async function createConfirmedUser(
  sdk: CognitoIdentityProviderClient,
  userPoolId: string,
  username: string,
  password: string,
  email = `${username}@example.com`,
): Promise<void> {
  await createTemporaryUser(sdk, userPoolId, username, password, email)
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password, Permanent: true }))
}

/** An admin-created user still in FORCE_CHANGE_PASSWORD: the first sign-in asks for a new password. */
export async function createTemporaryUser(
  sdk: CognitoIdentityProviderClient,
  userPoolId: string,
  username: string,
  temporaryPassword: string,
  email = `${username}@example.com`,
): Promise<void> {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: username,
      TemporaryPassword: temporaryPassword,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  )
}

/** A 6-digit code that is certainly wrong now: it matches none of the steps the server accepts (±1). */
export function wrongCode(secret: string, atMs: number): string {
  const valid = new Set([-1, 0, 1].map((delta) => phoneCode(secret, atMs + delta * 30_000)))
  for (let candidate = 0; ; candidate += 111_111) {
    const code = String(candidate % 1_000_000).padStart(6, '0')
    if (!valid.has(code)) return code
  }
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`rejected with a non-Error: ${String(error)}`, { cause: error })
  }
  throw new Error('expected the call to be refused, but it succeeded')
}

/**
 * The payload of a JWT, decoded without verifying it, as Amplify reads it
 * (docs/cognito-behaviour.md#what-amplify-reads-from-tokens).
 */
export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>
}

/** One 30-second TOTP step: a code (time step) is accepted only once, so the next login needs the next step. */
export const TOTP_STEP_MS = 30_000

/**
 * An unexpected console.error fails the test (STYLE §5). The emulator reports every internal
 * error there, including ones a client hides: Amplify's signOut ignores a failing RevokeToken.
 */
export function failOnConsoleError(): void {
  let spy: MockInstance<typeof console.error> | undefined
  beforeEach(() => {
    spy = vi.spyOn(console, 'error')
  })
  afterEach(() => {
    const calls = spy?.mock.calls ?? []
    spy?.mockRestore()
    if (calls.length > 0) throw new Error(`console.error was called:\n${calls.map((args) => args.map(String).join(' ')).join('\n')}`)
  })
}

// The AWS CLI against the local pool: dummy credentials (admin commands are signed; the emulator
// ignores signatures), no user config files, no pager, and no retries so no test passes only
// thanks to one.
const { AWS_PROFILE: _profile, ...inherited } = process.env
export const awsCliEnv: NodeJS.ProcessEnv = {
  ...inherited,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_MAX_ATTEMPTS: '1',
}

// `npm start`'s start-up: the local pool's default port (not Node's debugger port 9229), the banner
// read from the pool's state when printed (not from the seed), and `npm run reset` (issue 11).
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import type { LocalPool } from '../../emulator/seed.ts'
import { startBanner } from '../../scripts/start-banner.ts'
import { parseStartOptions, STATE_FILE } from '../../scripts/start-options.ts'
import viteConfig from '../../vite.config.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { sdkClient } from './harness.ts'

const run = promisify(execFile)
const root = join(import.meta.dirname, '../..')
let folder: string
let statePath: string

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'start-up-'))
  statePath = join(folder, 'state.json')
})
afterEach(() => {
  rmSync(folder, { recursive: true, force: true })
})

/** The pool as `npm start` runs it (persisted state), on a free port. */
const startPool = () => startEmulator({ port: 0, statePath, log: () => {} })

const banner = (pool: RunningEmulator) => startBanner('http://127.0.0.1:5173/', pool.url, STATE_FILE, pool.pools())

function demoPool(pool: RunningEmulator, mfa: LocalPool['mfaConfiguration']): LocalPool {
  const found = pool.pools().find((candidate) => candidate.mfaConfiguration === mfa)
  if (!found) throw new Error(`no demo pool with MFA ${mfa}`)
  return found
}

describe('ports', () => {
  test("the local pool's default port is 8329, not Node's debugger port 9229; the app's is 5173", () => {
    expect(parseStartOptions([], {})).toEqual({ appPort: 5173, poolPort: 8329, reset: false, noSeed: false, help: false })
  })

  test('flags and environment variables change them; a flag wins; a bad port is an error', () => {
    expect(parseStartOptions(['--port', '3000', '--pool-port', '9000', '--reset'], {})).toMatchObject({ appPort: 3000, poolPort: 9000, reset: true })
    expect(parseStartOptions([], { APP_PORT: '3001', COGNITO_EMULATOR_PORT: '9001' })).toMatchObject({ appPort: 3001, poolPort: 9001 })
    expect(parseStartOptions(['--pool-port', '9002'], { COGNITO_EMULATOR_PORT: '9001' })).toMatchObject({ poolPort: 9002 })
    expect(() => parseStartOptions(['--pool-port', '70000'], {})).toThrow('--pool-port must be a port number (1-65535), got "70000"')
    expect(parseStartOptions(['--reset', '--no-seed'], {})).toMatchObject({ reset: true, noSeed: true })
  })

  test("the dev server's /local-cognito proxy goes to the pool's default port when npm start did not say otherwise", () => {
    // vite.config.ts was loaded above, with no COGNITO_EMULATOR_URL set by this test run.
    expect(process.env.COGNITO_EMULATOR_URL).toBeUndefined()
    const proxy = viteConfig.server?.proxy?.['/local-cognito']
    expect(typeof proxy === 'object' && proxy.target).toBe('http://127.0.0.1:8329')
  })

  test('npm run emulator says its default port in --help', async () => {
    const { stdout } = await run('node', ['--import', 'tsx', 'emulator/main.ts', '--help'], { cwd: root })
    expect(stdout).toContain('(0 = any free port; default 8329)')
  }, 60_000)
})

describe('the start-up banner', () => {
  test('a fresh pool: each demo user with their password and what their first sign-in does', async () => {
    const pool = await startPool()
    try {
      const text = banner(pool)
      expect(text).toContain('    alice / Alice-demo-2026!  (no authenticator yet: set it up in Security)')
      expect(text).toContain('    dave / Dave-temp-2026!  (temporary password: must choose a new password at sign-in)')
      expect(text).toContain('    bob / Bob-demo-2026!  (no authenticator: sets one up during sign-in)')
    } finally {
      await pool.close()
    }
  }, 60_000)

  test('the next start shows what the users did: an authenticator set up, a temporary password replaced, a password reset by an administrator', async () => {
    const first = await startPool()
    try {
      const sdk = sdkClient(first.url)
      const optional = demoPool(first, 'OPTIONAL')
      const signIn = (USERNAME: string, PASSWORD: string) =>
        sdk.send(
          new AdminInitiateAuthCommand({
            UserPoolId: optional.userPoolId,
            ClientId: optional.clientId,
            AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME, PASSWORD },
          }),
        )
      // alice sets up her authenticator app, as the Security page does.
      const { AuthenticationResult } = await signIn('alice', 'Alice-demo-2026!')
      const AccessToken = AuthenticationResult!.AccessToken!
      const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }))
      await sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: phoneCode(SecretCode!, Date.now()), FriendlyDeviceName: 'Pixel' }))
      await sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))
      // An administrator resets bob's password (AdminResetUserPassword).
      const required = demoPool(first, 'ON')
      await sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: required.userPoolId, Username: 'bob' }))
      // dave replaces his temporary password at his first sign-in.
      const { Session } = await signIn('dave', 'Dave-temp-2026!')
      await sdk.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: optional.userPoolId,
          ClientId: optional.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          ChallengeResponses: { USERNAME: 'dave', NEW_PASSWORD: 'Dave-chose-2026!' },
          Session,
        }),
      )
    } finally {
      await first.close()
    }

    const next = await startPool()
    try {
      const text = banner(next)
      expect(text).toContain('    alice / Alice-demo-2026!  (authenticator app on (Pixel): sign-in asks for its code)')
      expect(text).toContain('    dave  (password changed; no authenticator yet: set it up in Security)')
      expect(text).not.toContain('Dave-temp-2026!')
      expect(text).toContain('    bob  (password reset by an administrator: choose a new one with "Forgot your password?"; the code is printed here)')
    } finally {
      await next.close()
    }
  }, 60_000)
})

describe('reset', () => {
  /** `npm run reset` run in `cwd`, where it finds `.emulator/state.json` as npm start leaves it. */
  const reset = (cwd: string) =>
    run('node', ['--import', import.meta.resolve('tsx'), join(root, 'scripts/reset-pool.ts')], { cwd }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    )

  test('npm run reset deletes the pool npm start keeps: the next start has fresh demo users', async () => {
    statePath = join(folder, STATE_FILE)
    const first = await startPool()
    const optional = demoPool(first, 'OPTIONAL')
    await sdkClient(first.url).send(
      new AdminSetUserPasswordCommand({ UserPoolId: optional.userPoolId, Username: 'alice', Password: 'Alice-other-2026!', Permanent: true }),
    )
    expect(banner(first)).toContain('    alice  (password changed; no authenticator yet: set it up in Security)')
    const ids = first.pools().map((pool) => pool.userPoolId)

    // While npm start runs, nothing is deleted: it would write its pools back.
    const refused = await reset(folder)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('is in use by another emulator')
    expect(refused.stderr).toContain('stop npm start with Ctrl+C, then run npm run reset again')
    expect(existsSync(statePath)).toBe(true)
    await first.close()

    const done = await reset(folder)
    expect(done).toMatchObject({ code: 0, stderr: '' })
    expect(done.stdout).toContain(`Deleted the local pool's state (${STATE_FILE})`)
    expect(existsSync(statePath)).toBe(false)
    expect(existsSync(`${statePath}.journal`)).toBe(false)
    expect(existsSync(`${statePath}.lock`)).toBe(false)
    expect((await reset(folder)).stdout).toContain('nothing to reset')

    const fresh = await startPool()
    try {
      for (const pool of fresh.pools()) expect(ids).not.toContain(pool.userPoolId)
      expect(banner(fresh)).toContain('    alice / Alice-demo-2026!  (no authenticator yet: set it up in Security)')
    } finally {
      await fresh.close()
    }
  }, 120_000)
})

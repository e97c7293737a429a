// State that survives a restart (issue 2, "Start, seed, persist"): with a state file, users,
// their authenticator and their refresh tokens outlive the process; a damaged file is reported
// as CorruptStateError and never silently replaced.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AssociateSoftwareTokenCommand,
  ConfirmForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock } from '../../emulator/state/clock.ts'
import { CorruptStateError } from '../../emulator/state/snapshot.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, TOTP_STEP_MS } from './harness.ts'

const clock = createTestClock(Date.now()) // frozen: the restart must not move TOTP steps
failOnConsoleError()
let dir: string
const running: RunningEmulator[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cognito-totp-state-'))
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()))
  await rm(dir, { recursive: true, force: true })
})

async function start(statePath: string, port = 0): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port, statePath, clock, log: () => {} })
  running.push(emulator)
  return emulator
}

async function stop(emulator: RunningEmulator): Promise<void> {
  running.splice(running.indexOf(emulator), 1)
  await emulator.close()
}

test('a user, their authenticator and their sign-in survive a restart on the same state file', async () => {
  const statePath = join(dir, 'state.json')
  const first = await start(statePath)
  const pool = first.pools().find((candidate) => candidate.mfaConfiguration === 'OPTIONAL')!
  let sdk = sdkClient(first.url)
  await createConfirmedUser(sdk, pool.userPoolId, 'persistent', 'Keep-pass-2026!')
  const signIn = () =>
    sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: pool.userPoolId,
        ClientId: pool.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'persistent', PASSWORD: 'Keep-pass-2026!' },
      }),
    )
  const { AuthenticationResult } = await signIn()
  const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: AuthenticationResult!.AccessToken }))
  const verifiedCode = phoneCode(SecretCode!, clock.now())
  await sdk.send(
    new VerifySoftwareTokenCommand({ AccessToken: AuthenticationResult!.AccessToken, UserCode: verifiedCode, FriendlyDeviceName: 'Kept phone' }),
  )
  await sdk.send(
    new SetUserMFAPreferenceCommand({
      AccessToken: AuthenticationResult!.AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  )
  const { port } = first
  await stop(first)

  // Same port as before, as `npm start` restarts: tokens name their issuer by URL.
  const second = await start(statePath, port)
  sdk = sdkClient(second.url)
  expect(second.pools().map((candidate) => candidate.userPoolId)).toContain(pool.userPoolId)

  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: 'persistent' }))
  expect(user).toMatchObject({ UserStatus: 'CONFIRMED', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' })

  // Tokens issued before the restart still work: the pool's signing key and refresh tokens were kept.
  expect((await sdk.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken }))).Username).toBe('persistent')
  const refreshed = await sdk.send(
    new GetTokensFromRefreshTokenCommand({ ClientId: pool.clientId, RefreshToken: AuthenticationResult!.RefreshToken }),
  )
  expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String))

  // The TOTP set-up survived: same device name, and the code used at verification stays used.
  const challenge = await signIn()
  expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  expect(challenge.ChallengeParameters?.FRIENDLY_DEVICE_NAME).toBe('Kept phone')
  const respond = (code: string) =>
    sdk.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: pool.userPoolId,
        ClientId: pool.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ChallengeResponses: { USERNAME: 'persistent', SOFTWARE_TOKEN_MFA_CODE: code },
        Session: challenge.Session,
      }),
    )
  expect((await rejectionOf(respond(verifiedCode))).name).toBe('ExpiredCodeException')
  clock.advance(TOTP_STEP_MS)
  expect((await respond(phoneCode(SecretCode!, clock.now()))).AuthenticationResult?.AccessToken).toEqual(expect.any(String))
})

test("support's reset (AdminDeleteSoftwareToken) survives a restart: the key stays gone", async () => {
  const statePath = join(dir, 'state.json')
  const first = await start(statePath)
  const pool = first.pools().find((candidate) => candidate.mfaConfiguration === 'ON')!
  let sdk = sdkClient(first.url)
  await createConfirmedUser(sdk, pool.userPoolId, 'reset', 'Keep-pass-2026!')
  const signIn = () =>
    sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: pool.userPoolId,
        ClientId: pool.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'reset', PASSWORD: 'Keep-pass-2026!' },
      }),
    )
  const setup = await signIn()
  const { SecretCode, Session } = await sdk.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }))
  const verified = await sdk.send(new VerifySoftwareTokenCommand({ Session, UserCode: phoneCode(SecretCode!, clock.now()) }))
  await sdk.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      ChallengeName: 'MFA_SETUP',
      ChallengeResponses: { USERNAME: 'reset' },
      Session: verified.Session,
    }),
  )
  expect((await signIn()).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  await sdk.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: pool.userPoolId, Username: 'reset' }))
  const { port } = first
  await stop(first)

  const second = await start(statePath, port)
  sdk = sdkClient(second.url)
  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: 'reset' }))
  expect(user.UserMFASettingList).toBeUndefined()
  expect((await signIn()).ChallengeName).toBe('MFA_SETUP')
})

// docs/cognito-behaviour.md#password-reset-codes
test('an administrator’s reset survives a restart: still RESET_REQUIRED, and the code sent before it still works', async () => {
  const statePath = join(dir, 'state.json')
  const lines: string[] = []
  const first = await startEmulator({ port: 0, statePath, clock, log: (line) => lines.push(line) })
  running.push(first)
  const pool = first.pools().find((candidate) => candidate.mfaConfiguration === 'OPTIONAL')!
  let sdk = sdkClient(first.url)
  await createConfirmedUser(sdk, pool.userPoolId, 'resetting', 'Keep-pass-2026!')
  await sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: pool.userPoolId, Username: 'resetting' }))
  const code = /: (\d{6})$/.exec(lines.findLast((line) => line.startsWith('Password reset code for resetting')) ?? '')?.[1]
  expect(code).toBeDefined()
  const { port } = first
  await stop(first)

  const second = await start(statePath, port)
  sdk = sdkClient(second.url)
  expect((await sdk.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: 'resetting' }))).UserStatus).toBe('RESET_REQUIRED')
  await sdk.send(
    new ConfirmForgotPasswordCommand({ ClientId: pool.clientId, Username: 'resetting', ConfirmationCode: code, Password: 'Reset-pass-2026!' }),
  )
  const signedIn = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'resetting', PASSWORD: 'Reset-pass-2026!' },
    }),
  )
  expect(signedIn.AuthenticationResult).toBeDefined()
})

test('a restart does not seed the demo pools a second time', async () => {
  const statePath = join(dir, 'state.json')
  const first = await start(statePath)
  const before = first.pools().map((pool) => pool.userPoolId)
  await stop(first)

  const second = await start(statePath)
  expect(second.pools().map((pool) => pool.userPoolId)).toEqual(before)
})

describe('a damaged state file is reported, and left as it was', () => {
  test.each([
    ['not JSON at all', () => 'this is not a state file'],
    ['JSON cut off half-way (a torn write)', (valid: string) => valid.slice(0, Math.floor(valid.length / 2))],
    ['JSON of another shape', () => JSON.stringify({ version: 2, pools: [] })],
    ['an empty file', () => ''],
    ['a user record that is null', (valid: string) => JSON.stringify({ ...JSON.parse(valid), users: [null] })],
    ['a pool record without its id', (valid: string) => JSON.stringify({ ...JSON.parse(valid), pools: [{ name: 'no id' }] })],
  ])('%s', async (_what, damage: (valid: string) => string) => {
    const statePath = join(dir, 'state.json')
    await stop(await start(statePath))
    const journal = await readFile(`${statePath}.journal`, 'utf8')
    const damaged = damage(await readFile(statePath, 'utf8'))
    await writeFile(statePath, damaged)

    const error = await rejectionOf(startEmulator({ port: 0, statePath, clock, log: () => {} }))

    expect(error).toBeInstanceOf(CorruptStateError)
    expect(error.name).toBe('CorruptStateError')
    expect(error.message).toContain(statePath)
    expect(error.message).toMatch(/left untouched/)
    expect(await readFile(statePath, 'utf8')).toBe(damaged)
    // No replacement or temp file written beside it; its journal (from the first start) left as it was too.
    expect(await readdir(dir)).toEqual(['state.json', 'state.json.journal'])
    expect(await readFile(`${statePath}.journal`, 'utf8')).toBe(journal)
  })
})

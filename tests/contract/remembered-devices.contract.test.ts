// Remembered devices through real clients (issue 13, ADR 024): aws-amplify v6 in Node (rememberDevice,
// fetchDevices, forgetDevice, and signIn doing DEVICE_SRP_AUTH itself), amazon-cognito-identity-js (its
// own device SRP), and the AWS SDK for the Admin operations, against a demo pool, whose template tracks
// devices (challenge required on new devices, remembered on the user's prompt). Each test has a user of
// its own with an authenticator, and starts as a browser that has never seen it.
import {
  AdminInitiateAuthCommand,
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminUpdateDeviceStatusCommand,
  AdminUserGlobalSignOutCommand,
  DescribeUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { Amplify } from 'aws-amplify'
import { confirmSignIn, fetchAuthSession, fetchDevices, forgetDevice, rememberDevice, signIn, signOut, type SignInOutput } from 'aws-amplify/auth'
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito'
import { ConsoleLogger, defaultStorage } from 'aws-amplify/utils'
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type ICognitoStorage } from 'amazon-cognito-identity-js'
import type { LocalPool } from '../../emulator/seed.ts'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock } from '../../emulator/state/clock.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { awsCliEnv, createConfirmedUser, failOnConsoleError, jwtPayload, rejectionOf, sdkClient, TOTP_STEP_MS, uniqueName } from './harness.ts'

ConsoleLogger.LOG_LEVEL = 'ERROR'

const clock = createTestClock(Date.now())
failOnConsoleError()
let emulator: RunningEmulator
let sdk: ReturnType<typeof sdkClient>
let pool: LocalPool
// Every operation Amplify or identity-js put on the wire, in order.
let wire: string[] = []
const realFetch = globalThis.fetch

beforeAll(async () => {
  // Amplify names a new device from navigator.userAgent before ConfirmDevice; Node 20 has no navigator,
  // and Amplify then silently skips ConfirmDevice. A browser always has one.
  if (typeof globalThis.navigator === 'undefined') {
    Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Contract test browser' }, configurable: true })
  }
  emulator = await startEmulator({ port: 0, clock, log: () => {} })
  sdk = sdkClient(emulator.url)
  pool = emulator.pools().find((candidate) => candidate.mfaConfiguration === 'OPTIONAL')!
  globalThis.fetch = async (input, init) => {
    const target = new Headers(init?.headers).get('x-amz-target')
    if (target) wire.push(target.split('.').pop()!)
    return realFetch(input, init)
  }
})

afterAll(async () => {
  globalThis.fetch = realFetch
  await emulator.close()
})

type TestUser = { username: string; password: string; totpSecret: string }
let user: TestUser

/** A user with an authenticator as the preferred factor, set up with the SDK (not through a browser). */
async function userWithAuthenticator(): Promise<TestUser> {
  const username = uniqueName('remember')
  const password = 'Remember-me-2026!'
  await createConfirmedUser(sdk, pool.userPoolId, username, password)
  const signedIn = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  )
  const AccessToken = signedIn.AuthenticationResult!.AccessToken!
  const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }))
  await sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: phoneCode(SecretCode!, clock.now()) }))
  await sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))
  return { username, password, totpSecret: SecretCode! }
}

beforeEach(async () => {
  user = await userWithAuthenticator()
  wire = []
  Amplify.configure({ Auth: { Cognito: { userPoolId: pool.userPoolId, userPoolClientId: pool.clientId, userPoolEndpoint: emulator.url } } })
})

afterEach(async () => {
  await signOut()
  // Each test is a fresh browser: no device keys left from the one before.
  await defaultStorage.clear()
})

const nextStep = () => clock.advance(TOTP_STEP_MS)

/** Password, then the authenticator's code when asked: what the app's sign-in screen does. */
async function amplifySignIn(): Promise<{ askedForCode: boolean }> {
  nextStep()
  const first: SignInOutput = await signIn({ username: user.username, password: user.password })
  if (first.isSignedIn) return { askedForCode: false }
  expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE')
  const done = await confirmSignIn({ challengeResponse: phoneCode(user.totpSecret, clock.now()) })
  expect(done.isSignedIn).toBe(true)
  return { askedForCode: true }
}

async function accessTokenClaims(): Promise<Record<string, unknown>> {
  const { tokens } = await fetchAuthSession()
  return jwtPayload(tokens!.accessToken.toString())
}

async function adminDevices(): Promise<{ key: string; remembered: string | undefined }[]> {
  const { Devices = [] } = await sdk.send(new AdminListDevicesCommand({ UserPoolId: pool.userPoolId, Username: user.username }))
  return Devices.map((device) => ({
    key: device.DeviceKey!,
    remembered: device.DeviceAttributes?.find((attribute) => attribute.Name === 'dev:device_remembered_status')?.Value,
  }))
}

async function forgetAllDevices(): Promise<void> {
  for (const { key } of await adminDevices()) {
    await sdk.send(new AdminForgetDeviceCommand({ UserPoolId: pool.userPoolId, Username: user.username, DeviceKey: key }))
  }
}

describe('the pool', () => {
  test('the demo pools track devices: challenge required on new devices, remembered on the user prompt', async () => {
    const { UserPool } = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: pool.userPoolId }))
    expect(UserPool?.DeviceConfiguration).toEqual({ ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true })
  })
})

// Each test signs in two to four times with the client's own SRP (identity-js's in pure-JS big
// integers, about a second a sign-in): more than the default 5 s on a loaded machine.
const SIGN_INS = { timeout: 30_000 }

describe('aws-amplify v6', SIGN_INS, () => {
  test('remember this browser, sign out, sign in again without a code; the access token names the device', async () => {
    expect(await amplifySignIn()).toEqual({ askedForCode: true })
    // Amplify confirmed the new device on its own, right after the tokens.
    expect(wire).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'ConfirmDevice'])
    const deviceKey = String((await accessTokenClaims()).device_key)
    expect(deviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/)
    expect(await adminDevices()).toEqual([{ key: deviceKey, remembered: 'not_remembered' }])

    await rememberDevice()
    const devices = await fetchDevices()
    expect(devices).toEqual([expect.objectContaining({ id: deviceKey, name: expect.any(String) })])
    expect(devices[0].attributes).toMatchObject({ device_status: 'valid', 'dev:device_remembered_status': 'remembered' })
    await signOut()

    wire = []
    expect(await amplifySignIn()).toEqual({ askedForCode: false })
    expect(wire).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge'])
    expect((await accessTokenClaims()).device_key).toBe(deviceKey)
    // No new device: the remembered one signed in.
    expect(await adminDevices()).toEqual([{ key: deviceKey, remembered: 'remembered' }])
  })

  test('a tracked browser the user did not remember still asks, then proves the device', async () => {
    await amplifySignIn()
    const deviceKey = String((await accessTokenClaims()).device_key)
    await signOut()

    wire = []
    expect(await amplifySignIn()).toEqual({ askedForCode: true })
    // Password, code, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER: no new device is issued.
    expect(wire).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge'])
    expect((await accessTokenClaims()).device_key).toBe(deviceKey)
  })

  test('forget this browser, then the next sign-in asks for a code again', async () => {
    await amplifySignIn()
    await rememberDevice()
    await forgetDevice()
    expect(await adminDevices()).toEqual([])
    await signOut()

    expect(await amplifySignIn()).toEqual({ askedForCode: true })
  })

  test('a browser forgotten elsewhere (Admin) asks again: Amplify drops its key on "Device does not exist." and retries', async () => {
    await amplifySignIn()
    await rememberDevice()
    await signOut()
    await forgetAllDevices()

    wire = []
    expect(await amplifySignIn()).toEqual({ askedForCode: true })
    // The PASSWORD_VERIFIER with the forgotten key, its retry without it, then the code.
    expect(wire).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'ConfirmDevice'])
  })

  test('a remembered device set back to not remembered (Admin) asks again', async () => {
    await amplifySignIn()
    await rememberDevice()
    const [{ key }] = await adminDevices()
    await sdk.send(
      new AdminUpdateDeviceStatusCommand({
        UserPoolId: pool.userPoolId,
        Username: user.username,
        DeviceKey: key,
        DeviceRememberedStatus: 'not_remembered',
      }),
    )
    await signOut()

    expect(await amplifySignIn()).toEqual({ askedForCode: true })
  })

  test('another browser (fresh storage) still asks for a code', async () => {
    await amplifySignIn()
    await rememberDevice()
    await signOut()
    await defaultStorage.clear()

    expect(await amplifySignIn()).toEqual({ askedForCode: true })
    expect(await adminDevices()).toHaveLength(2)
  })

  test('a wrong device secret is refused as a wrong password; without the device the sign-in asks for the code', async () => {
    await amplifySignIn()
    await rememberDevice()
    await signOut()
    // The browser's stored device secret no longer matches the verifier the pool holds.
    const stored = await cognitoUserPoolsTokenProvider.tokenOrchestrator.getDeviceMetadata(user.username)
    const prefix = `CognitoIdentityServiceProvider.${pool.clientId}.${user.username}`
    await defaultStorage.setItem(`${prefix}.randomPasswordKey`, `${stored!.randomPassword}x`)

    nextStep()
    const refused = await rejectionOf(signIn({ username: user.username, password: user.password }))
    expect(refused.name).toBe('NotAuthorizedException')
    expect(refused.message).toBe('Incorrect username or password.')

    // What a client does about it: drop the device and sign in as a new browser.
    await cognitoUserPoolsTokenProvider.tokenOrchestrator.clearDeviceMetadata(user.username)
    expect(await amplifySignIn()).toEqual({ askedForCode: true })
  })

  test('GlobalSignOut keeps the device remembered; a refresh needs the device it was issued on', async () => {
    await amplifySignIn()
    await rememberDevice()
    const deviceKey = String((await accessTokenClaims()).device_key)
    const prefix = `CognitoIdentityServiceProvider.${pool.clientId}.${user.username}`
    const refreshToken = (await defaultStorage.getItem(`${prefix}.refreshToken`))!
    const refresh = (key?: string) =>
      sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: pool.clientId, RefreshToken: refreshToken, ...(key ? { DeviceKey: key } : {}) }))

    expect((await refresh(deviceKey)).AuthenticationResult?.AccessToken).toBeDefined()
    expect((await rejectionOf(refresh())).message).toBe('Invalid Refresh Token')

    await sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool.userPoolId, Username: user.username }))
    await signOut()
    expect(await adminDevices()).toEqual([{ key: deviceKey, remembered: 'remembered' }])
    expect(await amplifySignIn()).toEqual({ askedForCode: false })
  })

  test('AdminGetDevice names the device with its dates', async () => {
    await amplifySignIn()
    await rememberDevice()
    const [{ key }] = await adminDevices()
    const { Device } = await sdk.send(new AdminGetDeviceCommand({ UserPoolId: pool.userPoolId, Username: user.username, DeviceKey: key }))
    expect(Device?.DeviceKey).toBe(key)
    expect(Device?.DeviceCreateDate).toBeInstanceOf(Date)
    expect(Device?.DeviceLastAuthenticatedDate).toBeInstanceOf(Date)
  })
})

/** amazon-cognito-identity-js with a storage of its own: one "browser". */
function identityJsBrowser(): { user: () => CognitoUser; storage: ICognitoStorage } {
  const items = new Map<string, string>()
  const storage: ICognitoStorage = {
    setItem: (key, value) => void items.set(key, value),
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  }
  const userPool = new CognitoUserPool({ UserPoolId: pool.userPoolId, ClientId: pool.clientId, endpoint: emulator.url, Storage: storage })
  return { user: () => new CognitoUser({ Username: user.username, Pool: userPool, Storage: storage }), storage }
}

/** authenticateUser, answering the TOTP challenge when asked; resolves whether a code was asked. */
function identityJsSignIn(cognitoUser: CognitoUser): Promise<{ askedForCode: boolean }> {
  nextStep()
  let askedForCode = false
  return new Promise((resolve, reject) => {
    cognitoUser.authenticateUser(new AuthenticationDetails({ Username: user.username, Password: user.password }), {
      onSuccess: () => resolve({ askedForCode }),
      onFailure: reject,
      totpRequired: () => {
        askedForCode = true
        cognitoUser.sendMFACode(
          phoneCode(user.totpSecret, clock.now()),
          { onSuccess: () => resolve({ askedForCode }), onFailure: reject },
          'SOFTWARE_TOKEN_MFA',
        )
      },
    })
  })
}

function remember(cognitoUser: CognitoUser): Promise<void> {
  return new Promise((resolve, reject) => cognitoUser.setDeviceStatusRemembered({ onSuccess: () => resolve(), onFailure: reject }))
}

describe('amazon-cognito-identity-js', SIGN_INS, () => {
  test('remember, sign out, sign in again without a code; forget, then a code again', async () => {
    const browser = identityJsBrowser()
    const first = browser.user()
    expect(await identityJsSignIn(first)).toEqual({ askedForCode: true })
    await remember(first)
    first.signOut()

    expect(await identityJsSignIn(browser.user())).toEqual({ askedForCode: false })

    const third = browser.user()
    await identityJsSignIn(third)
    await new Promise<void>((resolve, reject) => third.forgetDevice({ onSuccess: () => resolve(), onFailure: reject }))
    third.signOut()
    expect(await identityJsSignIn(browser.user())).toEqual({ askedForCode: true })
  })

  test('another browser still asks; a wrong device secret is refused as a wrong password', async () => {
    const browser = identityJsBrowser()
    const first = browser.user()
    await identityJsSignIn(first)
    await remember(first)
    first.signOut()

    expect(await identityJsSignIn(identityJsBrowser().user())).toEqual({ askedForCode: true })

    const key = `CognitoIdentityServiceProvider.${pool.clientId}.${user.username}.randomPasswordKey`
    browser.storage.setItem(key, `${browser.storage.getItem(key)}x`)
    const refused = await rejectionOf(identityJsSignIn(browser.user()))
    expect(refused.message).toBe('Incorrect username or password.')
  })
})

// Each `aws` run starts a Python interpreter: seconds apiece on a loaded machine.
describe('the AWS CLI', { timeout: 120_000 }, () => {
  const run = promisify(execFile)
  /** `aws cognito-idp <args> --endpoint-url <local pool>`, its JSON output parsed (untyped: the CLI prints dates its own way). */
  async function cognitoIdp(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run('aws', ['cognito-idp', ...args, '--endpoint-url', emulator.url, '--output', 'json'], {
      env: awsCliEnv,
      timeout: 60_000,
    })
    return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>)
  }

  test('admin-list-devices, admin-update-device-status, admin-get-device and admin-forget-device on a browser Amplify confirmed', async () => {
    await amplifySignIn()
    const key = String((await accessTokenClaims()).device_key)
    const target = ['--user-pool-id', pool.userPoolId, '--username', user.username]

    const listed = (await cognitoIdp('admin-list-devices', ...target)) as { Devices: { DeviceKey: string }[] }
    expect(listed.Devices.map((device) => device.DeviceKey)).toEqual([key])
    await cognitoIdp('admin-update-device-status', ...target, '--device-key', key, '--device-remembered-status', 'remembered')
    const { Device } = (await cognitoIdp('admin-get-device', ...target, '--device-key', key)) as {
      Device: { DeviceAttributes: { Name: string; Value: string }[] }
    }
    expect(Device.DeviceAttributes).toContainEqual({ Name: 'dev:device_remembered_status', Value: 'remembered' })
    await signOut()
    expect(await amplifySignIn()).toEqual({ askedForCode: false })

    await cognitoIdp('admin-forget-device', ...target, '--device-key', key)
    expect(((await cognitoIdp('admin-list-devices', ...target)) as { Devices: unknown[] }).Devices).toEqual([])
  })
})

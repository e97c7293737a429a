import { createHmac, randomBytes } from 'node:crypto'
import { MAX_UNCONFIRMED_DEVICES } from '../auth/devices.ts'
import { computeU, computeX, createVerifier, deriveKey, g, k, modPow, N, padHex } from '../domain/srp.ts'
import {
  PASSWORD,
  adminSignIn,
  call,
  claimsOf,
  codeNow,
  createApp,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  respond,
  signedIn,
  srpClientStart,
  srpTimestamp,
  storedUser,
  STEP_MS,
  type App,
  type AuthReply,
  type TestDeps,
} from '../test-support.ts'
import { adminForgetDevice } from './admin-forget-device.ts'
import { adminGetDevice } from './admin-get-device.ts'
import { adminInitiateAuth } from './admin-initiate-auth.ts'
import { adminListDevices } from './admin-list-devices.ts'
import { adminUpdateDeviceStatus } from './admin-update-device-status.ts'
import { confirmDevice } from './confirm-device.ts'
import { forgetDevice } from './forget-device.ts'
import { getDevice } from './get-device.ts'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts'
import { globalSignOut } from './global-sign-out.ts'
import { listDevices } from './list-devices.ts'
import { updateDeviceStatus } from './update-device-status.ts'

// Device tracking in the local pool (docs/cognito-behaviour.md#remembered-devices): NewDeviceMetadata,
// the device operations, and the sign-in that proves a device by SRP (docs/cognito-behaviour.md#device-srp).
// Sign-ins here use ADMIN_USER_PASSWORD_AUTH with DEVICE_KEY (the password step is not what is tested;
// the contract tests run Amplify's and identity-js's SRP).

const TRACKING = { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true } }

/** A device as a client keeps it: its keys and the secret only it knows. */
type ClientDevice = { key: string; groupKey: string; secret: string }

let deps: TestDeps
let app: App

async function setUp(pool: Record<string, unknown> = TRACKING, mfa: 'OPTIONAL' | 'ON' = 'OPTIONAL'): Promise<void> {
  deps = createTestDeps()
  app = await createApp(deps, { mfa, input: pool })
  await createUser(deps, app.poolId, 'alice')
}

/** ConfirmDevice as Amplify sends it: base64 of the padded hex salt and verifier of a fresh secret. */
async function confirm(
  accessToken: string,
  key: string,
  groupKey: string,
  name = 'Firefox on Linux',
): Promise<ClientDevice & { reply: Record<string, unknown> }> {
  const secret = randomBytes(40).toString('base64')
  const { saltHex, verifierHex } = createVerifier(groupKey, key, secret)
  const reply = await call(
    confirmDevice,
    {
      AccessToken: accessToken,
      DeviceKey: key,
      DeviceName: name,
      DeviceSecretVerifierConfig: {
        PasswordVerifier: Buffer.from(verifierHex, 'hex').toString('base64'),
        Salt: Buffer.from(padHex(BigInt(`0x${saltHex}`)), 'hex').toString('base64'),
      },
    },
    deps,
  )
  return { key, groupKey, secret, reply }
}

/** A sign-in that ends in tokens with a new device, then ConfirmDevice: what Amplify does after every such sign-in. */
async function newDevice(): Promise<ClientDevice & { reply: Record<string, unknown>; accessToken: string; refreshToken: string }> {
  const tokens = await adminSignIn(deps, app, 'alice')
  const metadata = (tokens.AuthenticationResult as unknown as { NewDeviceMetadata: { DeviceKey: string; DeviceGroupKey: string } }).NewDeviceMetadata
  const device = await confirm(tokens.AuthenticationResult!.AccessToken, metadata.DeviceKey, metadata.DeviceGroupKey)
  return { ...device, accessToken: tokens.AuthenticationResult!.AccessToken, refreshToken: tokens.AuthenticationResult!.RefreshToken! }
}

function signInWith(device: { key: string }): Promise<AuthReply> {
  return adminInitiateAuth(
    {
      UserPoolId: app.poolId,
      ClientId: app.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD, DEVICE_KEY: device.key },
    },
    deps,
  ) as Promise<AuthReply>
}

/** DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER, the client side as Amplify computes it, with `secret`. */
async function proveDevice(session: string, device: ClientDevice, secret = device.secret): Promise<AuthReply> {
  const { a, srpA } = srpClientStart()
  const srp = await respond(deps, app, 'DEVICE_SRP_AUTH', session, { USERNAME: 'alice', SRP_A: srpA, DEVICE_KEY: device.key })
  expect(srp.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER')
  const { SRP_B, SALT, SECRET_BLOCK } = srp.ChallengeParameters
  const A = modPow(g, a, N)
  const B = BigInt(`0x${SRP_B}`)
  const u = computeU(A, B)
  const x = computeX(device.groupKey, device.key, secret, SALT)
  const key = deriveKey(modPow(B - k * modPow(g, x, N), a + u * x, N), u)
  const timestamp = srpTimestamp(deps.clock.now())
  const signature = createHmac('sha256', key)
    .update(device.groupKey, 'utf8')
    .update(device.key, 'utf8')
    .update(Buffer.from(SECRET_BLOCK, 'base64'))
    .update(timestamp, 'utf8')
    .digest('base64')
  return respond(deps, app, 'DEVICE_PASSWORD_VERIFIER', srp.Session, {
    USERNAME: srp.ChallengeParameters.USERNAME,
    PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK,
    TIMESTAMP: timestamp,
    PASSWORD_CLAIM_SIGNATURE: signature,
    DEVICE_KEY: device.key,
  })
}

const remember = (accessToken: string, key: string) =>
  call(updateDeviceStatus, { AccessToken: accessToken, DeviceKey: key, DeviceRememberedStatus: 'remembered' }, deps)

describe('NewDeviceMetadata and ConfirmDevice', () => {
  test('a pool without DeviceConfiguration issues no device and its tokens name none', async () => {
    await setUp({})
    const tokens = await signedIn(deps, app, 'alice')
    expect(tokens).not.toHaveProperty('NewDeviceMetadata')
    expect(claimsOf(tokens.AccessToken)).not.toHaveProperty('device_key')
  })

  test('a sign-in from an unknown device gets <region>_<uuid> and a group key; the access token names it', async () => {
    await setUp()
    const tokens = (await signedIn(deps, app, 'alice')) as unknown as {
      AccessToken: string
      NewDeviceMetadata: { DeviceKey: string; DeviceGroupKey: string }
    }
    expect(tokens.NewDeviceMetadata.DeviceKey).toMatch(/^us-east-1_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(tokens.NewDeviceMetadata.DeviceGroupKey).toEqual(expect.any(String))
    expect(claimsOf(tokens.AccessToken).device_key).toBe(tokens.NewDeviceMetadata.DeviceKey)
    // Issued, not tracked: ListDevices shows confirmed devices only.
    expect((await call(listDevices, { AccessToken: tokens.AccessToken }, deps)).Devices).toEqual([])
  })

  test('remembered only on the prompt: ConfirmDevice asks the user, UpdateDeviceStatus remembers', async () => {
    await setUp()
    const device = await newDevice()
    expect(device.reply).toEqual({ UserConfirmationNecessary: true })
    const listed = (await call(listDevices, { AccessToken: device.accessToken }, deps)).Devices
    expect(listed).toEqual([
      {
        DeviceKey: device.key,
        DeviceAttributes: [
          { Name: 'device_status', Value: 'valid' },
          { Name: 'device_name', Value: 'Firefox on Linux' },
          { Name: 'dev:device_remembered_status', Value: 'not_remembered' },
        ],
        DeviceCreateDate: deps.clock.now() / 1000,
        DeviceLastModifiedDate: deps.clock.now() / 1000,
        DeviceLastAuthenticatedDate: deps.clock.now() / 1000,
      },
    ])
    deps.clock.advance(1500)
    expect(await remember(device.accessToken, device.key)).toEqual({})
    const { Device } = await call(getDevice, { AccessToken: device.accessToken, DeviceKey: device.key }, deps)
    expect(Device.DeviceAttributes).toContainEqual({ Name: 'dev:device_remembered_status', Value: 'remembered' })
    expect(Device.DeviceLastModifiedDate).toBe(deps.clock.now() / 1000)
  })

  test('always remembered: ConfirmDevice remembers at once', async () => {
    await setUp({ DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false } })
    const device = await newDevice()
    expect(device.reply).toEqual({ UserConfirmationNecessary: false })
    const { Device } = await call(getDevice, { AccessToken: device.accessToken, DeviceKey: device.key }, deps)
    expect(Device.DeviceAttributes).toContainEqual({ Name: 'dev:device_remembered_status', Value: 'remembered' })
  })

  test('ConfirmDevice: a key never issued to the user, a second confirmation and a verifier that is not base64 are refused', async () => {
    await setUp()
    await createUser(deps, app.poolId, 'bob')
    const device = await newDevice()
    const bob = await signedIn(deps, app, 'bob')
    expect(await failure(confirm(bob.AccessToken, device.key, device.groupKey))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    })
    expect(await failure(confirm(device.accessToken, device.key, device.groupKey))).toEqual({
      name: 'InvalidParameterException',
      message: 'Device has already been confirmed.',
    })
    const fresh = (await signedIn(deps, app, 'alice')) as unknown as { AccessToken: string; NewDeviceMetadata: { DeviceKey: string } }
    const bad = call(
      confirmDevice,
      {
        AccessToken: fresh.AccessToken,
        DeviceKey: fresh.NewDeviceMetadata.DeviceKey,
        DeviceSecretVerifierConfig: { PasswordVerifier: 'not base64!', Salt: 'AAAA' },
      },
      deps,
    )
    expect((await failure(bad)).name).toBe('InvalidParameterException')
  })

  test("ConfirmDevice takes only the key its access token names: another sign-in's token cannot take a key over", async () => {
    await setUp()
    type Result = { AccessToken: string; NewDeviceMetadata: { DeviceKey: string; DeviceGroupKey: string } }
    const laptop = (await signedIn(deps, app, 'alice')) as unknown as Result
    const other = (await signedIn(deps, app, 'alice')) as unknown as Result
    const { DeviceKey, DeviceGroupKey } = laptop.NewDeviceMetadata
    expect(await failure(confirm(other.AccessToken, DeviceKey, DeviceGroupKey))).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid device key given.',
    })
    expect(storedUser(deps, app.poolId, 'alice').devices?.find((device) => device.key === DeviceKey)?.srp).toBeUndefined()
    expect((await confirm(laptop.AccessToken, DeviceKey, DeviceGroupKey)).reply).toEqual({ UserConfirmationNecessary: true })
  })

  test(`only the last ${MAX_UNCONFIRMED_DEVICES} unconfirmed keys of a user are kept; confirmed ones all stay`, async () => {
    await setUp()
    const confirmed = await newDevice()
    for (let i = 0; i < MAX_UNCONFIRMED_DEVICES + 3; i++) await signedIn(deps, app, 'alice')
    const devices = storedUser(deps, app.poolId, 'alice').devices ?? []
    expect(devices.filter((device) => device.srp === undefined)).toHaveLength(MAX_UNCONFIRMED_DEVICES)
    expect(devices.map((device) => device.key)).toContain(confirmed.key)
  })

  test('ListDevices pages by Limit and PaginationToken', async () => {
    await setUp()
    const first = await newDevice()
    const second = await newDevice()
    const page1 = await call(listDevices, { AccessToken: second.accessToken, Limit: 1 }, deps)
    expect(page1.Devices.map((device: { DeviceKey: string }) => device.DeviceKey)).toEqual([first.key])
    const page2 = await call(listDevices, { AccessToken: second.accessToken, Limit: 1, PaginationToken: page1.PaginationToken }, deps)
    expect(page2.Devices.map((device: { DeviceKey: string }) => device.DeviceKey)).toEqual([second.key])
    expect(page2).not.toHaveProperty('PaginationToken')
  })
})

describe('signing in with a device', () => {
  let secret: string

  async function withTotp(pool: Record<string, unknown> = TRACKING): Promise<void> {
    await setUp(pool)
    secret = await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
  }

  /** A device tracked by a sign-in that answered the code. */
  async function trackedDevice(): Promise<ClientDevice & { accessToken: string }> {
    deps.clock.advance(STEP_MS)
    const mfa = await adminSignIn(deps, app, 'alice')
    const tokens = await respond(deps, app, 'SOFTWARE_TOKEN_MFA', mfa.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) })
    const metadata = (tokens.AuthenticationResult as unknown as { NewDeviceMetadata: { DeviceKey: string; DeviceGroupKey: string } })
      .NewDeviceMetadata
    const device = await confirm(tokens.AuthenticationResult!.AccessToken, metadata.DeviceKey, metadata.DeviceGroupKey)
    return { ...device, accessToken: tokens.AuthenticationResult!.AccessToken }
  }

  test('a remembered device skips the code: DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, tokens naming it', async () => {
    await withTotp()
    const device = await trackedDevice()
    await remember(device.accessToken, device.key)
    deps.clock.advance(60_000)

    const start = await signInWith(device)
    expect(start.ChallengeName).toBe('DEVICE_SRP_AUTH')
    const done = await proveDevice(start.Session!, device)
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String))
    expect(done.AuthenticationResult).not.toHaveProperty('NewDeviceMetadata')
    expect(claimsOf(done.AuthenticationResult!.AccessToken).device_key).toBe(device.key)
    const { Device } = await call(adminGetDevice, { UserPoolId: app.poolId, Username: 'alice', DeviceKey: device.key }, deps)
    expect(Device.DeviceLastAuthenticatedDate).toBe(deps.clock.now() / 1000)
  })

  test('DEVICE_PASSWORD_VERIFIER carries the device salt, B and a SECRET_BLOCK; the session is single use', async () => {
    await withTotp()
    const device = await trackedDevice()
    await remember(device.accessToken, device.key)
    const start = await signInWith(device)
    const { srpA } = srpClientStart()
    const srp = await respond(deps, app, 'DEVICE_SRP_AUTH', start.Session, { USERNAME: 'alice', SRP_A: srpA, DEVICE_KEY: device.key })
    expect(Object.keys(srp.ChallengeParameters).sort()).toEqual(['DEVICE_KEY', 'SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP'])
    expect(srp.ChallengeParameters.DEVICE_KEY).toBe(device.key)
    const again = respond(deps, app, 'DEVICE_SRP_AUTH', start.Session, { USERNAME: 'alice', SRP_A: srpA, DEVICE_KEY: device.key })
    expect((await failure(again)).message).toBe('Invalid session for the user, session can only be used once.')
  })

  test('a device not remembered answers the code first, then proves itself', async () => {
    await withTotp()
    const device = await trackedDevice()
    deps.clock.advance(STEP_MS)
    const start = await signInWith(device)
    expect(start.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    const next = await respond(deps, app, 'SOFTWARE_TOKEN_MFA', start.Session, {
      USERNAME: 'alice',
      SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret),
      DEVICE_KEY: device.key,
    })
    expect(next.ChallengeName).toBe('DEVICE_SRP_AUTH')
    expect(claimsOf((await proveDevice(next.Session!, device)).AuthenticationResult!.AccessToken).device_key).toBe(device.key)
  })

  test('without ChallengeRequiredOnNewDevice even a remembered device answers the code', async () => {
    await withTotp({ DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: true } })
    const device = await trackedDevice()
    await remember(device.accessToken, device.key)
    expect((await signInWith(device)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  })

  test('a wrong device secret is "Incorrect username or password.", spends the session and counts no failure', async () => {
    await withTotp()
    const device = await trackedDevice()
    await remember(device.accessToken, device.key)
    const start = await signInWith(device)
    expect(await failure(proveDevice(start.Session!, device, `${device.secret}x`))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(0)
    // Without the device the same user is asked for the code.
    expect((await adminSignIn(deps, app, 'alice')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  })

  test('an unknown, unconfirmed or forgotten key is "Device does not exist."; a not-remembered one still asks', async () => {
    await withTotp()
    const device = await trackedDevice()
    deps.clock.advance(STEP_MS)
    const mfa = await adminSignIn(deps, app, 'alice')
    const tokens = await respond(deps, app, 'SOFTWARE_TOKEN_MFA', mfa.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) })
    const unconfirmed = (tokens.AuthenticationResult as unknown as { NewDeviceMetadata: { DeviceKey: string } }).NewDeviceMetadata.DeviceKey
    const notExist = { name: 'ResourceNotFoundException', message: 'Device does not exist.' }
    expect(await failure(signInWith({ key: 'us-east-1_00000000-0000-0000-0000-000000000000' }))).toEqual(notExist)
    expect(await failure(signInWith({ key: unconfirmed }))).toEqual(notExist)
    expect((await signInWith(device)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    await remember(device.accessToken, device.key)
    expect(await call(forgetDevice, { AccessToken: device.accessToken, DeviceKey: device.key }, deps)).toEqual({})
    expect(await failure(signInWith(device))).toEqual(notExist)
    expect(await failure(call(getDevice, { AccessToken: device.accessToken, DeviceKey: device.key }, deps))).toEqual(notExist)
  })

  test('DEVICE_SRP_AUTH for another key than the password step named is "Device does not exist."', async () => {
    await withTotp()
    const device = await trackedDevice()
    const other = await trackedDevice()
    await remember(device.accessToken, device.key)
    const start = await signInWith(device)
    const { srpA } = srpClientStart()
    const answer = respond(deps, app, 'DEVICE_SRP_AUTH', start.Session, { USERNAME: 'alice', SRP_A: srpA, DEVICE_KEY: other.key })
    expect(await failure(answer)).toEqual({ name: 'ResourceNotFoundException', message: 'Device does not exist.' })
  })
})

describe('refresh, sign-out and the Admin operations', () => {
  const refresh = (token: string, key?: string) =>
    call(getTokensFromRefreshToken, { ClientId: app.clientId, RefreshToken: token, ...(key ? { DeviceKey: key } : {}) }, deps)

  test("a refresh token needs its confirmed device's key, and ends with the device", async () => {
    await setUp()
    const device = await newDevice()
    const refreshed = await refresh(device.refreshToken, device.key)
    expect(claimsOf(refreshed.AuthenticationResult.AccessToken).device_key).toBe(device.key)
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid Refresh Token' }
    expect(await failure(refresh(device.refreshToken))).toEqual(invalid)
    await call(adminForgetDevice, { UserPoolId: app.poolId, Username: 'alice', DeviceKey: device.key }, deps)
    expect(await failure(refresh(device.refreshToken, device.key))).toEqual(invalid)
  })

  test('a refresh token of a device never confirmed refreshes without a key (clients without device support)', async () => {
    await setUp()
    const tokens = await signedIn(deps, app, 'alice')
    expect((await refresh(tokens.RefreshToken!)).AuthenticationResult.AccessToken).toEqual(expect.any(String))
  })

  test(`a refresh token of a device never confirmed outlives its key, dropped after ${MAX_UNCONFIRMED_DEVICES} more sign-ins`, async () => {
    await setUp({ DeviceConfiguration: { ChallengeRequiredOnNewDevice: true } })
    const first = (await signedIn(deps, app, 'alice')) as unknown as { RefreshToken: string; NewDeviceMetadata: { DeviceKey: string } }
    for (let i = 0; i < MAX_UNCONFIRMED_DEVICES; i++) await signedIn(deps, app, 'alice')
    expect((storedUser(deps, app.poolId, 'alice').devices ?? []).map((device) => device.key)).not.toContain(first.NewDeviceMetadata.DeviceKey)
    const refreshed = await refresh(first.RefreshToken)
    expect(claimsOf(refreshed.AuthenticationResult.AccessToken).sub).toBe(storedUser(deps, app.poolId, 'alice').sub)
  })

  test('GlobalSignOut keeps the devices and their status', async () => {
    await setUp()
    const device = await newDevice()
    await remember(device.accessToken, device.key)
    await call(globalSignOut, { AccessToken: device.accessToken }, deps)
    const { Devices } = await call(adminListDevices, { UserPoolId: app.poolId, Username: 'alice' }, deps)
    expect(Devices).toHaveLength(1)
    expect(Devices[0].DeviceAttributes).toContainEqual({ Name: 'dev:device_remembered_status', Value: 'remembered' })
  })

  test('AdminUpdateDeviceStatus and AdminForgetDevice name the user by username; an unknown key is refused', async () => {
    await setUp()
    const device = await newDevice()
    const target = { UserPoolId: app.poolId, Username: 'alice', DeviceKey: device.key }
    expect(await call(adminUpdateDeviceStatus, { ...target, DeviceRememberedStatus: 'remembered' }, deps)).toEqual({})
    expect((await call(adminGetDevice, target, deps)).Device.DeviceAttributes).toContainEqual({
      Name: 'dev:device_remembered_status',
      Value: 'remembered',
    })
    expect(await call(adminForgetDevice, target, deps)).toEqual({})
    expect((storedUser(deps, app.poolId, 'alice').devices ?? []).some((item) => item.key === device.key)).toBe(false)
    expect((await failure(call(adminForgetDevice, target, deps))).name).toBe('ResourceNotFoundException')
  })
})

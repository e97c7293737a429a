import {
  STEP_MS,
  adminSignIn,
  call,
  codeNow,
  createApp,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  respond,
  signedIn,
  storedUser,
  wrongCode,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { associateSoftwareToken } from './associate-software-token.ts'
import { getUser } from './get-user.ts'
import { setUserPoolMfaConfig } from './set-user-pool-mfa-config.ts'
import { verifySoftwareToken } from './verify-software-token.ts'

const MISMATCH = { name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' }

describe('VerifySoftwareToken with an AccessToken', () => {
  let deps: TestDeps
  let app: App
  let accessToken: string
  let secret: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
    secret = (await call(associateSoftwareToken, { AccessToken: accessToken }, deps)).SecretCode
  })

  test('the right code activates the pending secret: {Status: "SUCCESS"}, no Session', async () => {
    const reply = await call(verifySoftwareToken, { AccessToken: accessToken, UserCode: codeNow(deps, secret), FriendlyDeviceName: 'Pixel' }, deps)
    expect(reply).toEqual({ Status: 'SUCCESS' })
    expect(storedUser(deps, app.poolId, 'alice').totp).toEqual({
      activeSecret: secret,
      pendingSecret: undefined,
      deviceName: 'Pixel',
      lastUsedStep: Math.floor(deps.clock.now() / STEP_MS),
    })
  })

  // docs/cognito-behaviour.md#authenticator-setup
  test('verifying does not by itself turn MFA on in an OPTIONAL pool', async () => {
    await verifySoftwareToken({ AccessToken: accessToken, UserCode: codeNow(deps, secret) }, deps)
    const profile = await call(getUser, { AccessToken: accessToken }, deps)
    expect(profile.UserMFASettingList).toBeUndefined()
    expect(profile.PreferredMfaSetting).toBeUndefined()
  })

  test('a code from the step before is accepted (±1 step)', async () => {
    const code = codeNow(deps, secret)
    deps.clock.advance(STEP_MS)
    expect(await call(verifySoftwareToken, { AccessToken: accessToken, UserCode: code }, deps)).toEqual({ Status: 'SUCCESS' })
  })

  test('a wrong code is EnableSoftwareTokenMFAException (not Status ERROR) and leaves the secret pending', async () => {
    expect(await failure(verifySoftwareToken({ AccessToken: accessToken, UserCode: wrongCode(deps, secret) }, deps))).toEqual(MISMATCH)
    expect(storedUser(deps, app.poolId, 'alice').totp).toEqual({ pendingSecret: secret })
    // The user can simply try again.
    expect(await call(verifySoftwareToken, { AccessToken: accessToken, UserCode: codeNow(deps, secret) }, deps)).toEqual({ Status: 'SUCCESS' })
  })

  // docs/cognito-behaviour.md#wrong-mfa-codes
  test('wrong codes count toward the user lockout: the fifth locks, then even the right code waits and the secret stays pending', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await failure(verifySoftwareToken({ AccessToken: accessToken, UserCode: wrongCode(deps, secret) }, deps))).toEqual(MISMATCH)
    }
    const locked = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' }
    expect(await failure(verifySoftwareToken({ AccessToken: accessToken, UserCode: codeNow(deps, secret) }, deps))).toEqual(locked)
    expect(storedUser(deps, app.poolId, 'alice')).toMatchObject({ failedPasswordAttempts: 5, totp: { pendingSecret: secret } })
    deps.clock.advance(1000)
    expect(await verifySoftwareToken({ AccessToken: accessToken, UserCode: codeNow(deps, secret) }, deps)).toEqual({ Status: 'SUCCESS' })
    // A verified code is not a sign-in: the count stays until one ends in tokens.
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(5)
  })

  test('a code two steps old is a mismatch', async () => {
    const code = codeNow(deps, secret)
    deps.clock.advance(2 * STEP_MS)
    expect(await failure(verifySoftwareToken({ AccessToken: accessToken, UserCode: code }, deps))).toEqual(MISMATCH)
  })

  test.each([['12345'], ['1234567'], ['12345a'], ['']])('UserCode %j fails validation: InvalidParameterException', async (userCode) => {
    expect((await failure(verifySoftwareToken({ AccessToken: accessToken, UserCode: userCode }, deps))).name).toBe('InvalidParameterException')
    expect(storedUser(deps, app.poolId, 'alice').totp.pendingSecret).toBe(secret)
  })

  test('a missing UserCode names the member', async () => {
    expect(await failure(verifySoftwareToken({ AccessToken: accessToken }, deps))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'userCode' failed to satisfy constraint: Member must not be null",
    })
  })

  test('with nothing associated there is nothing to verify: InvalidParameterException', async () => {
    await createUser(deps, app.poolId, 'bob')
    const bobToken = (await signedIn(deps, app, 'bob')).AccessToken
    expect((await failure(verifySoftwareToken({ AccessToken: bobToken, UserCode: '123456' }, deps))).name).toBe('InvalidParameterException')
  })

  test('both an AccessToken and a Session, or neither, is InvalidParameterException', async () => {
    const code = codeNow(deps, secret)
    expect((await failure(verifySoftwareToken({ AccessToken: accessToken, Session: 'x'.repeat(40), UserCode: code }, deps))).name).toBe(
      'InvalidParameterException',
    )
    expect((await failure(verifySoftwareToken({ UserCode: code }, deps))).name).toBe('InvalidParameterException')
    expect(storedUser(deps, app.poolId, 'alice').totp.activeSecret).toBeUndefined()
  })

  // docs/cognito-behaviour.md#totp-on-the-pool
  test('a pool whose TOTP was switched off since the association refuses: SoftwareTokenMFANotFoundException', async () => {
    await setUserPoolMfaConfig({ UserPoolId: app.poolId, MfaConfiguration: 'OFF' }, deps)
    expect(await failure(verifySoftwareToken({ AccessToken: accessToken, UserCode: codeNow(deps, secret) }, deps))).toEqual({
      name: 'SoftwareTokenMFANotFoundException',
      message: 'Software Token MFA has not been enabled by the userPool.',
    })
    expect(storedUser(deps, app.poolId, 'alice').totp.activeSecret).toBeUndefined()
  })

  test('verifying a new secret replaces the old token: only the new one signs in', async () => {
    deps.clock.advance(STEP_MS)
    const first = await enrolTotp(deps, accessToken) // associates again, verifies, sets the preference
    expect(first).not.toBe(secret)
    deps.clock.advance(STEP_MS)
    const replacement = (await call(associateSoftwareToken, { AccessToken: accessToken }, deps)).SecretCode
    await verifySoftwareToken({ AccessToken: accessToken, UserCode: codeNow(deps, replacement) }, deps)
    deps.clock.advance(STEP_MS)
    const { Session } = await adminSignIn(deps, app, 'alice')
    const withOld = respond(deps, app, 'SOFTWARE_TOKEN_MFA', Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, first) })
    expect((await failure(withOld)).name).toBe('CodeMismatchException')
    const withNew = await respond(deps, app, 'SOFTWARE_TOKEN_MFA', Session, {
      USERNAME: 'alice',
      SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, replacement),
    })
    expect(withNew.AuthenticationResult).toBeDefined()
  })
})

describe('VerifySoftwareToken with a Session (MFA_SETUP)', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, app.poolId, 'bob')
  })

  test('answers {Status: "SUCCESS", Session: <new>} and spends the Associate session', async () => {
    const { Session } = await adminSignIn(deps, app, 'bob')
    const associated = await call(associateSoftwareToken, { Session }, deps)
    const code = codeNow(deps, associated.SecretCode)
    const reply = await call(verifySoftwareToken, { Session: associated.Session, UserCode: code }, deps)
    expect(reply).toEqual({ Status: 'SUCCESS', Session: expect.any(String) })
    expect(reply.Session.length).toBeGreaterThanOrEqual(20)
    expect(await failure(verifySoftwareToken({ Session: associated.Session, UserCode: code }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
    })
  })

  test('the session straight from sign-in (before Associate) cannot verify', async () => {
    const { Session } = await adminSignIn(deps, app, 'bob')
    expect(await failure(verifySoftwareToken({ Session, UserCode: '123456' }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
  })

  test('five wrong codes spend the session', async () => {
    const { Session } = await adminSignIn(deps, app, 'bob')
    const associated = await call(associateSoftwareToken, { Session }, deps)
    for (let i = 0; i < 5; i++) {
      expect(await failure(verifySoftwareToken({ Session: associated.Session, UserCode: wrongCode(deps, associated.SecretCode) }, deps))).toEqual(
        MISMATCH,
      )
    }
    expect((await failure(verifySoftwareToken({ Session: associated.Session, UserCode: codeNow(deps, associated.SecretCode) }, deps))).name).toBe(
      'NotAuthorizedException',
    )
    expect(storedUser(deps, app.poolId, 'bob').totp.activeSecret).toBeUndefined()
  })
})

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
  type App,
  type TestDeps,
} from '../test-support.ts'
import { adminSetUserMFAPreference } from './admin-set-user-mfa-preference.ts'
import { associateSoftwareToken } from './associate-software-token.ts'
import { getUser } from './get-user.ts'
import { setUserMFAPreference } from './set-user-mfa-preference.ts'
import { verifySoftwareToken } from './verify-software-token.ts'

const TOTP_ON = { SoftwareTokenMfaSettings: { Enabled: true } }
const TOTP_PREFERRED = { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }

describe('SetUserMFAPreference', () => {
  let deps: TestDeps
  let app: App
  let accessToken: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
  })

  const setPreference = (settings: object) => call(setUserMFAPreference, { AccessToken: accessToken, ...settings }, deps)
  const mfaOf = () => storedUser(deps, app.poolId, 'alice').mfa

  async function verifyToken() {
    const { SecretCode } = await call(associateSoftwareToken, { AccessToken: accessToken }, deps)
    await verifySoftwareToken({ AccessToken: accessToken, UserCode: codeNow(deps, SecretCode) }, deps)
    return SecretCode as string
  }

  test('TOTP enabled and preferred after a verified token: answers {} and the next sign-in asks for a code', async () => {
    await verifyToken()
    expect(await setPreference(TOTP_PREFERRED)).toEqual({})
    expect(mfaOf()).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' })
    expect((await adminSignIn(deps, app, 'alice')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  })

  test('enabling TOTP without a token is InvalidParameterException', async () => {
    expect(await failure(setPreference(TOTP_ON))).toEqual({ name: 'InvalidParameterException', message: 'User has not verified software token mfa' })
    expect(mfaOf()).toEqual({ enabled: [] })
  })

  test('enabling TOTP with a token associated but not yet verified is refused too', async () => {
    await associateSoftwareToken({ AccessToken: accessToken }, deps)
    expect((await failure(setPreference(TOTP_PREFERRED))).name).toBe('InvalidParameterException')
    expect(mfaOf()).toEqual({ enabled: [] })
  })

  test('two preferred factors in one request are refused', async () => {
    await verifyToken()
    const both = { ...TOTP_PREFERRED, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }
    expect((await failure(setPreference(both))).name).toBe('InvalidParameterException')
    expect(mfaOf()).toEqual({ enabled: [] })
  })

  test.each([
    ['PreferredMfa alone', { PreferredMfa: true }],
    ['PreferredMfa with Enabled false', { Enabled: false, PreferredMfa: true }],
  ])('preferred without enabled (%s) is refused', async (_label, settings) => {
    await verifyToken()
    expect((await failure(setPreference({ SoftwareTokenMfaSettings: settings }))).name).toBe('InvalidParameterException')
    expect(mfaOf()).toEqual({ enabled: [] })
  })

  test('SMS cannot be enabled for a user with no phone_number', async () => {
    expect(await failure(setPreference({ SMSMfaSettings: { Enabled: true } }))).toEqual({
      name: 'InvalidParameterException',
      message: 'User does not have a phone_number set to turn on SMS MFA',
    })
  })

  test('email MFA cannot be enabled here', async () => {
    expect((await failure(setPreference({ EmailMfaSettings: { Enabled: true } }))).name).toBe('InvalidParameterException')
  })

  test('a factor whose settings are absent stays as it is', async () => {
    await verifyToken()
    await setPreference(TOTP_PREFERRED)
    await setPreference({})
    await setPreference({ SMSMfaSettings: { Enabled: false } })
    expect(mfaOf()).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' })
  })

  test('disabling the preferred factor clears PreferredMfaSetting, and sign-in no longer asks for a code', async () => {
    await verifyToken()
    await setPreference(TOTP_PREFERRED)
    await setPreference({ SoftwareTokenMfaSettings: { Enabled: false } })
    expect(mfaOf()).toEqual({ enabled: [] })
    const profile = await call(getUser, { AccessToken: accessToken }, deps)
    expect(profile.PreferredMfaSetting).toBeUndefined()
    expect(profile.UserMFASettingList).toBeUndefined()
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
  })

  test('NOT_PREFERRED (Enabled true, PreferredMfa false) keeps the factor on and clears the preference', async () => {
    await verifyToken()
    await setPreference(TOTP_PREFERRED)
    await setPreference({ SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false } })
    expect(mfaOf()).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'] })
    expect((await adminSignIn(deps, app, 'alice')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  })

  test('a member that is not a structure fails validation', async () => {
    expect((await failure(setPreference({ SoftwareTokenMfaSettings: 'yes' }))).name).toBe('InvalidParameterException')
    expect((await failure(setPreference({ SoftwareTokenMfaSettings: { Enabled: 'true' } }))).name).toBe('InvalidParameterException')
  })

  test('needs a valid access token', async () => {
    expect(await failure(setUserMFAPreference({ AccessToken: 'x.y.z', ...TOTP_ON }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    })
  })
})

describe('SetUserMFAPreference in a pool with MFA ON', () => {
  async function enrolledDuringSignIn(deps: TestDeps, app: App) {
    await createUser(deps, app.poolId, 'bob')
    const setup = await adminSignIn(deps, app, 'bob')
    const associated = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    const verified = await call(verifySoftwareToken, { Session: associated.Session, UserCode: codeNow(deps, associated.SecretCode) }, deps)
    const done = await respond(deps, app, 'MFA_SETUP', verified.Session, { USERNAME: 'bob' })
    return done.AuthenticationResult!.AccessToken
  }

  test("the user's last factor cannot be turned off", async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'ON' })
    const accessToken = await enrolledDuringSignIn(deps, app)
    const attempt = setUserMFAPreference({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: false } }, deps)
    expect((await failure(attempt)).name).toBe('InvalidParameterException')
    expect(storedUser(deps, app.poolId, 'bob').mfa).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' })
  })

  test('dropping only the preference is allowed', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'ON' })
    const accessToken = await enrolledDuringSignIn(deps, app)
    await setUserMFAPreference({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false } }, deps)
    expect(storedUser(deps, app.poolId, 'bob').mfa).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'] })
  })
})

describe('AdminSetUserMFAPreference', () => {
  test('applies the same rules to a user named by the admin', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    const admin = (settings: object) => call(adminSetUserMFAPreference, { UserPoolId: app.poolId, Username: 'alice', ...settings }, deps)
    expect((await failure(admin(TOTP_PREFERRED))).name).toBe('InvalidParameterException')
    await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken, { preference: false })
    expect(await admin(TOTP_PREFERRED)).toEqual({})
    expect(storedUser(deps, app.poolId, 'alice').mfa).toEqual({ enabled: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' })
    deps.clock.advance(STEP_MS)
    await admin({ SoftwareTokenMfaSettings: { Enabled: false } })
    expect(storedUser(deps, app.poolId, 'alice').mfa).toEqual({ enabled: [] })
  })

  test('an unknown user is UserNotFoundException', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    const attempt = adminSetUserMFAPreference({ UserPoolId: app.poolId, Username: 'nobody', ...TOTP_ON }, deps)
    expect(await failure(attempt)).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
  })
})

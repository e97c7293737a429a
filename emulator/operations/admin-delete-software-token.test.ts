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
import { adminDeleteSoftwareToken } from './admin-delete-software-token.ts'
import { adminSetUserMFAPreference } from './admin-set-user-mfa-preference.ts'
import { associateSoftwareToken } from './associate-software-token.ts'
import { getUser } from './get-user.ts'
import { verifySoftwareToken } from './verify-software-token.ts'

const reset = (deps: TestDeps, app: App, username = 'alice') => call(adminDeleteSoftwareToken, { UserPoolId: app.poolId, Username: username }, deps)

describe('AdminDeleteSoftwareToken', () => {
  test('OPTIONAL pool: the token, its setting and its preference go; the next sign-in asks no code', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const tokens = await signedIn(deps, app, 'alice')
    const secret = await enrolTotp(deps, tokens.AccessToken)
    deps.clock.advance(STEP_MS)
    expect((await adminSignIn(deps, app, 'alice')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')

    expect(await reset(deps, app)).toEqual({})
    const user = storedUser(deps, app.poolId, 'alice')
    expect(user.totp).toEqual({})
    expect(user.mfa).toEqual({ enabled: [] })
    const reply = await call(getUser, { AccessToken: tokens.AccessToken }, deps)
    expect(reply.UserMFASettingList).toBeUndefined()
    expect(reply.PreferredMfaSetting).toBeUndefined()
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
    // Nothing is left to switch back on: the user's own SetUserMFAPreference is refused.
    expect(
      await failure(
        adminSetUserMFAPreference(
          { UserPoolId: app.poolId, Username: 'alice', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
          deps,
        ),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'User has not verified software token mfa' })

    // A new setup works, and the old key's codes do not verify it.
    deps.clock.advance(STEP_MS)
    const { SecretCode: fresh } = await call(associateSoftwareToken, { AccessToken: tokens.AccessToken }, deps)
    expect(fresh).not.toBe(secret)
    expect((await failure(verifySoftwareToken({ AccessToken: tokens.AccessToken, UserCode: codeNow(deps, secret) }, deps))).name).toBe(
      'EnableSoftwareTokenMFAException',
    )
    expect(await call(verifySoftwareToken, { AccessToken: tokens.AccessToken, UserCode: codeNow(deps, fresh) }, deps)).toEqual({ Status: 'SUCCESS' })
  })

  test('ON pool: the next sign-in answers MFA_SETUP', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, app.poolId, 'alice')
    // Turning the last factor off is refused in an ON pool; deleting the token is what support can do.
    const setup = await adminSignIn(deps, app, 'alice')
    expect(setup.ChallengeName).toBe('MFA_SETUP')
    const { SecretCode, Session } = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    const verified = await call(verifySoftwareToken, { Session, UserCode: codeNow(deps, SecretCode) }, deps)
    await respond(deps, app, 'MFA_SETUP', verified.Session, { USERNAME: 'alice' })
    deps.clock.advance(STEP_MS)
    expect((await adminSignIn(deps, app, 'alice')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')

    expect(await reset(deps, app)).toEqual({})
    expect((await adminSignIn(deps, app, 'alice')).ChallengeName).toBe('MFA_SETUP')
  })

  test('a pending, unverified key goes too: it can no longer be verified', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const tokens = await signedIn(deps, app, 'alice')
    await enrolTotp(deps, tokens.AccessToken)
    deps.clock.advance(STEP_MS)
    const { SecretCode: pending } = await call(associateSoftwareToken, { AccessToken: tokens.AccessToken }, deps)

    await reset(deps, app)
    expect(storedUser(deps, app.poolId, 'alice').totp).toEqual({})
    expect((await failure(verifySoftwareToken({ AccessToken: tokens.AccessToken, UserCode: codeNow(deps, pending) }, deps))).name).toBe(
      'InvalidParameterException',
    )
  })

  test('a sign-in already at the code step cannot finish with the deleted key', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const secret = await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
    deps.clock.advance(STEP_MS)
    const { Session } = await adminSignIn(deps, app, 'alice')

    await reset(deps, app)
    expect(
      await failure(respond(deps, app, 'SOFTWARE_TOKEN_MFA', Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) })),
    ).toEqual({
      name: 'SoftwareTokenMFANotFoundException',
      message: 'Software Token MFA does not exist for the user.',
    })
  })

  test('other factors stay: SMS keeps its setting and its preference', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice', { attributes: { phone_number: '+15555550100' } })
    await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken, { preference: false })
    await adminSetUserMFAPreference(
      {
        UserPoolId: app.poolId,
        Username: 'alice',
        SMSMfaSettings: { Enabled: true, PreferredMfa: true },
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false },
      },
      deps,
    )

    await reset(deps, app)
    expect(storedUser(deps, app.poolId, 'alice').mfa).toEqual({ enabled: ['SMS_MFA'], preferred: 'SMS_MFA' })
  })

  test('a user without a token is answered {} and nothing changes (docs/cognito-behaviour.md#admindeletesoftwaretoken)', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const before = storedUser(deps, app.poolId, 'alice')
    expect(await reset(deps, app)).toEqual({})
    expect(storedUser(deps, app.poolId, 'alice')).toBe(before)
  })

  test('an unknown user is UserNotFoundException, an unknown pool ResourceNotFoundException, a missing member InvalidParameterException', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    expect(await failure(adminDeleteSoftwareToken({ UserPoolId: app.poolId, Username: 'nobody' }, deps))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
    expect((await failure(adminDeleteSoftwareToken({ UserPoolId: 'eu-west-1_Nope', Username: 'alice' }, deps))).name).toBe(
      'ResourceNotFoundException',
    )
    expect(await failure(adminDeleteSoftwareToken({ UserPoolId: app.poolId }, deps))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null",
    })
  })
})

import { adminSignIn, call, createApp, createTestDeps, createUser, failure, signedIn, storedUser, type App, type TestDeps } from '../test-support.ts'
import { associateSoftwareToken } from './associate-software-token.ts'
import { setUserPoolMfaConfig } from './set-user-pool-mfa-config.ts'

const BASE32_52 = /^[A-Z2-7]{52}$/
const NOT_ENABLED = { name: 'SoftwareTokenMFANotFoundException', message: 'Software Token MFA has not been enabled by the userPool.' }

describe('AssociateSoftwareToken with an AccessToken', () => {
  let deps: TestDeps
  let app: App
  let accessToken: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
  })

  test('returns a 52-character unpadded base32 secret (32 bytes, as AWS issues) and no Session', async () => {
    const reply = await call(associateSoftwareToken, { AccessToken: accessToken }, deps)
    expect(Object.keys(reply)).toEqual(['SecretCode'])
    expect(reply.SecretCode).toMatch(BASE32_52)
    expect(storedUser(deps, app.poolId, 'alice').totp).toEqual({ pendingSecret: reply.SecretCode })
  })

  test('each call issues a new secret and replaces the pending one', async () => {
    const first = await call(associateSoftwareToken, { AccessToken: accessToken }, deps)
    const second = await call(associateSoftwareToken, { AccessToken: accessToken }, deps)
    expect(second.SecretCode).toMatch(BASE32_52)
    expect(second.SecretCode).not.toBe(first.SecretCode)
    expect(storedUser(deps, app.poolId, 'alice').totp.pendingSecret).toBe(second.SecretCode)
  })

  test('each user gets their own secret', async () => {
    await createUser(deps, app.poolId, 'bob')
    const bobToken = (await signedIn(deps, app, 'bob')).AccessToken
    const alice = await call(associateSoftwareToken, { AccessToken: accessToken }, deps)
    const bob = await call(associateSoftwareToken, { AccessToken: bobToken }, deps)
    expect(alice.SecretCode).not.toBe(bob.SecretCode)
  })

  test('a pool with MFA OFF refuses: SoftwareTokenMFANotFoundException', async () => {
    await setUserPoolMfaConfig({ UserPoolId: app.poolId, MfaConfiguration: 'OFF' }, deps)
    expect(await failure(associateSoftwareToken({ AccessToken: accessToken }, deps))).toEqual(NOT_ENABLED)
    expect(storedUser(deps, app.poolId, 'alice').totp.pendingSecret).toBeUndefined()
  })

  test('a pool with only SMS MFA refuses too', async () => {
    await setUserPoolMfaConfig(
      {
        UserPoolId: app.poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: false },
        SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms' } },
      },
      deps,
    )
    expect(await failure(associateSoftwareToken({ AccessToken: accessToken }, deps))).toEqual(NOT_ENABLED)
  })

  test('an invalid access token is refused', async () => {
    expect(await failure(associateSoftwareToken({ AccessToken: 'not.a.token' }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    })
  })

  test('both an AccessToken and a Session, or neither, is InvalidParameterException', async () => {
    const required = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, required.poolId, 'bob')
    const { Session } = await adminSignIn(deps, required, 'bob')
    expect((await failure(associateSoftwareToken({ AccessToken: accessToken, Session }, deps))).name).toBe('InvalidParameterException')
    expect((await failure(associateSoftwareToken({}, deps))).name).toBe('InvalidParameterException')
    expect(storedUser(deps, app.poolId, 'alice').totp.pendingSecret).toBeUndefined()
  })
})

describe('AssociateSoftwareToken with an MFA_SETUP Session', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, app.poolId, 'bob')
  })

  test('returns the secret and a new Session (Amplify needs it), and spends the old one', async () => {
    const { Session } = await adminSignIn(deps, app, 'bob')
    const reply = await call(associateSoftwareToken, { Session }, deps)
    expect(reply.SecretCode).toMatch(BASE32_52)
    expect(reply.Session.length).toBeGreaterThanOrEqual(20)
    expect(reply.Session).not.toBe(Session)
    expect(storedUser(deps, app.poolId, 'bob').totp.pendingSecret).toBe(reply.SecretCode)
    expect(await failure(associateSoftwareToken({ Session }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
    })
  })

  test('associating again with the new Session issues another secret', async () => {
    const { Session } = await adminSignIn(deps, app, 'bob')
    const first = await call(associateSoftwareToken, { Session }, deps)
    const second = await call(associateSoftwareToken, { Session: first.Session }, deps)
    expect(second.SecretCode).not.toBe(first.SecretCode)
    expect(second.Session).not.toBe(first.Session)
  })

  test('a session for another challenge is refused', async () => {
    const optional = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, optional.poolId, 'dave', { permanent: false })
    const { ChallengeName, Session } = await adminSignIn(deps, optional, 'dave')
    expect(ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
    expect(['NotAuthorizedException', 'InvalidParameterException']).toContain((await failure(associateSoftwareToken({ Session }, deps))).name)
    expect(storedUser(deps, optional.poolId, 'dave').totp.pendingSecret).toBeUndefined()
  })

  test('an unknown session is "Invalid session for the user."', async () => {
    expect(await failure(associateSoftwareToken({ Session: 'x'.repeat(40) }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
  })

  test('a Session under 20 characters fails validation', async () => {
    expect((await failure(associateSoftwareToken({ Session: 'short' }, deps))).name).toBe('InvalidParameterException')
  })
})

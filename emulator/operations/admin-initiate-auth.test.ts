import {
  ISSUER_BASE,
  PASSWORD,
  adminSignIn,
  call,
  claimsOf,
  codeNow,
  createApp,
  createPool,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  respond,
  signedIn,
  storedUser,
} from '../test-support.ts'
import { associateSoftwareToken } from './associate-software-token.ts'
import { createUserPoolClient } from './create-user-pool-client.ts'
import { setUserMFAPreference } from './set-user-mfa-preference.ts'
import { verifySoftwareToken } from './verify-software-token.ts'

describe('AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH', () => {
  test('needs ALLOW_ADMIN_USER_PASSWORD_AUTH on the client', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, {}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })
    await createUser(deps, app.poolId, 'alice')
    expect(await failure(adminSignIn(deps, app, 'alice'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Auth flow not enabled for this client',
    })
  })

  test('the client must belong to the UserPoolId given', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    const otherPool = await createPool(deps)
    const attempt = adminSignIn(deps, { poolId: otherPool, clientId: app.clientId }, 'alice')
    expect((await failure(attempt)).name).toBe('ResourceNotFoundException')
  })

  test('OPTIONAL pool, user without MFA: tokens straight away, with Cognito claims', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    const reply = await adminSignIn(deps, app, 'alice')
    expect(reply.ChallengeName).toBeUndefined()
    expect(reply.Session).toBeUndefined()
    expect(reply.ChallengeParameters).toEqual({})
    expect(reply.AuthenticationResult).toEqual({
      AccessToken: expect.any(String),
      IdToken: expect.any(String),
      RefreshToken: expect.stringMatching(/^[A-Za-z0-9\-_=.]+$/),
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    })
    const user = storedUser(deps, app.poolId, 'alice')
    const access = claimsOf(reply.AuthenticationResult!.AccessToken)
    expect(access).toMatchObject({
      sub: user.sub,
      iss: `${ISSUER_BASE}/${app.poolId}`,
      client_id: app.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
      auth_time: deps.clock.now() / 1000,
      iat: deps.clock.now() / 1000,
      exp: deps.clock.now() / 1000 + 3600,
      origin_jti: expect.any(String),
      jti: expect.any(String),
      event_id: expect.any(String),
    })
    expect(claimsOf(reply.AuthenticationResult!.IdToken)).toMatchObject({
      sub: user.sub,
      aud: app.clientId,
      token_use: 'id',
      'cognito:username': 'alice',
      email: 'alice@example.com',
      origin_jti: access.origin_jti,
    })
  })

  test('OFF pool: tokens, no MFA at all', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'OFF' })
    await createUser(deps, app.poolId, 'alice')
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
  })

  test('TOTP enabled: SOFTWARE_TOKEN_MFA with FRIENDLY_DEVICE_NAME and USER_ID_FOR_SRP', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
    const reply = await adminSignIn(deps, app, 'alice')
    expect(reply.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    expect(reply.ChallengeParameters).toEqual({ FRIENDLY_DEVICE_NAME: 'Pixel', USER_ID_FOR_SRP: 'alice' })
    expect(reply.Session!.length).toBeGreaterThanOrEqual(20)
    expect(reply.AuthenticationResult).toBeUndefined()
  })

  test('a token verified without a FriendlyDeviceName still gets a FRIENDLY_DEVICE_NAME', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    const { AccessToken } = await signedIn(deps, app, 'alice')
    const { SecretCode } = await call(associateSoftwareToken, { AccessToken }, deps)
    await verifySoftwareToken({ AccessToken, UserCode: codeNow(deps, SecretCode) }, deps)
    await setUserMFAPreference({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true } }, deps)
    const reply = await adminSignIn(deps, app, 'alice')
    expect(reply.ChallengeParameters.FRIENDLY_DEVICE_NAME).toEqual(expect.any(String))
    expect(reply.ChallengeParameters.FRIENDLY_DEVICE_NAME.length).toBeGreaterThan(0)
  })

  // docs/cognito-behaviour.md#authenticator-setup
  test('OPTIONAL pool: a verified token without SetUserMFAPreference does not challenge', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken, { preference: false })
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
  })

  test('a new, unverified association suspends the old token: password alone signs in (OPTIONAL pool)', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    const { AccessToken } = await signedIn(deps, app, 'alice')
    await enrolTotp(deps, AccessToken)
    await associateSoftwareToken({ AccessToken }, deps)
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
  })

  test('ON pool, no token yet: MFA_SETUP with MFAS_CAN_SETUP ["SOFTWARE_TOKEN_MFA"]', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, app.poolId, 'bob')
    const reply = await adminSignIn(deps, app, 'bob')
    expect(reply.ChallengeName).toBe('MFA_SETUP')
    expect(reply.ChallengeParameters).toEqual({ MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: 'bob' })
    expect(reply.Session!.length).toBeGreaterThanOrEqual(20)
  })

  test('ON pool, token verified but no preference set: SOFTWARE_TOKEN_MFA all the same', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, app.poolId, 'bob')
    // Set up during an earlier sign-in's MFA_SETUP, abandoned after VerifySoftwareToken.
    const setup = await adminSignIn(deps, app, 'bob')
    const associated = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    await verifySoftwareToken({ Session: associated.Session, UserCode: codeNow(deps, associated.SecretCode) }, deps)
    expect(storedUser(deps, app.poolId, 'bob').mfa.enabled).toEqual([])
    expect((await adminSignIn(deps, app, 'bob')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  })

  // docs/cognito-behaviour.md#authenticator-setup
  test('ON pool: a new association suspends the verified token, so sign-in asks for setup again', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, app.poolId, 'bob')
    const setup = await adminSignIn(deps, app, 'bob')
    const associated = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    const verified = await call(verifySoftwareToken, { Session: associated.Session, UserCode: codeNow(deps, associated.SecretCode) }, deps)
    const { AuthenticationResult } = await respond(deps, app, 'MFA_SETUP', verified.Session, { USERNAME: 'bob' })
    await associateSoftwareToken({ AccessToken: AuthenticationResult!.AccessToken }, deps)
    expect((await adminSignIn(deps, app, 'bob')).ChallengeName).toBe('MFA_SETUP')
  })

  test('FORCE_CHANGE_PASSWORD: NEW_PASSWORD_REQUIRED with the attributes as JSON and requiredAttributes "[]"', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    const reply = await adminSignIn(deps, app, 'dave')
    expect(reply.ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
    expect(reply.ChallengeParameters).toEqual({
      USER_ID_FOR_SRP: 'dave',
      userAttributes: JSON.stringify({ email: 'dave@example.com' }),
      requiredAttributes: '[]',
    })
    expect(JSON.parse(reply.ChallengeParameters.requiredAttributes)).toEqual([])
  })

  test('FORCE_CHANGE_PASSWORD with a wrong temporary password is just a wrong password', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    expect(await failure(adminSignIn(deps, app, 'dave', 'Wr0ng-Horse!'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
  })

  test('a disabled user is refused once the password is proven', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    // No operation here disables a user (AdminDisableUser is not emulated): the store does it.
    deps.store.updateUser(storedUser(deps, app.poolId, 'alice'), { enabled: false })
    expect(await failure(adminSignIn(deps, app, 'alice', PASSWORD))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' })
  })

  test('a case-insensitive pool finds the user whatever the case typed, and answers with the stored username', async () => {
    const deps = createTestDeps()
    const poolId = await createPool(deps, { input: { UsernameConfiguration: { CaseSensitive: false } } })
    const { UserPoolClient } = await call(
      createUserPoolClient,
      { UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] },
      deps,
    )
    await createUser(deps, poolId, 'alice')
    const reply = await adminSignIn(deps, { poolId, clientId: UserPoolClient.ClientId }, 'ALICE')
    expect(claimsOf(reply.AuthenticationResult!.AccessToken).username).toBe('alice')
  })
})

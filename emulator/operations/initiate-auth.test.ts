import { N } from '../domain/srp.ts'
import {
  PASSWORD,
  STEP_MS,
  call,
  claimsOf,
  createApp,
  createClient,
  createPool,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  passwordClaim,
  respond,
  signedIn,
  srpClientStart,
  srpSignIn,
  srpTimestamp,
  storedUser,
  type App,
  type AuthReply,
  type TestDeps,
} from '../test-support.ts'
import { initiateAuth } from './initiate-auth.ts'
import { adminConfirmSignUp } from './admin-confirm-sign-up.ts'
import { signUp } from './sign-up.ts'

const INCORRECT = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }

async function startSrp(deps: TestDeps, app: App, username: string) {
  const { a, srpA } = srpClientStart()
  const reply = (await initiateAuth(
    { ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srpA } },
    deps,
  )) as AuthReply
  return { a, reply }
}

describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  test('is off for a client created without ExplicitAuthFlows', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, {}, { ExplicitAuthFlows: undefined })
    await createUser(deps, app.poolId, 'alice')
    const attempt = initiateAuth({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }, deps)
    expect(await failure(attempt)).toEqual({ name: 'InvalidParameterException', message: 'USER_PASSWORD_AUTH flow not enabled for this client' })
  })

  test('with ALLOW_USER_PASSWORD_AUTH the password is checked against the SRP verifier', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, {}, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })
    await createUser(deps, app.poolId, 'alice')
    const signIn = (password: string) =>
      call(initiateAuth, { ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: password } }, deps)
    expect((await signIn(PASSWORD)).AuthenticationResult.AccessToken).toEqual(expect.any(String))
    expect(await failure(signIn('Wr0ng-Horse!'))).toEqual(INCORRECT)
  })

  test('an unknown DEVICE_KEY is "Device does not exist." (Amplify then drops its device and repeats without it)', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, {}, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })
    await createUser(deps, app.poolId, 'alice')
    const signIn = (extra: Record<string, string>) =>
      call(initiateAuth, { ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD, ...extra } }, deps)
    expect(await failure(signIn({ DEVICE_KEY: 'us-east-1_00000000-0000-0000-0000-000000000000' }))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Device does not exist.',
    })
    expect((await signIn({})).AuthenticationResult).toBeDefined()
  })

  test('the admin flows are not InitiateAuth flows', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    const attempt = initiateAuth({ ClientId: app.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'a', PASSWORD } }, deps)
    expect((await failure(attempt)).name).toBe('InvalidParameterException')
  })

  test('an unknown AuthFlow gets the enum validation text', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    const { name, message } = await failure(initiateAuth({ ClientId: app.clientId, AuthFlow: 'MAGIC', AuthParameters: {} }, deps))
    expect(name).toBe('InvalidParameterException')
    expect(message).toMatch(
      /^1 validation error detected: Value 'MAGIC' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set/,
    )
  })

  test('an unknown ClientId is ResourceNotFoundException', async () => {
    const deps = createTestDeps()
    const attempt = initiateAuth({ ClientId: 'nosuchclient', AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'a', SRP_A: 'ab' } }, deps)
    expect(await failure(attempt)).toEqual({ name: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' })
  })
})

describe('InitiateAuth USER_SRP_AUTH and the PASSWORD_VERIFIER answer', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
  })

  test('the first step answers PASSWORD_VERIFIER with salt, B, a secret block and the internal username', async () => {
    const { reply } = await startSrp(deps, app, 'alice')
    expect(reply.ChallengeName).toBe('PASSWORD_VERIFIER')
    expect(reply.Session!.length).toBeGreaterThanOrEqual(20)
    const parameters = reply.ChallengeParameters
    expect(parameters).toEqual({
      SALT: expect.stringMatching(/^[0-9a-f]+$/),
      SRP_B: expect.stringMatching(/^[0-9a-f]+$/),
      SECRET_BLOCK: expect.stringMatching(/^[A-Za-z0-9+/]+={0,2}$/),
      USERNAME: 'alice',
      USER_ID_FOR_SRP: 'alice',
    })
    expect(BigInt(`0x${parameters.SRP_B}`) % N).not.toBe(0n)
  })

  test('the right password signs in (a pool with no MFA for this user: tokens)', async () => {
    const reply = await srpSignIn(deps, app, 'alice')
    expect(reply.ChallengeParameters).toEqual({})
    expect(claimsOf(reply.AuthenticationResult!.AccessToken)).toMatchObject({ username: 'alice', token_use: 'access', client_id: app.clientId })
  })

  test('the right password leads to the next step when the user has TOTP', async () => {
    await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
    const reply = await srpSignIn(deps, app, 'alice')
    expect(reply.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    expect(reply.ChallengeParameters).toEqual({ FRIENDLY_DEVICE_NAME: 'Pixel', USER_ID_FOR_SRP: 'alice' })
  })

  test('a wrong password fails on the SRP path too, and spends the session', async () => {
    const { a, reply } = await startSrp(deps, app, 'alice')
    const timestamp = srpTimestamp(deps.clock.now())
    const wrong = passwordClaim({ poolId: app.poolId, a, challengeParameters: reply.ChallengeParameters, password: 'Wr0ng-Horse!', timestamp })
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', reply.Session, wrong))).toEqual(INCORRECT)
    const right = passwordClaim({ poolId: app.poolId, a, challengeParameters: reply.ChallengeParameters, password: PASSWORD, timestamp })
    expect((await failure(respond(deps, app, 'PASSWORD_VERIFIER', reply.Session, right))).message).toBe(
      'Invalid session for the user, session can only be used once.',
    )
  })

  test('a secret block other than the one issued is refused, even correctly signed', async () => {
    const { a, reply } = await startSrp(deps, app, 'alice')
    const forged = Buffer.from('a block the server never issued').toString('base64')
    const answers = passwordClaim({
      poolId: app.poolId,
      a,
      challengeParameters: reply.ChallengeParameters,
      password: PASSWORD,
      timestamp: srpTimestamp(deps.clock.now()),
      secretBlock: forged,
    })
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', reply.Session, answers))).toEqual(INCORRECT)
  })

  test('a signature over a different timestamp than the one sent is refused', async () => {
    const { a, reply } = await startSrp(deps, app, 'alice')
    const answers = passwordClaim({
      poolId: app.poolId,
      a,
      challengeParameters: reply.ChallengeParameters,
      password: PASSWORD,
      timestamp: srpTimestamp(deps.clock.now()),
    })
    answers.TIMESTAMP = srpTimestamp(deps.clock.now() + 1000)
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', reply.Session, answers))).toEqual(INCORRECT)
  })

  test('the claim is bound to this exchange: an answer computed with another a is refused', async () => {
    const { reply } = await startSrp(deps, app, 'alice')
    const answers = passwordClaim({
      poolId: app.poolId,
      a: srpClientStart().a,
      challengeParameters: reply.ChallengeParameters,
      password: PASSWORD,
      timestamp: srpTimestamp(deps.clock.now()),
    })
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', reply.Session, answers))).toEqual(INCORRECT)
  })

  test.each([
    ['0', '0'],
    ['N', N.toString(16)],
    ['not hex', 'xyz'],
  ])('SRP_A = %s is refused', async (_label, srpA) => {
    const attempt = initiateAuth({ ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srpA } }, deps)
    expect((await failure(attempt)).name).toBe('InvalidParameterException')
  })

  test('a missing USERNAME is named', async () => {
    const attempt = initiateAuth({ ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { SRP_A: 'ab' } }, deps)
    expect(await failure(attempt)).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter USERNAME' })
  })

  test('an unknown user is UserNotFoundException with the default PreventUserExistenceErrors (LEGACY)', async () => {
    expect(await failure(startSrp(deps, app, 'nobody'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
  })

  test('with PreventUserExistenceErrors ENABLED an unknown user gets a plausible challenge, then a wrong-password answer', async () => {
    const quiet = await createApp(deps, {}, { PreventUserExistenceErrors: 'ENABLED' })
    const { a, reply } = await startSrp(deps, quiet, 'nobody')
    expect(reply.ChallengeName).toBe('PASSWORD_VERIFIER')
    expect(Object.keys(reply.ChallengeParameters).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP'])
    const answers = passwordClaim({
      poolId: quiet.poolId,
      a,
      challengeParameters: reply.ChallengeParameters,
      password: PASSWORD,
      timestamp: srpTimestamp(deps.clock.now()),
    })
    expect(await failure(respond(deps, quiet, 'PASSWORD_VERIFIER', reply.Session, answers))).toEqual(INCORRECT)
  })

  test('an unconfirmed (signed-up) user with the right password gets UserNotConfirmedException', async () => {
    await signUp({ ClientId: app.clientId, Username: 'carol', Password: PASSWORD }, deps)
    expect(await failure(srpSignIn(deps, app, 'carol'))).toEqual({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' })
  })

  // Issue 12, item 3 changes this test: with LEGACY (the default) an unconfirmed user is told so before
  // the password is looked at, as Cognito does; only ENABLED keeps the wrong-password answer
  // (docs/cognito-behaviour.md#account-states).
  test('an unconfirmed user with a wrong password: UserNotConfirmedException with LEGACY, before any check', async () => {
    await signUp({ ClientId: app.clientId, Username: 'carol', Password: PASSWORD }, deps)
    const NOT_CONFIRMED = { name: 'UserNotConfirmedException', message: 'User is not confirmed.' }
    expect(await failure(startSrp(deps, app, 'carol'))).toEqual(NOT_CONFIRMED)
    const passwordApp = await createApp(deps, {}, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })
    await signUp({ ClientId: passwordApp.clientId, Username: 'carol', Password: PASSWORD }, deps)
    for (let i = 0; i < 6; i++) {
      const attempt = initiateAuth(
        { ClientId: passwordApp.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol', PASSWORD: 'Wr0ng-Horse!' } },
        deps,
      )
      expect(await failure(attempt)).toEqual(NOT_CONFIRMED)
    }
    // No password was checked, so none counted towards a lockout.
    expect(storedUser(deps, passwordApp.poolId, 'carol').failedPasswordAttempts).toBe(0)
  })

  test('an unconfirmed user with a wrong password: the wrong-password answer with ENABLED, UserNotConfirmedException only with the right one', async () => {
    const quiet = await createApp(deps, {}, { PreventUserExistenceErrors: 'ENABLED' })
    await signUp({ ClientId: quiet.clientId, Username: 'carol', Password: PASSWORD }, deps)
    expect(await failure(srpSignIn(deps, quiet, 'carol', 'Wr0ng-Horse!'))).toEqual(INCORRECT)
    expect(await failure(srpSignIn(deps, quiet, 'carol'))).toEqual({ name: 'UserNotConfirmedException', message: 'User is not confirmed.' })
  })
})

describe('InitiateAuth REFRESH_TOKEN_AUTH', () => {
  test('issues new access and ID tokens of the same family, without a RefreshToken', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const first = await signedIn(deps, app, 'alice')
    deps.clock.advance(10 * STEP_MS)
    for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
      const reply = await call(initiateAuth, { ClientId: app.clientId, AuthFlow: flow, AuthParameters: { REFRESH_TOKEN: first.RefreshToken } }, deps)
      expect(reply.AuthenticationResult.RefreshToken).toBeUndefined()
      const before = claimsOf(first.AccessToken)
      const after = claimsOf(reply.AuthenticationResult.AccessToken)
      expect(after).toMatchObject({ origin_jti: before.origin_jti, auth_time: before.auth_time, iat: (before.iat as number) + 300 })
    }
  })

  test('an unknown refresh token is "Invalid Refresh Token"', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    const attempt = initiateAuth({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'nope' } }, deps)
    expect(await failure(attempt)).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' })
  })
})

describe('a pool that signs in with email', () => {
  // docs/cognito-behaviour.md#usernames-and-user-ids
  test('SRP with the email: USER_ID_FOR_SRP and the token username are the UUID username', async () => {
    const deps = createTestDeps()
    const poolId = await createPool(deps, { input: { UsernameAttributes: ['email'] } })
    const app = { poolId, clientId: await createClient(deps, poolId) }
    const { UserSub } = await call(signUp, { ClientId: app.clientId, Username: 'erin@example.com', Password: PASSWORD }, deps)
    await adminConfirmSignUp({ UserPoolId: poolId, Username: 'erin@example.com' }, deps)

    const { a, reply } = await startSrp(deps, app, 'erin@example.com')
    expect(reply.ChallengeParameters).toMatchObject({ USERNAME: UserSub, USER_ID_FOR_SRP: UserSub })
    const answers = passwordClaim({
      poolId,
      a,
      challengeParameters: reply.ChallengeParameters,
      password: PASSWORD,
      timestamp: srpTimestamp(deps.clock.now()),
    })
    const done = await respond(deps, app, 'PASSWORD_VERIFIER', reply.Session, answers)
    expect(claimsOf(done.AuthenticationResult!.AccessToken).username).toBe(UserSub)
    expect(claimsOf(done.AuthenticationResult!.IdToken)).toMatchObject({ 'cognito:username': UserSub, email: 'erin@example.com' })
    // The email with other capitals finds the same user.
    expect((await srpSignIn(deps, app, 'Erin@Example.com')).AuthenticationResult).toBeDefined()
  })
})

// Issue 12, item 2 (docs/cognito-behaviour.md#app-client-defaults).
describe('a client with only legacy ExplicitAuthFlows names', () => {
  async function legacyApp(flows: string[]) {
    const deps = createTestDeps()
    const app = await createApp(deps, {}, { ExplicitAuthFlows: flows })
    await createUser(deps, app.poolId, 'alice')
    return { deps, app }
  }
  const passwordSignIn = (deps: TestDeps, app: App) =>
    call(initiateAuth, { ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }, deps)

  test('USER_PASSWORD_AUTH alone keeps SRP and refresh', async () => {
    const { deps, app } = await legacyApp(['USER_PASSWORD_AUTH'])
    const { AuthenticationResult } = await passwordSignIn(deps, app)
    expect((await srpSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
    const refreshed = await call(
      initiateAuth,
      { ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: AuthenticationResult.RefreshToken } },
      deps,
    )
    expect(refreshed.AuthenticationResult.AccessToken).toEqual(expect.any(String))
  })

  test('ADMIN_NO_SRP_AUTH alone allows ADMIN_USER_PASSWORD_AUTH and keeps SRP and refresh, not USER_PASSWORD_AUTH', async () => {
    const { deps, app } = await legacyApp(['ADMIN_NO_SRP_AUTH'])
    const tokens = await signedIn(deps, app, 'alice')
    expect((await srpSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
    const refreshed = await call(
      initiateAuth,
      { ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } },
      deps,
    )
    expect(refreshed.AuthenticationResult.AccessToken).toEqual(expect.any(String))
    expect(await failure(passwordSignIn(deps, app))).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    })
  })

  test('CUSTOM_AUTH_FLOW_ONLY alone keeps SRP too (CUSTOM_AUTH itself is not supported here)', async () => {
    const { deps, app } = await legacyApp(['CUSTOM_AUTH_FLOW_ONLY'])
    expect((await srpSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
  })

  test('a list of ALLOW_ names allows only what it names', async () => {
    const { deps, app } = await legacyApp(['ALLOW_USER_PASSWORD_AUTH'])
    expect((await passwordSignIn(deps, app)).AuthenticationResult).toBeDefined()
    expect(await failure(srpSignIn(deps, app, 'alice'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Auth flow not enabled for this client',
    })
  })
})

import {
  PASSWORD,
  STEP_MS,
  adminSignIn,
  call,
  codeNow,
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
  srpTimestamp,
  storedUser,
  wrongCode,
  type App,
  type AuthReply,
  type TestDeps,
} from '../test-support.ts'
import { adminRespondToAuthChallenge } from './admin-respond-to-auth-challenge.ts'
import { adminSetUserMFAPreference } from './admin-set-user-mfa-preference.ts'
import { associateSoftwareToken } from './associate-software-token.ts'
import { getUser } from './get-user.ts'
import { initiateAuth } from './initiate-auth.ts'
import { setUserMFAPreference } from './set-user-mfa-preference.ts'
import { setUserPoolMfaConfig } from './set-user-pool-mfa-config.ts'
import { verifySoftwareToken } from './verify-software-token.ts'

const ONCE = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session can only be used once.' }

describe('RespondToAuthChallenge SOFTWARE_TOKEN_MFA', () => {
  let deps: TestDeps
  let app: App
  let secret: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    secret = await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
  })

  async function challenge(): Promise<string> {
    const reply = await adminSignIn(deps, app, 'alice')
    expect(reply.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    return reply.Session!
  }
  const answer = (session: string, code: string) =>
    respond(deps, app, 'SOFTWARE_TOKEN_MFA', session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: code })

  test('the right code gives tokens and records the step it used', async () => {
    deps.clock.advance(STEP_MS)
    const reply = await answer(await challenge(), codeNow(deps, secret))
    expect(reply.ChallengeParameters).toEqual({})
    expect(reply.AuthenticationResult?.AccessToken).toEqual(expect.any(String))
    expect(storedUser(deps, app.poolId, 'alice').totp.lastUsedStep).toBe(Math.floor(deps.clock.now() / STEP_MS))
  })

  test('a wrong code is CodeMismatchException and the session stays usable', async () => {
    deps.clock.advance(STEP_MS)
    const session = await challenge()
    expect(await failure(answer(session, wrongCode(deps, secret)))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    })
    expect((await answer(session, codeNow(deps, secret))).AuthenticationResult).toBeDefined()
  })

  test('a code of the previous step is still accepted (±1 step), one two steps old is not', async () => {
    deps.clock.advance(2 * STEP_MS)
    const previous = codeNow(deps, secret)
    deps.clock.advance(STEP_MS)
    expect((await answer(await challenge(), previous)).AuthenticationResult).toBeDefined()

    deps.clock.advance(STEP_MS)
    const old = codeNow(deps, secret)
    deps.clock.advance(2 * STEP_MS)
    expect((await failure(answer(await challenge(), old))).name).toBe('CodeMismatchException')
  })

  test('a step already used to sign in is refused: ExpiredCodeException', async () => {
    deps.clock.advance(STEP_MS)
    const code = codeNow(deps, secret)
    await answer(await challenge(), code)
    const session = await challenge()
    expect(await failure(answer(session, code))).toEqual({ name: 'ExpiredCodeException', message: 'Your software token has already been used once.' })
    // The session survives that too; the next step's code signs in.
    deps.clock.advance(STEP_MS)
    expect((await answer(session, codeNow(deps, secret))).AuthenticationResult).toBeDefined()
  })

  test('the code VerifySoftwareToken consumed cannot sign in within the same step', async () => {
    // enrolTotp verified with the code of this very step.
    const session = await challenge()
    expect((await failure(answer(session, codeNow(deps, secret)))).name).toBe('ExpiredCodeException')
    deps.clock.advance(STEP_MS)
    expect((await answer(session, codeNow(deps, secret))).AuthenticationResult).toBeDefined()
  })

  // docs/cognito-behaviour.md#wrong-mfa-codes
  test('a wrong code counts toward the user lockout; during it the right code is refused and the session survives', async () => {
    deps.clock.advance(STEP_MS)
    const session = await challenge()
    await createUser(deps, app.poolId, 'bob')
    for (let i = 0; i < 4; i++) await failure(adminSignIn(deps, app, 'alice', 'Wr0ng-Horse!'))
    expect(await failure(answer(session, wrongCode(deps, secret)))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    })
    expect(storedUser(deps, app.poolId, 'alice')).toMatchObject({ failedPasswordAttempts: 5, lockedUntil: deps.clock.now() + 1000 })
    expect(await failure(answer(session, codeNow(deps, secret)))).toEqual({ name: 'NotAuthorizedException', message: 'Password attempts exceeded' })
    // Another user is not affected.
    expect(storedUser(deps, app.poolId, 'bob').failedPasswordAttempts).toBe(0)
    deps.clock.advance(1000)
    expect((await answer(session, codeNow(deps, secret))).AuthenticationResult).toBeDefined()
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(0)
  })

  test('a reused time step is not a guess: it does not count toward the lockout', async () => {
    const session = await challenge()
    // The enrolment spent this step (docs/cognito-behaviour.md#code-reuse).
    expect((await failure(answer(session, codeNow(deps, secret)))).name).toBe('ExpiredCodeException')
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(0)
  })

  test('the answer is refused for another user than the session is bound to, and spends the session', async () => {
    await createUser(deps, app.poolId, 'mallory')
    deps.clock.advance(STEP_MS)
    const session = await challenge()
    const attempt = respond(deps, app, 'SOFTWARE_TOKEN_MFA', session, { USERNAME: 'mallory', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) })
    expect((await failure(attempt)).name).toBe('NotAuthorizedException')
    expect(await failure(answer(session, codeNow(deps, secret)))).toEqual(ONCE)
  })

  test('USERNAME may be the sub of the session user', async () => {
    deps.clock.advance(STEP_MS)
    const { sub } = storedUser(deps, app.poolId, 'alice')
    const reply = await respond(deps, app, 'SOFTWARE_TOKEN_MFA', await challenge(), { USERNAME: sub, SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) })
    expect(reply.AuthenticationResult).toBeDefined()
  })

  test('missing USERNAME or code is named', async () => {
    const session = await challenge()
    expect(await failure(respond(deps, app, 'SOFTWARE_TOKEN_MFA', session, { SOFTWARE_TOKEN_MFA_CODE: '123456' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter USERNAME',
    })
    expect(await failure(respond(deps, app, 'SOFTWARE_TOKEN_MFA', session, { USERNAME: 'alice' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter SOFTWARE_TOKEN_MFA_CODE',
    })
  })

  test('a ChallengeName other than the session expects is InvalidParameterException', async () => {
    const session = await challenge()
    expect((await failure(respond(deps, app, 'MFA_SETUP', session, { USERNAME: 'alice' }))).name).toBe('InvalidParameterException')
  })

  test('no Session at all is InvalidParameterException', async () => {
    expect((await failure(respond(deps, app, 'SOFTWARE_TOKEN_MFA', undefined, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: '123456' }))).name).toBe(
      'InvalidParameterException',
    )
  })

  test('AdminRespondToAuthChallenge answers the same challenge, and checks the pool', async () => {
    deps.clock.advance(STEP_MS)
    const session = await challenge()
    const otherPool = await createPool(deps)
    const input = {
      ClientId: app.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: session,
      ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) },
    }
    expect((await failure(adminRespondToAuthChallenge({ ...input, UserPoolId: otherPool }, deps))).name).toBe('ResourceNotFoundException')
    const reply = await call(adminRespondToAuthChallenge, { ...input, UserPoolId: app.poolId }, deps)
    expect(reply.AuthenticationResult.AccessToken).toEqual(expect.any(String))
  })
})

describe('RespondToAuthChallenge PASSWORD_VERIFIER', () => {
  // docs/cognito-behaviour.md#unknown-devices
  test('an unknown DEVICE_KEY is "Device does not exist." and the same session then works without it', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const { a, srpA } = srpClientStart()
    const start = (await initiateAuth(
      { ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srpA } },
      deps,
    )) as AuthReply
    const claim = () =>
      passwordClaim({
        poolId: app.poolId,
        a,
        challengeParameters: start.ChallengeParameters,
        password: PASSWORD,
        timestamp: srpTimestamp(deps.clock.now()),
      })
    const withDevice = respond(deps, app, 'PASSWORD_VERIFIER', start.Session, {
      ...claim(),
      DEVICE_KEY: 'us-east-1_00000000-0000-0000-0000-000000000000',
    })
    expect(await failure(withDevice)).toEqual({ name: 'ResourceNotFoundException', message: 'Device does not exist.' })
    deps.clock.advance(1000)
    expect((await respond(deps, app, 'PASSWORD_VERIFIER', start.Session, claim())).AuthenticationResult).toBeDefined()
  })
})

// Issue 12, item 1: Python and Go SRP clients send no Session; the SECRET_BLOCK names the login
// (docs/cognito-behaviour.md#respondtoauthchallenge, ADR 021).
describe('RespondToAuthChallenge PASSWORD_VERIFIER without a Session', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
  })

  async function start(clientId = app.clientId) {
    const { a, srpA } = srpClientStart()
    const reply = (await initiateAuth(
      { ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srpA } },
      deps,
    )) as AuthReply
    const claim = (password = PASSWORD) =>
      passwordClaim({ poolId: app.poolId, a, challengeParameters: reply.ChallengeParameters, password, timestamp: srpTimestamp(deps.clock.now()) })
    return { reply, claim }
  }

  test('the right password gives tokens; the same SECRET_BLOCK, or the Session, is then spent', async () => {
    const { reply, claim } = await start()
    expect((await respond(deps, app, 'PASSWORD_VERIFIER', undefined, claim())).AuthenticationResult?.AccessToken).toEqual(expect.any(String))
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, claim()))).toEqual(ONCE)
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', reply.Session, claim()))).toEqual(ONCE)
  })

  test('a wrong password is "Incorrect username or password." and counts towards the lockout', async () => {
    const { claim } = await start()
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, claim('Wr0ng-Horse!')))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(1)
  })

  test('the next step (an MFA code) still needs the Session it returns', async () => {
    const secret = await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
    const { claim } = await start()
    const mfa = await respond(deps, app, 'PASSWORD_VERIFIER', undefined, claim())
    expect(mfa.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    deps.clock.advance(STEP_MS)
    const code = codeNow(deps, secret)
    expect(await failure(respond(deps, app, 'SOFTWARE_TOKEN_MFA', undefined, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: code }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter Session',
    })
    // The block named only the password step: it does not lead to the MFA step's session.
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, claim()))).toEqual(ONCE)
    expect(
      (await respond(deps, app, 'SOFTWARE_TOKEN_MFA', mfa.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: code })).AuthenticationResult,
    ).toBeDefined()
  })

  test('a block the pool never issued, or one issued to another client, is "Invalid session for the user."', async () => {
    const { reply, claim } = await start()
    const forged = Buffer.from(reply.ChallengeParameters.SECRET_BLOCK, 'base64').reverse().toString('base64')
    const forgedClaim = passwordClaim({
      poolId: app.poolId,
      ...srpClientStart(),
      challengeParameters: { ...reply.ChallengeParameters, SECRET_BLOCK: forged },
      password: PASSWORD,
      timestamp: srpTimestamp(deps.clock.now()),
    })
    const INVALID = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' }
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, forgedClaim))).toEqual(INVALID)
    const otherClient = await createClient(deps, app.poolId)
    expect(await failure(respond(deps, { ...app, clientId: otherClient }, 'PASSWORD_VERIFIER', undefined, claim()))).toEqual(INVALID)
    expect((await respond(deps, app, 'PASSWORD_VERIFIER', undefined, claim())).AuthenticationResult).toBeDefined()
  })

  test("it expires with the client's AuthSessionValidity, like the Session", async () => {
    const { claim } = await start()
    deps.clock.advance(3 * 60_000)
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, claim()))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    })
  })

  test('it is bound to its user: another USERNAME is refused and spends it', async () => {
    await createUser(deps, app.poolId, 'mallory')
    const { claim } = await start()
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, { ...claim(), USERNAME: 'mallory' }))).toMatchObject({
      name: 'NotAuthorizedException',
    })
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, claim()))).toEqual(ONCE)
  })

  test('without a Session and without the block, the block is what is missing', async () => {
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, { USERNAME: 'alice' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK',
    })
  })
})

describe('RespondToAuthChallenge NEW_PASSWORD_REQUIRED', () => {
  test('a new password that meets the policy confirms the user and signs in (OPTIONAL pool)', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    const { Session } = await adminSignIn(deps, app, 'dave')
    const reply = await respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, {
      USERNAME: 'dave',
      NEW_PASSWORD: 'N3w-Horse!!',
      'userAttributes.name': 'Dave',
    })
    expect(reply.AuthenticationResult).toBeDefined()
    const user = storedUser(deps, app.poolId, 'dave')
    expect(user.status).toBe('CONFIRMED')
    expect(user.attributes.name).toBe('Dave')
    expect(await failure(adminSignIn(deps, app, 'dave', PASSWORD))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    expect((await adminSignIn(deps, app, 'dave', 'N3w-Horse!!')).AuthenticationResult).toBeDefined()
  })

  test('an app client cannot verify an email with userAttributes.email_verified (as UpdateUserAttributes)', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    const { Session } = await adminSignIn(deps, app, 'dave')
    const attempt = respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, {
      USERNAME: 'dave',
      NEW_PASSWORD: 'N3w-Horse!!',
      'userAttributes.email': 'dave@example.com',
      'userAttributes.email_verified': 'true',
    })
    expect(await failure(attempt)).toEqual({ name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' })
    const user = storedUser(deps, app.poolId, 'dave')
    expect(user.status).toBe('FORCE_CHANGE_PASSWORD')
    expect(user.attributes.email_verified).toBeUndefined()
  })

  test('a custom attribute the stored schema does not declare is refused', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { input: { Schema: [{ Name: 'team', AttributeDataType: 'String' }] } })
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    const { Session } = await adminSignIn(deps, app, 'dave')
    const attempt = respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, {
      USERNAME: 'dave',
      NEW_PASSWORD: 'N3w-Horse!!',
      'userAttributes.custom:tier': 'gold',
    })
    expect(await failure(attempt)).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: custom:tier: Attribute does not exist in the schema.',
    })
    expect(storedUser(deps, app.poolId, 'dave').status).toBe('FORCE_CHANGE_PASSWORD')
  })

  test('a phone number that is not E.164 is refused', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    const { Session } = await adminSignIn(deps, app, 'dave')
    const attempt = respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, {
      USERNAME: 'dave',
      NEW_PASSWORD: 'N3w-Horse!!',
      'userAttributes.phone_number': '0123 456',
    })
    expect(await failure(attempt)).toEqual({ name: 'InvalidParameterException', message: 'Invalid phone number format.' })
  })

  test('a required attribute the user lacks is listed in requiredAttributes and must come with the answer', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { input: { Schema: [{ Name: 'name', Required: true }] } })
    await createUser(deps, app.poolId, 'dave', { permanent: false, attributes: { given_name: 'Dave' } })
    const first = await adminSignIn(deps, app, 'dave')
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
    expect(JSON.parse(first.ChallengeParameters.requiredAttributes as string)).toEqual(['userAttributes.name'])
    const attempt = respond(deps, app, 'NEW_PASSWORD_REQUIRED', first.Session, { USERNAME: 'dave', NEW_PASSWORD: 'N3w-Horse!!' })
    expect(await failure(attempt)).toEqual({ name: 'InvalidParameterException', message: 'Invalid attributes given, name is missing' })
    expect(storedUser(deps, app.poolId, 'dave').status).toBe('FORCE_CHANGE_PASSWORD')
    const { Session } = await adminSignIn(deps, app, 'dave')
    const reply = await respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, {
      USERNAME: 'dave',
      NEW_PASSWORD: 'N3w-Horse!!',
      'userAttributes.name': 'Dave Jones',
    })
    expect(reply.AuthenticationResult).toBeDefined()
    expect(storedUser(deps, app.poolId, 'dave').attributes.name).toBe('Dave Jones')
  })

  test('a new password against the policy is InvalidPasswordException and changes nothing', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    const { Session } = await adminSignIn(deps, app, 'dave')
    const attempt = respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, { USERNAME: 'dave', NEW_PASSWORD: 'weak' })
    expect((await failure(attempt)).name).toBe('InvalidPasswordException')
    expect(storedUser(deps, app.poolId, 'dave').status).toBe('FORCE_CHANGE_PASSWORD')
  })

  test('in an ON pool the new password leads on to MFA_SETUP', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    const { Session } = await adminSignIn(deps, app, 'dave')
    const reply = await respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, { USERNAME: 'dave', NEW_PASSWORD: 'N3w-Horse!!' })
    expect(reply.ChallengeName).toBe('MFA_SETUP')
    expect(reply.ChallengeParameters.MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]')
    expect(await failure(respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, { USERNAME: 'dave', NEW_PASSWORD: 'N3w-Horse!!' }))).toEqual(ONCE)
  })
})

describe('MFA_SETUP during sign-in: Associate(Session) → Verify(Session) → Respond MFA_SETUP', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, app.poolId, 'bob')
  })

  test('the whole chain, each step with its own new session, ends in tokens and TOTP enabled and preferred', async () => {
    const setup = await adminSignIn(deps, app, 'bob')
    expect(setup.ChallengeName).toBe('MFA_SETUP')

    const associated = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/)
    expect(associated.Session).toEqual(expect.any(String))
    expect(associated.Session).not.toBe(setup.Session)

    const verified = await call(
      verifySoftwareToken,
      { Session: associated.Session, UserCode: codeNow(deps, associated.SecretCode), FriendlyDeviceName: 'Bob phone' },
      deps,
    )
    expect(verified.Status).toBe('SUCCESS')
    expect(verified.Session).toEqual(expect.any(String))
    expect([setup.Session, associated.Session]).not.toContain(verified.Session)

    const done = await respond(deps, app, 'MFA_SETUP', verified.Session, { USERNAME: 'bob' })
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String))
    const profile = await call(getUser, { AccessToken: done.AuthenticationResult!.AccessToken }, deps)
    expect(profile).toMatchObject({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' })
    expect(storedUser(deps, app.poolId, 'bob').totp).toMatchObject({ activeSecret: associated.SecretCode, deviceName: 'Bob phone' })

    // The next sign-in asks for a code, and the setup code's step cannot be used for it.
    const next = await adminSignIn(deps, app, 'bob')
    expect(next.ChallengeParameters).toMatchObject({ FRIENDLY_DEVICE_NAME: 'Bob phone', USER_ID_FOR_SRP: 'bob' })
    const replay = respond(deps, app, 'SOFTWARE_TOKEN_MFA', next.Session, {
      USERNAME: 'bob',
      SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, associated.SecretCode),
    })
    expect((await failure(replay)).name).toBe('ExpiredCodeException')
  })

  test('every superseded session is refused', async () => {
    const setup = await adminSignIn(deps, app, 'bob')
    const associated = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    const code = codeNow(deps, associated.SecretCode)

    // The pre-Associate session cannot verify (amplify-js #6461) nor associate again.
    expect(await failure(verifySoftwareToken({ Session: setup.Session, UserCode: code }, deps))).toMatchObject({ name: 'NotAuthorizedException' })
    expect(await failure(associateSoftwareToken({ Session: setup.Session }, deps))).toEqual(ONCE)

    const verified = await call(verifySoftwareToken, { Session: associated.Session, UserCode: code }, deps)
    // Respond with the pre-Verify session: refused.
    expect(await failure(respond(deps, app, 'MFA_SETUP', associated.Session, { USERNAME: 'bob' }))).toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringMatching(/^Invalid session for the user/),
    })
    expect((await respond(deps, app, 'MFA_SETUP', verified.Session, { USERNAME: 'bob' })).AuthenticationResult).toBeDefined()
    // ...and once used, the verified session is spent too.
    expect(await failure(respond(deps, app, 'MFA_SETUP', verified.Session, { USERNAME: 'bob' }))).toEqual(ONCE)
  })

  test('Respond MFA_SETUP with a session that has not passed VerifySoftwareToken is "Invalid session for the user."', async () => {
    const setup = await adminSignIn(deps, app, 'bob')
    expect(await failure(respond(deps, app, 'MFA_SETUP', setup.Session, { USERNAME: 'bob' }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
    const associated = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    expect(await failure(respond(deps, app, 'MFA_SETUP', associated.Session, { USERNAME: 'bob' }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    })
    expect(storedUser(deps, app.poolId, 'bob').mfa.enabled).toEqual([])
  })

  test('a wrong code at setup keeps the session for another try', async () => {
    const setup = await adminSignIn(deps, app, 'bob')
    const associated = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    const attempt = verifySoftwareToken({ Session: associated.Session, UserCode: wrongCode(deps, associated.SecretCode) }, deps)
    expect(await failure(attempt)).toEqual({ name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' })
    const verified = await call(verifySoftwareToken, { Session: associated.Session, UserCode: codeNow(deps, associated.SecretCode) }, deps)
    expect((await respond(deps, app, 'MFA_SETUP', verified.Session, { USERNAME: 'bob' })).AuthenticationResult).toBeDefined()
  })

  test('the setup sessions expire with the client AuthSessionValidity', async () => {
    const setup = await adminSignIn(deps, app, 'bob')
    deps.clock.advance(2 * 60_000)
    const associated = await call(associateSoftwareToken, { Session: setup.Session }, deps)
    // A new session: a fresh 3 minutes from Associate.
    deps.clock.advance(3 * 60_000 - 1)
    const verified = await call(verifySoftwareToken, { Session: associated.Session, UserCode: codeNow(deps, associated.SecretCode) }, deps)
    deps.clock.advance(3 * 60_000)
    expect(await failure(respond(deps, app, 'MFA_SETUP', verified.Session, { USERNAME: 'bob' }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    })
  })
})

describe('SELECT_MFA_TYPE and SMS_MFA (a user with both factors and no preference)', () => {
  let deps: TestDeps
  let app: App
  let secret: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' })
    await setUserPoolMfaConfig(
      { UserPoolId: app.poolId, SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms' } } },
      deps,
    )
    await createUser(deps, app.poolId, 'alice', { attributes: { phone_number: '+15555551234' } })
    const { AccessToken } = await signedIn(deps, app, 'alice')
    secret = await enrolTotp(deps, AccessToken, { preference: false })
    await setUserMFAPreference({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true }, SMSMfaSettings: { Enabled: true } }, deps)
    deps.clock.advance(STEP_MS)
  })

  async function select(): Promise<string> {
    const reply = await adminSignIn(deps, app, 'alice')
    expect(reply.ChallengeName).toBe('SELECT_MFA_TYPE')
    expect(JSON.parse(reply.ChallengeParameters.MFAS_CAN_CHOOSE).sort()).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA'])
    return reply.Session!
  }

  test('choosing SOFTWARE_TOKEN_MFA leads to that challenge with a new session', async () => {
    const session = await select()
    const next = await respond(deps, app, 'SELECT_MFA_TYPE', session, { USERNAME: 'alice', ANSWER: 'SOFTWARE_TOKEN_MFA' })
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    expect(next.ChallengeParameters).toMatchObject({ FRIENDLY_DEVICE_NAME: 'Pixel', USER_ID_FOR_SRP: 'alice' })
    expect(next.Session).not.toBe(session)
    const done = await respond(deps, app, 'SOFTWARE_TOKEN_MFA', next.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) })
    expect(done.AuthenticationResult).toBeDefined()
    expect(await failure(respond(deps, app, 'SELECT_MFA_TYPE', session, { USERNAME: 'alice', ANSWER: 'SOFTWARE_TOKEN_MFA' }))).toEqual(ONCE)
  })

  test('choosing SMS_MFA sends (prints) a code to the masked number; a wrong code keeps the session', async () => {
    const next = await respond(deps, app, 'SELECT_MFA_TYPE', await select(), { USERNAME: 'alice', ANSWER: 'SMS_MFA' })
    expect(next.ChallengeName).toBe('SMS_MFA')
    expect(next.ChallengeParameters).toMatchObject({ CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******1234' })
    const code = deps.logs.at(-1)!.match(/: (\d{6})$/)![1]
    const wrong = code === '000000' ? '000001' : '000000'
    expect((await failure(respond(deps, app, 'SMS_MFA', next.Session, { USERNAME: 'alice', SMS_MFA_CODE: wrong }))).name).toBe(
      'CodeMismatchException',
    )
    expect((await respond(deps, app, 'SMS_MFA', next.Session, { USERNAME: 'alice', SMS_MFA_CODE: code })).AuthenticationResult).toBeDefined()
  })

  test('an ANSWER that is not on offer is InvalidParameterException', async () => {
    const attempt = respond(deps, app, 'SELECT_MFA_TYPE', await select(), { USERNAME: 'alice', ANSWER: 'EMAIL_OTP' })
    expect((await failure(attempt)).name).toBe('InvalidParameterException')
  })

  test('a preferred factor skips the choice', async () => {
    await adminSetUserMFAPreference({ UserPoolId: app.poolId, Username: 'alice', SMSMfaSettings: { Enabled: true, PreferredMfa: true } }, deps)
    expect((await adminSignIn(deps, app, 'alice')).ChallengeName).toBe('SMS_MFA')
  })
})

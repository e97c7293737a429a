import { PASSWORD, call, createApp, createPool, createClient, createTestDeps, failure, storedUser, type App, type TestDeps } from '../test-support.ts'
import { signUp } from './sign-up.ts'

describe('SignUp', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
  })

  const register = (input: Record<string, unknown>) => call(signUp, { ClientId: app.clientId, Password: PASSWORD, ...input }, deps)

  test('creates an UNCONFIRMED user and "sends" a code: to the log, with masked delivery details (the pool auto-verifies email)', async () => {
    // Issue 12 (difference 5): delivery details only from a pool that auto-verifies the address.
    app = await createApp(deps, { input: { AutoVerifiedAttributes: ['email'] } })
    const reply = await register({ Username: 'carol', UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] })
    expect(reply).toEqual({
      UserConfirmed: false,
      UserSub: expect.stringMatching(/^[0-9a-f-]{36}$/),
      CodeDeliveryDetails: { Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    })
    const user = storedUser(deps, app.poolId, 'carol')
    expect(user).toMatchObject({ status: 'UNCONFIRMED', sub: reply.UserSub, attributes: { email: 'carol@example.com' } })
    expect(deps.logs).toEqual([expect.stringMatching(/^Confirmation code for carol <carol@example\.com>: \d{6}$/)])
    expect(deps.logs[0]).toContain(user.confirmationCode!.code)
  })

  test('keeps only the SRP salt and verifier, never the password', async () => {
    await register({ Username: 'carol' })
    const stored = JSON.stringify(deps.store.toJSON())
    expect(stored).not.toContain(PASSWORD)
    expect(storedUser(deps, app.poolId, 'carol').srp).toEqual({
      saltHex: expect.stringMatching(/^[0-9a-f]{32}$/),
      verifierHex: expect.stringMatching(/^[0-9a-f]+$/),
    })
  })

  test('a pool that auto-verifies nothing sends nothing: no delivery details, UserConfirmed false (issue 12, difference 5)', async () => {
    const reply = await register({ Username: 'carol', UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] })
    expect(reply).toEqual({ UserConfirmed: false, UserSub: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    expect(storedUser(deps, app.poolId, 'carol').status).toBe('UNCONFIRMED')
  })

  test('a pool that auto-verifies the phone number sends the code by SMS, before email when it verifies both', async () => {
    app = await createApp(deps, { input: { AutoVerifiedAttributes: ['email', 'phone_number'] } })
    const reply = await register({
      Username: 'carol',
      UserAttributes: [
        { Name: 'email', Value: 'carol@example.com' },
        { Name: 'phone_number', Value: '+15555550123' },
      ],
    })
    expect(reply.CodeDeliveryDetails).toEqual({ Destination: '+*******0123', DeliveryMedium: 'SMS', AttributeName: 'phone_number' })
    const emailOnly = await register({ Username: 'dan', UserAttributes: [{ Name: 'email', Value: 'dan@example.com' }] })
    expect(emailOnly.CodeDeliveryDetails).toEqual({ Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' })
  })

  test('an attribute the pool requires must come with the sign-up (issue 12, difference 4)', async () => {
    app = await createApp(deps, { input: { Schema: [{ Name: 'given_name', Required: true }] } })
    expect(await failure(register({ Username: 'carol' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: given_name: The attribute is required',
    })
    expect(deps.store.listUsers(app.poolId)).toEqual([])
    await register({ Username: 'carol', UserAttributes: [{ Name: 'given_name', Value: 'Carol' }] })
  })

  test('a custom attribute the pool declares is accepted; one it does not declare is refused', async () => {
    app = await createApp(deps, { input: { Schema: [{ Name: 'tenant', AttributeDataType: 'String' }] } })
    await register({ Username: 'carol', UserAttributes: [{ Name: 'custom:tenant', Value: 'acme' }] })
    expect((await failure(register({ Username: 'dan', UserAttributes: [{ Name: 'custom:team', Value: 'x' }] }))).message).toBe(
      'Attributes did not conform to the schema: custom:team: Attribute does not exist in the schema.',
    )
  })

  test('without an email there are no delivery details', async () => {
    app = await createApp(deps, { input: { AutoVerifiedAttributes: ['email'] } })
    const reply = await register({ Username: 'carol' })
    expect(reply.CodeDeliveryDetails).toBeUndefined()
  })

  test('a taken username is UsernameExistsException', async () => {
    await register({ Username: 'carol' })
    expect(await failure(register({ Username: 'carol' }))).toEqual({ name: 'UsernameExistsException', message: 'User already exists' })
  })

  test('a password against the policy is InvalidPasswordException, and nobody is created', async () => {
    expect(await failure(register({ Username: 'carol', Password: 'password' }))).toMatchObject({ name: 'InvalidPasswordException' })
    expect(deps.store.listUsers(app.poolId)).toEqual([])
  })

  test('an invalid email is InvalidParameterException', async () => {
    expect((await failure(register({ Username: 'carol', UserAttributes: [{ Name: 'email', Value: 'not-an-email' }] }))).name).toBe(
      'InvalidParameterException',
    )
  })

  test('missing Username or Password names the member', async () => {
    expect(await failure(call(signUp, { ClientId: app.clientId, Password: PASSWORD }, deps))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null",
    })
    expect((await failure(call(signUp, { ClientId: app.clientId, Username: 'carol' }, deps))).name).toBe('InvalidParameterException')
  })

  test('in a pool that signs in with email the username must be an email, and an email is used once', async () => {
    const poolId = await createPool(deps, { input: { UsernameAttributes: ['email'] } })
    const clientId = await createClient(deps, poolId)
    const emailSignUp = (username: string) => call(signUp, { ClientId: clientId, Username: username, Password: PASSWORD }, deps)
    expect((await failure(emailSignUp('carol'))).name).toBe('InvalidParameterException')
    const reply = await emailSignUp('carol@example.com')
    expect(storedUser(deps, poolId, 'carol@example.com').username).toBe(reply.UserSub)
    expect((await failure(emailSignUp('Carol@Example.com'))).name).toBe('UsernameExistsException')
  })

  test('an app client may not set email_verified or phone_number_verified', async () => {
    expect(await failure(register({ Username: 'carol', UserAttributes: [{ Name: 'email_verified', Value: 'true' }] }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
    })
    expect(deps.store.listUsers(app.poolId)).toEqual([])
  })
})

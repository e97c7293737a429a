import { PoolSchema, attributeSchema, isPhoneNumber } from '../auth/attributes.ts'
import type { PoolRecord } from '../state/model.ts'
import { PASSWORD, adminSignIn, call, createApp, createTestDeps, failure, srpSignIn, type App, type TestDeps } from '../test-support.ts'
import { adminCreateUser } from './admin-create-user.ts'
import { adminGetUser } from './admin-get-user.ts'
import { signUp } from './sign-up.ts'

// UsernameAttributes [phone_number] and the phone_number attribute's format (docs/cognito-behaviour.md#user-attributes).
describe('phone_number as a username attribute', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { input: { UsernameAttributes: ['phone_number'] } })
  })

  const register = (username: string, attributes: Array<{ Name: string; Value: string }> = []) =>
    call(signUp, { ClientId: app.clientId, Username: username, Password: PASSWORD, UserAttributes: attributes }, deps)
  const adminCreate = (username: string, attributes: Array<{ Name: string; Value: string }> = []) =>
    call(
      adminCreateUser,
      { UserPoolId: app.poolId, Username: username, TemporaryPassword: PASSWORD, MessageAction: 'SUPPRESS', UserAttributes: attributes },
      deps,
    )

  test('sign-up with an E.164 number stores it as phone_number under a UUID username; the number finds the user', async () => {
    const { UserSub } = await register('+15555550100')
    const user = deps.store.requireUser(deps.store.requirePool(app.poolId), '+15555550100')
    expect(user).toMatchObject({ username: UserSub, sub: UserSub, attributes: { phone_number: '+15555550100' } })
    const got = await call(adminGetUser, { UserPoolId: app.poolId, Username: '+15555550100' }, deps)
    expect(got.Username).toBe(UserSub)
  })

  test('an administrator-created user signs in with the number, by password and by SRP', async () => {
    await adminCreate('+445555550100')
    expect((await adminSignIn(deps, app, '+445555550100')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
    expect((await srpSignIn(deps, app, '+445555550100')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
  })

  test('a name that is not a phone number is refused as Cognito does', async () => {
    expect(await failure(register('carol'))).toEqual({ name: 'InvalidParameterException', message: 'Username should be a phone number.' })
    expect(await failure(register('carol@example.com'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be a phone number.',
    })
  })

  test('a taken number is UsernameExistsException with each operation’s own text', async () => {
    await register('+15555550100')
    expect(await failure(register('+15555550100'))).toEqual({ name: 'UsernameExistsException', message: 'User already exists' })
    expect(await failure(adminCreate('+15555550100'))).toEqual({ name: 'UsernameExistsException', message: 'User account already exists' })
  })

  test('with email and phone_number both, either kind of name is taken', async () => {
    const both = await createApp(deps, { input: { UsernameAttributes: ['email', 'phone_number'] } })
    await call(signUp, { ClientId: both.clientId, Username: 'dana@example.com', Password: PASSWORD }, deps)
    await call(signUp, { ClientId: both.clientId, Username: '+15555550111', Password: PASSWORD }, deps)
    expect(deps.store.listUsers(both.poolId).map((user) => user.attributes)).toEqual([
      { email: 'dana@example.com' },
      { phone_number: '+15555550111' },
    ])
    expect(await failure(call(signUp, { ClientId: both.clientId, Username: 'dana', Password: PASSWORD }, deps))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be either an email or a phone number.',
    })
  })
})

describe('phone_number values and uniqueness', () => {
  let deps: TestDeps

  beforeEach(() => {
    deps = createTestDeps()
  })

  test.each(['5555550100', '+1 555 555 0100', '+1-555-555-0100', '+0123456', '+1', '+1234567890123456', '+1555555010a'])(
    '%s is "Invalid phone number format." on sign-up and AdminCreateUser',
    async (phone) => {
      const app = await createApp(deps)
      const attributes = [{ Name: 'phone_number', Value: phone }]
      expect(await failure(call(signUp, { ClientId: app.clientId, Username: 'erin', Password: PASSWORD, UserAttributes: attributes }, deps))).toEqual(
        {
          name: 'InvalidParameterException',
          message: 'Invalid phone number format.',
        },
      )
      expect(
        await failure(
          call(adminCreateUser, { UserPoolId: app.poolId, Username: 'erin', MessageAction: 'SUPPRESS', UserAttributes: attributes }, deps),
        ),
      ).toEqual({ name: 'InvalidParameterException', message: 'Invalid phone number format.' })
    },
  )

  test('E.164 numbers of 2 to 15 digits pass', () => {
    expect(['+12', '+15555550100', '+819012345678', '+123456789012345'].every(isPhoneNumber)).toBe(true)
  })

  test('in a pool with a phone_number alias, a number another user has is taken, and it finds its user', async () => {
    const app = await createApp(deps, { input: { AliasAttributes: ['phone_number'] } })
    const withPhone = (username: string) =>
      call(
        signUp,
        { ClientId: app.clientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: 'phone_number', Value: '+15555550123' }] },
        deps,
      )
    await withPhone('frank')
    expect(await failure(withPhone('grace'))).toEqual({
      name: 'UsernameExistsException',
      message: 'An account with the given phone_number already exists.',
    })
    expect(deps.store.findUser(deps.store.requirePool(app.poolId), '+15555550123')?.username).toBe('frank')
  })

  test('without a phone alias, two users may share a number', async () => {
    const app = await createApp(deps)
    for (const username of ['frank', 'grace']) {
      await call(
        signUp,
        { ClientId: app.clientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: 'phone_number', Value: '+15555550123' }] },
        deps,
      )
    }
    expect(deps.store.listUsers(app.poolId)).toHaveLength(2)
  })
})

describe('the pool schema reader', () => {
  test('standard attributes: only sub is required and immutable', () => {
    const schema = new PoolSchema()
    expect(schema.find('sub')).toMatchObject({ Name: 'sub', Mutable: false, Required: true })
    expect(schema.find('email')).toMatchObject({ Name: 'email', Mutable: true, Required: false })
    expect(schema.find('nickname')?.Mutable).toBe(true)
    expect(schema.find('shoe_size')).toBeUndefined()
  })

  test('without a stored schema any custom: name is declared; with one, only those it lists', () => {
    expect(new PoolSchema().find('custom:team')).toMatchObject({ Mutable: true })
    const team = { Name: 'custom:team', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: false } as const
    const declared = new PoolSchema([team])
    expect(declared.find('custom:team')).toEqual(team)
    expect(declared.find('custom:other')).toBeUndefined()
    expect(() => declared.requireDeclared(['email', 'custom:other'])).toThrow(
      'Attributes did not conform to the schema: custom:other: Attribute does not exist in the schema.',
    )
  })

  test('a pool that stores its schema is read from it: custom attributes it does not list are undeclared', async () => {
    const deps = createTestDeps()
    const { poolId } = await createApp(deps)
    const stored = {
      ...deps.store.requirePool(poolId),
      schemaAttributes: [
        { Name: 'sub', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: true },
        { Name: 'email', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: true },
        { Name: 'custom:team', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: false },
      ],
    } as PoolRecord
    const schema = attributeSchema(stored)
    expect(schema.find('email')).toMatchObject({ Name: 'email', Mutable: true, Required: true })
    expect(schema.find('custom:team')?.Mutable).toBe(false)
    expect(schema.find('custom:other')).toBeUndefined()
    // A pool record from a state file written before pools kept their schema.
    expect(attributeSchema({ ...stored, schemaAttributes: undefined } as PoolRecord).find('custom:other')).toBeDefined()
  })
})

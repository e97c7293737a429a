import { T0, adminSignIn, call, createApp, createTestDeps, createUser, failure, storedUser, type App, type TestDeps } from '../test-support.ts'
import { adminCreateUser } from './admin-create-user.ts'

describe('AdminCreateUser', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
  })

  const create = (input: Record<string, unknown>) => call(adminCreateUser, { UserPoolId: app.poolId, MessageAction: 'SUPPRESS', ...input }, deps)

  test('a FORCE_CHANGE_PASSWORD user, returned as UserType', async () => {
    const { User } = await create({
      Username: 'dave',
      TemporaryPassword: 'Temp-pass-1!',
      UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }],
    })
    expect(User).toEqual({
      Username: 'dave',
      Attributes: [
        { Name: 'sub', Value: storedUser(deps, app.poolId, 'dave').sub },
        { Name: 'email', Value: 'dave@example.com' },
      ],
      UserCreateDate: T0 / 1000,
      UserLastModifiedDate: T0 / 1000,
      Enabled: true,
      UserStatus: 'FORCE_CHANGE_PASSWORD',
    })
    expect((await adminSignIn(deps, app, 'dave', 'Temp-pass-1!')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
  })

  test('without a TemporaryPassword one is generated, printed, and works', async () => {
    await create({ Username: 'dave' })
    const password = deps.logs.find((line) => line.startsWith('Temporary password for dave: '))?.slice('Temporary password for dave: '.length)
    expect(password).toBeDefined()
    expect((await adminSignIn(deps, app, 'dave', password!)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
  })

  test('a taken username is UsernameExistsException "User account already exists"; a weak temporary password InvalidPasswordException', async () => {
    await createUser(deps, app.poolId, 'alice')
    expect(await failure(create({ Username: 'alice', TemporaryPassword: 'Temp-pass-1!' }))).toEqual({
      name: 'UsernameExistsException',
      message: 'User account already exists',
    })
    expect((await failure(create({ Username: 'erin', TemporaryPassword: 'weak' }))).name).toBe('InvalidPasswordException')
  })

  test('a supplied sub attribute is ignored: the emulator issues the sub', async () => {
    await create({ Username: 'dave', TemporaryPassword: 'Temp-pass-1!', UserAttributes: [{ Name: 'sub', Value: 'chosen-by-caller' }] })
    expect(storedUser(deps, app.poolId, 'dave').sub).not.toBe('chosen-by-caller')
  })

  test('RESEND for a user still on a temporary password returns the user; after a password change it is refused', async () => {
    await create({ Username: 'dave', TemporaryPassword: 'Temp-pass-1!' })
    expect((await create({ Username: 'dave', MessageAction: 'RESEND' })).User.Username).toBe('dave')
    await createUser(deps, app.poolId, 'alice')
    expect((await failure(create({ Username: 'alice', MessageAction: 'RESEND' }))).name).toBe('UnsupportedUserStateException')
  })

  test('an attribute the schema does not have is refused, and nobody is created', async () => {
    expect(await failure(create({ Username: 'dave', UserAttributes: [{ Name: 'shoe_size', Value: '44' }] }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.',
    })
    expect(deps.store.listUsers(app.poolId)).toEqual([])
  })
})

import { T0, call, createApp, createPool, createTestDeps, createUser, enrolTotp, failure, signedIn, storedUser } from '../test-support.ts'
import { adminCreateUser } from './admin-create-user.ts'
import { adminGetUser } from './admin-get-user.ts'

describe('AdminGetUser', () => {
  test('the user with dates in epoch seconds, Enabled, UserStatus; MFA members omitted when empty', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const reply = await call(adminGetUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)
    expect(reply).toEqual({
      Username: 'alice',
      UserAttributes: [
        { Name: 'sub', Value: storedUser(deps, app.poolId, 'alice').sub },
        { Name: 'email', Value: 'alice@example.com' },
      ],
      UserCreateDate: T0 / 1000,
      UserLastModifiedDate: T0 / 1000,
      Enabled: true,
      UserStatus: 'CONFIRMED',
    })
  })

  test('with TOTP enabled and preferred the MFA members appear', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
    expect(await call(adminGetUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    })
  })

  test('an admin-created user is FORCE_CHANGE_PASSWORD', async () => {
    const deps = createTestDeps()
    const poolId = await createPool(deps)
    await createUser(deps, poolId, 'dave', { permanent: false })
    expect((await call(adminGetUser, { UserPoolId: poolId, Username: 'dave' }, deps)).UserStatus).toBe('FORCE_CHANGE_PASSWORD')
  })

  test('in a pool that signs in with email, the email finds the user whose username is a UUID', async () => {
    const deps = createTestDeps()
    const poolId = await createPool(deps, { input: { UsernameAttributes: ['email'] } })
    await adminCreateUser({ UserPoolId: poolId, Username: 'erin@example.com', TemporaryPassword: 'Corr3ct-Horse!', MessageAction: 'SUPPRESS' }, deps)
    const reply = await call(adminGetUser, { UserPoolId: poolId, Username: 'erin@example.com' }, deps)
    expect(reply.Username).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(reply.UserAttributes).toContainEqual({ Name: 'email', Value: 'erin@example.com' })
  })

  test('an unknown user is UserNotFoundException, an unknown pool ResourceNotFoundException', async () => {
    const deps = createTestDeps()
    const poolId = await createPool(deps)
    expect(await failure(adminGetUser({ UserPoolId: poolId, Username: 'nobody' }, deps))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
    expect((await failure(adminGetUser({ UserPoolId: 'us-east-1_Nope', Username: 'nobody' }, deps))).name).toBe('ResourceNotFoundException')
  })
})

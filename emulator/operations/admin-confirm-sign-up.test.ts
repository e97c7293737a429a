import { PASSWORD, adminSignIn, call, createApp, createTestDeps, createUser, failure, storedUser } from '../test-support.ts'
import { adminConfirmSignUp } from './admin-confirm-sign-up.ts'
import { signUp } from './sign-up.ts'

describe('AdminConfirmSignUp', () => {
  test('confirms a signed-up user without a code; a second time is refused', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await signUp({ ClientId: app.clientId, Username: 'carol', Password: PASSWORD }, deps)
    expect(await call(adminConfirmSignUp, { UserPoolId: app.poolId, Username: 'carol' }, deps)).toEqual({})
    expect(storedUser(deps, app.poolId, 'carol')).toMatchObject({ status: 'CONFIRMED', confirmationCode: undefined })
    expect((await adminSignIn(deps, app, 'carol')).AuthenticationResult).toBeDefined()
    expect(await failure(adminConfirmSignUp({ UserPoolId: app.poolId, Username: 'carol' }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    })
  })

  test('an admin-created user is not UNCONFIRMED and cannot be confirmed this way', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'dave', { permanent: false })
    expect((await failure(adminConfirmSignUp({ UserPoolId: app.poolId, Username: 'dave' }, deps))).message).toBe(
      'User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD',
    )
  })
})

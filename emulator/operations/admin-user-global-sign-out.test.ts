import { call, createApp, createTestDeps, createUser, failure, signedIn, type App, type TestDeps } from '../test-support.ts'
import { adminUserGlobalSignOut } from './admin-user-global-sign-out.ts'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts'
import { getUser } from './get-user.ts'

describe('AdminUserGlobalSignOut', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    await createUser(deps, app.poolId, 'bob')
  })

  test("answers {} and revokes every access and refresh token of the user's sign-ins; other users keep theirs", async () => {
    const laptop = await signedIn(deps, app, 'alice')
    const phone = await signedIn(deps, app, 'alice')
    const bob = await signedIn(deps, app, 'bob')
    expect(await call(adminUserGlobalSignOut, { UserPoolId: app.poolId, Username: 'alice' }, deps)).toEqual({})
    for (const tokens of [laptop, phone]) {
      expect(await failure(getUser({ AccessToken: tokens.AccessToken }, deps))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
      })
      expect(await failure(getTokensFromRefreshToken({ ClientId: app.clientId, RefreshToken: tokens.RefreshToken }, deps))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
      })
    }
    expect((await call(getUser, { AccessToken: bob.AccessToken }, deps)).Username).toBe('bob')
  })

  test('a sign-in after the sign-out works', async () => {
    await signedIn(deps, app, 'alice')
    await adminUserGlobalSignOut({ UserPoolId: app.poolId, Username: 'alice' }, deps)
    deps.clock.advance(1000)
    const after = await signedIn(deps, app, 'alice')
    expect((await call(getUser, { AccessToken: after.AccessToken }, deps)).Username).toBe('alice')
  })

  test('an unknown user is UserNotFoundException, an unknown pool ResourceNotFoundException, a missing name InvalidParameterException', async () => {
    expect(await failure(adminUserGlobalSignOut({ UserPoolId: app.poolId, Username: 'nobody' }, deps))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
    expect((await failure(adminUserGlobalSignOut({ UserPoolId: 'us-east-1_nothere', Username: 'alice' }, deps))).name).toBe(
      'ResourceNotFoundException',
    )
    expect((await failure(adminUserGlobalSignOut({ UserPoolId: app.poolId }, deps))).name).toBe('InvalidParameterException')
  })
})

import { call, createApp, createTestDeps, createUser, failure, signedIn, type App, type TestDeps } from '../test-support.ts'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts'
import { getUser } from './get-user.ts'
import { globalSignOut } from './global-sign-out.ts'

const REVOKED = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' }

describe('GlobalSignOut', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    await createUser(deps, app.poolId, 'bob')
  })

  test("answers {} and revokes every access and refresh token of the user's sign-ins", async () => {
    const laptop = await signedIn(deps, app, 'alice')
    const phone = await signedIn(deps, app, 'alice')
    expect(await call(globalSignOut, { AccessToken: laptop.AccessToken }, deps)).toEqual({})
    for (const tokens of [laptop, phone]) {
      expect(await failure(getUser({ AccessToken: tokens.AccessToken }, deps))).toEqual(REVOKED)
      expect(await failure(getTokensFromRefreshToken({ ClientId: app.clientId, RefreshToken: tokens.RefreshToken }, deps))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
      })
    }
    // The revoked token cannot sign out again either.
    expect(await failure(globalSignOut({ AccessToken: laptop.AccessToken }, deps))).toEqual(REVOKED)
  })

  test('other users are untouched', async () => {
    const alice = await signedIn(deps, app, 'alice')
    const bob = await signedIn(deps, app, 'bob')
    await globalSignOut({ AccessToken: alice.AccessToken }, deps)
    expect((await call(getUser, { AccessToken: bob.AccessToken }, deps)).Username).toBe('bob')
  })

  test('a sign-in after the sign-out works', async () => {
    const before = await signedIn(deps, app, 'alice')
    await globalSignOut({ AccessToken: before.AccessToken }, deps)
    const after = await signedIn(deps, app, 'alice')
    expect((await call(getUser, { AccessToken: after.AccessToken }, deps)).Username).toBe('alice')
    expect(
      (await call(getTokensFromRefreshToken, { ClientId: app.clientId, RefreshToken: after.RefreshToken }, deps)).AuthenticationResult,
    ).toBeDefined()
  })

  test('on a client without token revocation (no origin_jti) access tokens issued before the sign-out are revoked', async () => {
    const plain = await createApp(deps, {}, { EnableTokenRevocation: false })
    await createUser(deps, plain.poolId, 'carol')
    const tokens = await signedIn(deps, plain, 'carol')
    deps.clock.advance(1000)
    await globalSignOut({ AccessToken: tokens.AccessToken }, deps)
    expect(await failure(getUser({ AccessToken: tokens.AccessToken }, deps))).toEqual(REVOKED)
  })

  test('needs an AccessToken', async () => {
    expect((await failure(globalSignOut({}, deps))).name).toBe('InvalidParameterException')
  })
})

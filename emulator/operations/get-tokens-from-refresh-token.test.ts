import {
  MINUTE_MS,
  call,
  claimsOf,
  createApp,
  createClient,
  createTestDeps,
  createUser,
  failure,
  signedIn,
  storedUser,
  type App,
  type AuthResult,
  type TestDeps,
} from '../test-support.ts'
import { adminDeleteUser } from './admin-delete-user.ts'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts'
import { getUser } from './get-user.ts'
import { revokeToken } from './revoke-token.ts'

describe('GetTokensFromRefreshToken', () => {
  let deps: TestDeps
  let app: App
  let tokens: AuthResult

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    tokens = await signedIn(deps, app, 'alice')
  })

  const refresh = (refreshToken = tokens.RefreshToken, clientId = app.clientId) =>
    call(getTokensFromRefreshToken, { ClientId: clientId, RefreshToken: refreshToken }, deps)

  test('new access and ID tokens of the same family: same origin_jti and auth_time, new iat; no RefreshToken', async () => {
    deps.clock.advance(50 * MINUTE_MS)
    const { AuthenticationResult } = await refresh()
    expect(AuthenticationResult).toEqual({ AccessToken: expect.any(String), IdToken: expect.any(String), ExpiresIn: 3600, TokenType: 'Bearer' })
    for (const [before, after] of [
      [tokens.AccessToken, AuthenticationResult.AccessToken],
      [tokens.IdToken, AuthenticationResult.IdToken],
    ]) {
      const old = claimsOf(before)
      const renewed = claimsOf(after)
      expect(renewed.origin_jti).toBe(old.origin_jti)
      expect(renewed.auth_time).toBe(old.auth_time)
      expect(renewed.iat).toBe((old.iat as number) + 50 * 60)
      expect(renewed.jti).not.toBe(old.jti)
    }
  })

  test('the refreshed access token works where the expired one no longer does', async () => {
    deps.clock.advance(61 * MINUTE_MS)
    expect((await failure(getUser({ AccessToken: tokens.AccessToken }, deps))).message).toBe('Access Token has expired')
    const { AuthenticationResult } = await refresh()
    expect((await call(getUser, { AccessToken: AuthenticationResult.AccessToken }, deps)).Username).toBe('alice')
  })

  test('a revoked refresh token is "Refresh Token has been revoked"', async () => {
    await revokeToken({ ClientId: app.clientId, Token: tokens.RefreshToken }, deps)
    expect(await failure(refresh())).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' })
  })

  test('an unknown refresh token, or one of another client, is "Invalid Refresh Token"', async () => {
    expect(await failure(refresh('no-such-token'))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' })
    const otherClient = await createClient(deps, app.poolId)
    expect(await failure(refresh(tokens.RefreshToken, otherClient))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token' })
  })

  test('expires after the client RefreshTokenValidity (30 days by default)', async () => {
    deps.clock.advance(30 * 24 * 60 * MINUTE_MS - 1)
    expect((await refresh()).AuthenticationResult).toBeDefined()
    deps.clock.advance(1)
    expect((await failure(refresh())).name).toBe('NotAuthorizedException')
  })

  test('a deleted user can no longer refresh', async () => {
    await adminDeleteUser({ UserPoolId: app.poolId, Username: 'alice' }, deps)
    expect((await failure(refresh())).name).toMatch(/^(NotAuthorizedException|UserNotFoundException)$/)
  })

  test('a disabled user can no longer refresh', async () => {
    // No operation here disables a user (AdminDisableUser is not emulated): the store does it.
    deps.store.updateUser(storedUser(deps, app.poolId, 'alice'), { enabled: false })
    expect(await failure(refresh())).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' })
  })

  test('an unknown ClientId is ResourceNotFoundException', async () => {
    expect((await failure(refresh(tokens.RefreshToken, 'nosuchclient'))).name).toBe('ResourceNotFoundException')
  })
})

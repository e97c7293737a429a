import { call, claimsOf, createApp, createClient, createTestDeps, createUser, failure, signedIn, type App, type TestDeps } from '../test-support.ts'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts'
import { getUser } from './get-user.ts'
import { revokeToken } from './revoke-token.ts'

describe('RevokeToken', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
  })

  test('revokes its own family only: that sign-in is over, another sign-in of the same user goes on', async () => {
    const revoked = await signedIn(deps, app, 'alice')
    const kept = await signedIn(deps, app, 'alice')
    expect(claimsOf(revoked.AccessToken).origin_jti).not.toBe(claimsOf(kept.AccessToken).origin_jti)
    expect(await call(revokeToken, { ClientId: app.clientId, Token: revoked.RefreshToken }, deps)).toEqual({})

    expect(await failure(getUser({ AccessToken: revoked.AccessToken }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    })
    expect(await failure(getTokensFromRefreshToken({ ClientId: app.clientId, RefreshToken: revoked.RefreshToken }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    })
    expect((await call(getUser, { AccessToken: kept.AccessToken }, deps)).Username).toBe('alice')
    expect(
      (await call(getTokensFromRefreshToken, { ClientId: app.clientId, RefreshToken: kept.RefreshToken }, deps)).AuthenticationResult,
    ).toBeDefined()
  })

  test('access tokens refreshed from the family are revoked with it', async () => {
    const tokens = await signedIn(deps, app, 'alice')
    const refreshed = await call(getTokensFromRefreshToken, { ClientId: app.clientId, RefreshToken: tokens.RefreshToken }, deps)
    await revokeToken({ ClientId: app.clientId, Token: tokens.RefreshToken }, deps)
    expect((await failure(getUser({ AccessToken: refreshed.AuthenticationResult.AccessToken }, deps))).message).toBe('Access Token has been revoked')
  })

  test('an access or ID token is UnsupportedTokenTypeException', async () => {
    const tokens = await signedIn(deps, app, 'alice')
    for (const token of [tokens.AccessToken, tokens.IdToken]) {
      expect((await failure(revokeToken({ ClientId: app.clientId, Token: token }, deps))).name).toBe('UnsupportedTokenTypeException')
    }
    expect((await call(getUser, { AccessToken: tokens.AccessToken }, deps)).Username).toBe('alice')
  })

  test('a refresh token of another client is UnauthorizedException and stays valid', async () => {
    const tokens = await signedIn(deps, app, 'alice')
    const otherClient = await createClient(deps, app.poolId)
    expect((await failure(revokeToken({ ClientId: otherClient, Token: tokens.RefreshToken }, deps))).name).toBe('UnauthorizedException')
    expect((await call(getUser, { AccessToken: tokens.AccessToken }, deps)).Username).toBe('alice')
  })

  test('an unknown token is quietly accepted', async () => {
    expect(await call(revokeToken, { ClientId: app.clientId, Token: 'no-such-refresh-token' }, deps)).toEqual({})
  })

  test('a client without token revocation is UnsupportedOperationException', async () => {
    const plain = await createApp(deps, {}, { EnableTokenRevocation: false })
    await createUser(deps, plain.poolId, 'alice')
    const tokens = await signedIn(deps, plain, 'alice')
    expect(claimsOf(tokens.AccessToken).origin_jti).toBeUndefined()
    expect((await failure(revokeToken({ ClientId: plain.clientId, Token: tokens.RefreshToken }, deps))).name).toBe('UnsupportedOperationException')
  })
})

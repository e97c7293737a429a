// The access-token checks (docs/cognito-behaviour.md#access-token-checks), seen through GetUser (the simplest
// operation that takes one).
import { adminDeleteUser } from '../operations/admin-delete-user.ts'
import { getUser } from '../operations/get-user.ts'
import {
  MINUTE_MS,
  call,
  claimsOf,
  createApp,
  createTestDeps,
  createUser,
  failure,
  signedIn,
  storedUser,
  type App,
  type AuthResult,
  type TestDeps,
} from '../test-support.ts'

const INVALID = { name: 'NotAuthorizedException', message: 'Invalid Access Token' }
const EXPIRED = { name: 'NotAuthorizedException', message: 'Access Token has expired' }

function withPayload(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
  change(claims)
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.')
}

describe('requireAccessToken', () => {
  let deps: TestDeps
  let app: App
  let tokens: AuthResult

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    tokens = await signedIn(deps, app, 'alice')
  })

  const profileWith = (accessToken: string) => call(getUser, { AccessToken: accessToken }, deps)

  test('a fresh access token is accepted', async () => {
    expect((await profileWith(tokens.AccessToken)).Username).toBe('alice')
  })

  test('expires exactly one hour after it was issued (the default AccessTokenValidity)', async () => {
    deps.clock.advance(60 * MINUTE_MS - 1)
    expect((await profileWith(tokens.AccessToken)).Username).toBe('alice')
    deps.clock.advance(1)
    expect(await failure(profileWith(tokens.AccessToken))).toEqual(EXPIRED)
  })

  test("follows the client's AccessTokenValidity", async () => {
    const short = await createApp(deps, {}, { AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes' } })
    await createUser(deps, short.poolId, 'alice')
    const result = await signedIn(deps, short, 'alice')
    expect(result.ExpiresIn).toBe(300)
    deps.clock.advance(5 * MINUTE_MS)
    expect(await failure(profileWith(result.AccessToken))).toEqual(EXPIRED)
  })

  test('a token whose payload was changed is "Invalid Access Token"', async () => {
    await createUser(deps, app.poolId, 'bob')
    const bobSub = storedUser(deps, app.poolId, 'bob').sub
    expect(await failure(profileWith(withPayload(tokens.AccessToken, (claims) => (claims.sub = bobSub))))).toEqual(INVALID)
    expect(await failure(profileWith(withPayload(tokens.AccessToken, (claims) => (claims.exp = (claims.exp as number) + 86400))))).toEqual(INVALID)
  })

  test('a token with its signature cut or replaced is "Invalid Access Token"', async () => {
    const [header, payload] = tokens.AccessToken.split('.')
    expect(await failure(profileWith(`${header}.${payload}.`))).toEqual(INVALID)
    const other = await signedIn(deps, app, 'alice')
    expect(await failure(profileWith(`${header}.${payload}.${other.AccessToken.split('.')[2]}`))).toEqual(INVALID)
  })

  test('an unsigned token (alg none) is "Invalid Access Token"', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
    const payload = tokens.AccessToken.split('.')[1]
    expect(await failure(profileWith(`${header}.${payload}.`))).toEqual(INVALID)
  })

  test('a token of another pool, relabelled with this pool as issuer, is "Invalid Access Token"', async () => {
    const other = await createApp(deps)
    await createUser(deps, other.poolId, 'alice')
    const foreign = await signedIn(deps, other, 'alice')
    const relabelled = withPayload(foreign.AccessToken, (claims) => {
      claims.iss = claimsOf(tokens.AccessToken).iss
    })
    expect(await failure(profileWith(relabelled))).toEqual(INVALID)
  })

  test('an ID token is not an access token', async () => {
    expect(await failure(profileWith(tokens.IdToken))).toEqual(INVALID)
  })

  test.each([['garbage'], ['a.b.c'], ['']])('%j is "Invalid Access Token" or a validation error', async (token) => {
    expect((await failure(profileWith(token))).name).toMatch(/^(NotAuthorizedException|InvalidParameterException)$/)
  })

  test('a deleted user is UserNotFoundException', async () => {
    await adminDeleteUser({ UserPoolId: app.poolId, Username: 'alice' }, deps)
    expect(await failure(profileWith(tokens.AccessToken))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
  })

  test('a disabled user is "User is disabled."', async () => {
    // No operation here disables a user (AdminDisableUser is not emulated): the store does it.
    deps.store.updateUser(storedUser(deps, app.poolId, 'alice'), { enabled: false })
    expect(await failure(profileWith(tokens.AccessToken))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' })
  })
})

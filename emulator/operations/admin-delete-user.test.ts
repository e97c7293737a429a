import {
  PASSWORD,
  STEP_MS,
  adminSignIn,
  call,
  codeNow,
  createApp,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  respond,
  signedIn,
} from '../test-support.ts'
import { adminDeleteUser } from './admin-delete-user.ts'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts'

describe('AdminDeleteUser', () => {
  test('removes the user and their refresh tokens; a challenge already under way cannot finish', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const tokens = await signedIn(deps, app, 'alice')
    const secret = await enrolTotp(deps, tokens.AccessToken)
    deps.clock.advance(STEP_MS)
    const { Session } = await adminSignIn(deps, app, 'alice')

    expect(await call(adminDeleteUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)).toEqual({})
    expect(deps.store.listUsers(app.poolId)).toEqual([])
    expect(deps.store.findRefreshToken(tokens.RefreshToken!)).toBeUndefined()
    expect((await failure(getTokensFromRefreshToken({ ClientId: app.clientId, RefreshToken: tokens.RefreshToken }, deps))).name).toBe(
      'NotAuthorizedException',
    )
    expect(
      (await failure(respond(deps, app, 'SOFTWARE_TOKEN_MFA', Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) }))).name,
    ).toBe('NotAuthorizedException')
    expect((await failure(adminSignIn(deps, app, 'alice', PASSWORD))).name).toBe('UserNotFoundException')
  })

  test('an unknown user is UserNotFoundException', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    expect(await failure(adminDeleteUser({ UserPoolId: app.poolId, Username: 'nobody' }, deps))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
    })
  })
})

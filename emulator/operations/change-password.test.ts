import {
  PASSWORD,
  adminSignIn,
  call,
  createApp,
  createTestDeps,
  createUser,
  failure,
  signedIn,
  srpSignIn,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { changePassword } from './change-password.ts'
import { globalSignOut } from './global-sign-out.ts'

const NEW_PASSWORD = 'N3w-Horse-2026!'

describe('ChangePassword', () => {
  let deps: TestDeps
  let app: App
  let accessToken: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
  })

  const change = (previous: string, proposed: string, token = accessToken) =>
    call(changePassword, { AccessToken: token, PreviousPassword: previous, ProposedPassword: proposed }, deps)

  test('answers {} and the new password works on both paths, the old one on neither', async () => {
    expect(await change(PASSWORD, NEW_PASSWORD)).toEqual({})
    expect((await adminSignIn(deps, app, 'alice', NEW_PASSWORD)).AuthenticationResult).toBeDefined()
    expect((await srpSignIn(deps, app, 'alice', NEW_PASSWORD)).AuthenticationResult).toBeDefined()
    expect((await failure(adminSignIn(deps, app, 'alice', PASSWORD))).message).toBe('Incorrect username or password.')
    expect((await failure(srpSignIn(deps, app, 'alice', PASSWORD))).message).toBe('Incorrect username or password.')
  })

  test('a wrong previous password is refused and changes nothing', async () => {
    expect(await failure(change('Wr0ng-Horse!', NEW_PASSWORD))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    expect((await adminSignIn(deps, app, 'alice', PASSWORD)).AuthenticationResult).toBeDefined()
  })

  test('a proposed password against the policy is InvalidPasswordException and changes nothing', async () => {
    expect((await failure(change(PASSWORD, 'weak'))).name).toBe('InvalidPasswordException')
    expect((await adminSignIn(deps, app, 'alice', PASSWORD)).AuthenticationResult).toBeDefined()
  })

  test('a revoked access token cannot change the password', async () => {
    await globalSignOut({ AccessToken: accessToken }, deps)
    expect(await failure(change(PASSWORD, NEW_PASSWORD))).toEqual({ name: 'NotAuthorizedException', message: 'Access Token has been revoked' })
    expect((await adminSignIn(deps, app, 'alice', PASSWORD)).AuthenticationResult).toBeDefined()
  })
})

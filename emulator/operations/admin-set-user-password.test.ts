import { adminSignIn, createApp, createTestDeps, createUser, failure, storedUser, type App, type TestDeps } from '../test-support.ts'
import { adminSetUserPassword } from './admin-set-user-password.ts'

describe('AdminSetUserPassword', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'dave', { permanent: false })
  })

  const setPassword = (password: string, permanent?: boolean) =>
    adminSetUserPassword(
      { UserPoolId: app.poolId, Username: 'dave', Password: password, ...(permanent === undefined ? {} : { Permanent: permanent }) },
      deps,
    )

  test('Permanent: the user is CONFIRMED and signs in with it', async () => {
    expect(await setPassword('N3w-Horse-2026!', true)).toEqual({})
    expect(storedUser(deps, app.poolId, 'dave').status).toBe('CONFIRMED')
    expect((await adminSignIn(deps, app, 'dave', 'N3w-Horse-2026!')).AuthenticationResult).toBeDefined()
  })

  test('not Permanent (the default): FORCE_CHANGE_PASSWORD, so the next sign-in must choose a new one', async () => {
    await setPassword('N3w-Horse-2026!', true)
    await setPassword('Temp-Horse-2026!')
    expect(storedUser(deps, app.poolId, 'dave').status).toBe('FORCE_CHANGE_PASSWORD')
    expect((await adminSignIn(deps, app, 'dave', 'Temp-Horse-2026!')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED')
  })

  test('the pool policy applies; an unknown user is UserNotFoundException', async () => {
    expect((await failure(setPassword('weak', true))).name).toBe('InvalidPasswordException')
    expect(storedUser(deps, app.poolId, 'dave').status).toBe('FORCE_CHANGE_PASSWORD')
    const unknown = adminSetUserPassword({ UserPoolId: app.poolId, Username: 'nobody', Password: 'N3w-Horse-2026!', Permanent: true }, deps)
    expect(await failure(unknown)).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
  })
})

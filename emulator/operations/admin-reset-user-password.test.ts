import {
  PASSWORD,
  adminSignIn,
  call,
  createApp,
  createTestDeps,
  createUser,
  failure,
  lastResetCode,
  srpSignIn,
  storedUser,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { adminResetUserPassword } from './admin-reset-user-password.ts'
import { confirmForgotPassword } from './confirm-forgot-password.ts'
import { forgotPassword } from './forgot-password.ts'
import { initiateAuth } from './initiate-auth.ts'

const NEW_PASSWORD = 'N3w-password!'
const RESET_REQUIRED = { name: 'PasswordResetRequiredException', message: 'Password reset required for the user' }

describe('AdminResetUserPassword', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, {}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'] })
    await createUser(deps, app.poolId, 'carol', { attributes: { email_verified: 'true' } })
  })

  const reset = (username = 'carol') => call(adminResetUserPassword, { UserPoolId: app.poolId, Username: username }, deps)
  const passwordSignIn = (password: string) =>
    initiateAuth({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'carol', PASSWORD: password } }, deps)

  test('puts the user in RESET_REQUIRED and prints a code', async () => {
    expect(await reset()).toEqual({})
    expect(storedUser(deps, app.poolId, 'carol').status).toBe('RESET_REQUIRED')
    expect(deps.logs.at(-1)).toMatch(/^Password reset code for carol <carol@example\.com>: \d{6}$/)
  })

  // docs/cognito-behaviour.md#account-states
  test('sign-in is PasswordResetRequiredException once the password is proven, by SRP and by password; a wrong password stays wrong', async () => {
    await reset()
    expect(await failure(srpSignIn(deps, app, 'carol'))).toEqual(RESET_REQUIRED)
    expect(await failure(passwordSignIn(PASSWORD))).toEqual(RESET_REQUIRED)
    expect(await failure(adminSignIn(deps, app, 'carol'))).toEqual(RESET_REQUIRED)
    expect(await failure(passwordSignIn('Wr0ng-password!'))).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
  })

  test('ConfirmForgotPassword with the code completes it: CONFIRMED, and the new password signs in', async () => {
    await reset()
    await confirmForgotPassword({ ClientId: app.clientId, Username: 'carol', ConfirmationCode: lastResetCode(deps), Password: NEW_PASSWORD }, deps)
    expect(storedUser(deps, app.poolId, 'carol').status).toBe('CONFIRMED')
    expect((await srpSignIn(deps, app, 'carol', NEW_PASSWORD)).AuthenticationResult).toBeDefined()
  })

  test('a ForgotPassword after it sends a new code, which replaces the administrator’s', async () => {
    await reset()
    const first = lastResetCode(deps)
    await forgotPassword({ ClientId: app.clientId, Username: 'carol' }, deps)
    const second = lastResetCode(deps)
    const confirm = (code: string) =>
      failure(confirmForgotPassword({ ClientId: app.clientId, Username: 'carol', ConfirmationCode: code, Password: NEW_PASSWORD }, deps))
    if (first !== second) expect((await confirm(first)).name).toBe('CodeMismatchException')
    expect(storedUser(deps, app.poolId, 'carol').passwordResetCode?.code).toBe(second)
  })

  test('is not counted towards the hourly limit of codes a user may ask for', async () => {
    for (let i = 0; i < 5; i++) await forgotPassword({ ClientId: app.clientId, Username: 'carol' }, deps)
    expect((await failure(forgotPassword({ ClientId: app.clientId, Username: 'carol' }, deps))).name).toBe('LimitExceededException')
    const printed = deps.logs.length
    await reset()
    expect(deps.logs).toHaveLength(printed + 1)
  })

  test('without a verified address: RESET_REQUIRED all the same, and no code', async () => {
    await createUser(deps, app.poolId, 'dave')
    await reset('dave')
    expect(storedUser(deps, app.poolId, 'dave')).toMatchObject({ status: 'RESET_REQUIRED', passwordResetCode: undefined })
    expect(deps.logs.at(-1)).toBe('Password reset for dave: no verified email or phone number, so no code was sent')
  })

  test('a user who never set a password of their own cannot be reset', async () => {
    await createUser(deps, app.poolId, 'erin', { permanent: false, attributes: { email_verified: 'true' } })
    expect(await failure(reset('erin'))).toEqual({ name: 'NotAuthorizedException', message: 'User password cannot be reset in the current state.' })
    expect(storedUser(deps, app.poolId, 'erin').status).toBe('FORCE_CHANGE_PASSWORD')
  })

  test('an unknown user is UserNotFoundException', async () => {
    expect((await failure(reset('nobody'))).name).toBe('UserNotFoundException')
  })
})

import {
  PASSWORD,
  adminSignIn,
  call,
  createApp,
  createTestDeps,
  failure,
  lastConfirmationCode as lastCode,
  storedUser,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { confirmSignUp } from './confirm-sign-up.ts'
import { resendConfirmationCode } from './resend-confirmation-code.ts'
import { signUp } from './sign-up.ts'

const MISMATCH = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' }
const EXPIRED = { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' }

describe('ConfirmSignUp', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await signUp(
      { ClientId: app.clientId, Username: 'carol', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] },
      deps,
    )
  })

  const confirm = (code: string, username = 'carol') =>
    call(confirmSignUp, { ClientId: app.clientId, Username: username, ConfirmationCode: code }, deps)
  const otherThan = (code: string) => (code === '000000' ? '000001' : '000000')

  test('the code from the log confirms the user ({}), verifies the email, and sign-in works', async () => {
    expect(await confirm(lastCode(deps))).toEqual({})
    const user = storedUser(deps, app.poolId, 'carol')
    expect(user.status).toBe('CONFIRMED')
    expect(user.attributes.email_verified).toBe('true')
    expect(user.confirmationCode).toBeUndefined()
    expect((await adminSignIn(deps, app, 'carol')).AuthenticationResult).toBeDefined()
  })

  test('a wrong code is CodeMismatchException and the user stays UNCONFIRMED', async () => {
    expect(await failure(confirm(otherThan(lastCode(deps))))).toEqual(MISMATCH)
    expect(storedUser(deps, app.poolId, 'carol').status).toBe('UNCONFIRMED')
    expect(await confirm(lastCode(deps))).toEqual({})
  })

  test('five wrong codes spend the code: then even the right one has to be requested again', async () => {
    const code = lastCode(deps)
    for (let i = 0; i < 5; i++) expect(await failure(confirm(otherThan(code)))).toEqual(MISMATCH)
    expect(await failure(confirm(code))).toEqual(EXPIRED)
  })

  // docs/cognito-behaviour.md#confirmation-code-limits
  test('ten wrong codes an hour across codes, then LimitExceededException even for the right code, until the hour has passed', async () => {
    for (let round = 0; round < 2; round++) {
      const code = lastCode(deps)
      for (let i = 0; i < 5; i++) expect(await failure(confirm(otherThan(code)))).toEqual(MISMATCH)
      await resendConfirmationCode({ ClientId: app.clientId, Username: 'carol' }, deps)
    }
    expect(storedUser(deps, app.poolId, 'carol').confirmationAttempts).toEqual({ since: deps.clock.now(), wrongCodes: 10, resends: 2 })
    const limit = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' }
    expect(await failure(confirm(lastCode(deps)))).toEqual(limit)
    deps.clock.advance(3600_000 - 1)
    expect(await failure(confirm(lastCode(deps)))).toEqual(limit)
    deps.clock.advance(1)
    expect(await confirm(lastCode(deps))).toEqual({})
    expect(storedUser(deps, app.poolId, 'carol').confirmationAttempts).toBeUndefined()
  })

  test('the code is valid for 24 hours', async () => {
    const code = lastCode(deps)
    deps.clock.advance(24 * 3600_000)
    expect(await failure(confirm(code))).toEqual(EXPIRED)
  })

  test('an already confirmed user: NotAuthorizedException naming the status', async () => {
    const code = lastCode(deps)
    await confirm(code)
    expect(await failure(confirm(code))).toEqual({ name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' })
  })

  test('an unknown user is UserNotFoundException', async () => {
    expect((await failure(confirm('123456', 'nobody'))).name).toBe('UserNotFoundException')
  })
})

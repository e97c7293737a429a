import {
  PASSWORD,
  adminSignIn,
  call,
  createApp,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  lastResetCode,
  signedIn,
  srpSignIn,
  storedUser,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { confirmForgotPassword } from './confirm-forgot-password.ts'
import { forgotPassword } from './forgot-password.ts'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts'
import { getUser } from './get-user.ts'

const NEW_PASSWORD = 'N3w-password!'
const VERIFIED = { email_verified: 'true' }
const MISMATCH = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' }
const EXPIRED = { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' }
const LIMIT = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' }

/** A six-digit code other than `code`. */
const otherThan = (code: string) => (code === '000000' ? '111111' : '000000')

describe('ConfirmForgotPassword', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'carol', { attributes: VERIFIED })
  })

  const forgot = async (username = 'carol') => {
    await forgotPassword({ ClientId: app.clientId, Username: username }, deps)
    return lastResetCode(deps)
  }
  const confirm = (code: string, password = NEW_PASSWORD, username = 'carol') =>
    call(confirmForgotPassword, { ClientId: app.clientId, Username: username, ConfirmationCode: code, Password: password }, deps)

  test('the code and a new password: the new password signs in, the old one no longer does', async () => {
    expect(await confirm(await forgot())).toEqual({})
    expect((await failure(adminSignIn(deps, app, 'carol', PASSWORD))).message).toBe('Incorrect username or password.')
    expect((await srpSignIn(deps, app, 'carol', NEW_PASSWORD)).AuthenticationResult).toBeDefined()
    expect(storedUser(deps, app.poolId, 'carol').status).toBe('CONFIRMED')
  })

  test('a code is single use', async () => {
    const code = await forgot()
    await confirm(code)
    expect(await failure(confirm(code, 'An0ther-password!'))).toEqual(EXPIRED)
  })

  test('a code is still good a moment before its hour ends', async () => {
    const code = await forgot()
    deps.clock.advance(3600_000 - 1)
    expect(await confirm(code)).toEqual({})
  })

  test('an hour after it was sent the code is ExpiredCodeException', async () => {
    const code = await forgot()
    deps.clock.advance(3600_000)
    expect(await failure(confirm(code))).toEqual(EXPIRED)
  })

  test('without a code asked for: ExpiredCodeException', async () => {
    expect(await failure(confirm('123456'))).toEqual(EXPIRED)
  })

  // docs/cognito-behaviour.md#password-reset-codes
  test('five wrong codes an hour, then LimitExceededException even for the right code; the hour after, a new code works', async () => {
    const code = await forgot()
    for (let i = 0; i < 5; i++) expect(await failure(confirm(otherThan(code)))).toEqual(MISMATCH)
    expect(await failure(confirm(code))).toEqual(LIMIT)
    deps.clock.advance(3600_000)
    expect(await confirm(await forgot())).toEqual({})
  })

  test('a password that breaks the policy is InvalidPasswordException, as in SignUp, and costs no try of the code', async () => {
    const code = await forgot()
    for (let i = 0; i < 6; i++) {
      expect(await failure(confirm(code, 'short'))).toEqual({
        name: 'InvalidPasswordException',
        message: 'Password did not conform with policy: Password not long enough',
      })
    }
    expect(await failure(confirm(code, 'no-upper-case-1!'))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    })
    expect(await confirm(code)).toEqual({})
  })

  test('ends a lockout, but keeps the count: the next failure locks the user out again, for longer', async () => {
    for (let i = 0; i < 6; i++) await failure(adminSignIn(deps, app, 'carol', 'Wr0ng-password!'))
    expect((await failure(adminSignIn(deps, app, 'carol', PASSWORD))).message).toBe('Password attempts exceeded')
    await confirm(await forgot())
    expect(storedUser(deps, app.poolId, 'carol')).toMatchObject({ failedPasswordAttempts: 5, lockedUntil: undefined })
    expect(await failure(adminSignIn(deps, app, 'carol', 'Wr0ng-password!'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    })
    // Six failures (the refusal during the lockout was not counted): 2^(6-5) = 2 s, where a cleared count would give none.
    expect((await failure(adminSignIn(deps, app, 'carol', NEW_PASSWORD))).message).toBe('Password attempts exceeded')
    deps.clock.advance(2_000)
    expect((await adminSignIn(deps, app, 'carol', NEW_PASSWORD)).AuthenticationResult).toBeDefined()
    expect(storedUser(deps, app.poolId, 'carol').failedPasswordAttempts).toBe(0) // a sign-in that ends in tokens resets it
  })

  test('a locked-out user who resets can sign in at once', async () => {
    for (let i = 0; i < 6; i++) await failure(adminSignIn(deps, app, 'carol', 'Wr0ng-password!'))
    await confirm(await forgot())
    expect((await adminSignIn(deps, app, 'carol', NEW_PASSWORD)).AuthenticationResult).toBeDefined()
  })

  test('keeps the authenticator and the MFA settings: the next sign-in still asks for a code', async () => {
    const tokens = await signedIn(deps, app, 'carol')
    await enrolTotp(deps, tokens.AccessToken)
    const before = storedUser(deps, app.poolId, 'carol')
    await confirm(await forgot())
    const after = storedUser(deps, app.poolId, 'carol')
    expect(after.mfa).toEqual(before.mfa)
    expect(after.totp).toEqual(before.totp)
    const reply = await srpSignIn(deps, app, 'carol', NEW_PASSWORD)
    expect(reply.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    expect(reply.AuthenticationResult).toBeUndefined()
  })

  // docs/cognito-behaviour.md#confirmforgotpassword
  test('does not end existing sessions: the refresh token and access token from before still work', async () => {
    const tokens = await signedIn(deps, app, 'carol')
    await confirm(await forgot())
    const refresh = { ClientId: app.clientId, RefreshToken: tokens.RefreshToken }
    expect((await call(getTokensFromRefreshToken, refresh, deps)).AuthenticationResult.AccessToken).toBeDefined()
    expect((await call(getUser, { AccessToken: tokens.AccessToken }, deps)).Username).toBe('carol')
  })

  test('a user who was to change a temporary password is CONFIRMED', async () => {
    await createUser(deps, app.poolId, 'dave', { permanent: false, attributes: VERIFIED })
    await confirm(await forgot('dave'), NEW_PASSWORD, 'dave')
    expect(storedUser(deps, app.poolId, 'dave').status).toBe('CONFIRMED')
    expect((await adminSignIn(deps, app, 'dave', NEW_PASSWORD)).AuthenticationResult).toBeDefined()
  })

  test('LEGACY: an unknown user is UserNotFoundException, a disabled one NotAuthorizedException', async () => {
    expect(await failure(confirm('123456', NEW_PASSWORD, 'nobody'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
    const code = await forgot()
    deps.store.updateUser(storedUser(deps, app.poolId, 'carol'), { enabled: false })
    expect(await failure(confirm(code))).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' })
  })
})

// docs/cognito-behaviour.md#unknown-users
describe('ConfirmForgotPassword with PreventUserExistenceErrors ENABLED', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, {}, { PreventUserExistenceErrors: 'ENABLED' })
    await createUser(deps, app.poolId, 'carol', { attributes: VERIFIED })
  })

  const confirm = (username: string, code = '123456', password = NEW_PASSWORD) =>
    call(confirmForgotPassword, { ClientId: app.clientId, Username: username, ConfirmationCode: code, Password: password }, deps)
  const forgot = (username: string) => forgotPassword({ ClientId: app.clientId, Username: username }, deps)

  test('an unknown name is answered as a user is: expired before a code is asked for, then wrong, then over the limit', async () => {
    expect(await failure(confirm('nobody'))).toEqual(EXPIRED)
    expect(await failure(confirm('carol'))).toEqual(EXPIRED)
    await forgot('nobody')
    await forgot('carol')
    const real = lastResetCode(deps)
    const wrong = otherThan(real)
    for (let i = 0; i < 5; i++) {
      expect(await failure(confirm('nobody', wrong))).toEqual(MISMATCH)
      expect(await failure(confirm('carol', wrong))).toEqual(MISMATCH)
    }
    expect(await failure(confirm('nobody', wrong))).toEqual(LIMIT)
    expect(await failure(confirm('carol', real))).toEqual(LIMIT)
    deps.clock.advance(3600_000)
    expect(await failure(confirm('nobody', wrong))).toEqual(EXPIRED)
    expect(await failure(confirm('carol', real))).toEqual(EXPIRED)
  })

  test('the password policy is checked first, for every name alike', async () => {
    const policy = { name: 'InvalidPasswordException', message: 'Password did not conform with policy: Password not long enough' }
    expect(await failure(confirm('nobody', '123456', 'short'))).toEqual(policy)
    expect(await failure(confirm('carol', '123456', 'short'))).toEqual(policy)
  })

  test('a disabled user’s right code is refused as a wrong one', async () => {
    await forgot('carol')
    const code = lastResetCode(deps)
    deps.store.updateUser(storedUser(deps, app.poolId, 'carol'), { enabled: false })
    const before = storedUser(deps, app.poolId, 'carol')
    // The name asked for no code while disabled: the answer is that of a user without one.
    expect(await failure(confirm('carol', code))).toEqual(EXPIRED)
    await forgot('carol')
    expect(await failure(confirm('carol', code))).toEqual(MISMATCH)
    expect(storedUser(deps, app.poolId, 'carol')).toEqual(before) // the password is the same
  })
})

import {
  PASSWORD,
  call,
  createApp,
  createTestDeps,
  createUser,
  failure,
  lastResetCode,
  storedUser,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { confirmForgotPassword } from './confirm-forgot-password.ts'
import { forgotPassword } from './forgot-password.ts'
import { signUp } from './sign-up.ts'

const VERIFIED = { email_verified: 'true' }
const LIMIT = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' }

describe('ForgotPassword', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'carol', { attributes: VERIFIED })
  })

  const forgot = (username = 'carol') => call(forgotPassword, { ClientId: app.clientId, Username: username }, deps)
  const confirm = (code: string, username = 'carol') =>
    call(confirmForgotPassword, { ClientId: app.clientId, Username: username, ConfirmationCode: code, Password: 'N3w-password!' }, deps)

  test('prints a code for the verified email and answers where it went, masked', async () => {
    expect(await forgot()).toEqual({ CodeDeliveryDetails: { Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } })
    expect(deps.logs.at(-1)).toMatch(/^Password reset code for carol <carol@example\.com>: \d{6}$/)
    expect(storedUser(deps, app.poolId, 'carol').passwordResetCode?.code).toBe(lastResetCode(deps))
  })

  test('a new code replaces the previous one', async () => {
    await forgot()
    const old = lastResetCode(deps)
    let fresh = old
    // A new random code can equal the old one (1 in a million); ask until it differs.
    while (fresh === old) {
      await forgot()
      fresh = lastResetCode(deps)
    }
    expect((await failure(confirm(old))).name).toBe('CodeMismatchException')
    expect(await confirm(fresh)).toEqual({})
  })

  // docs/cognito-behaviour.md#password-reset-codes
  test('five codes an hour: the sixth is LimitExceededException and sends nothing; the hour after, codes again', async () => {
    await forgot()
    deps.clock.advance(30 * 60_000)
    for (let i = 0; i < 4; i++) await forgot()
    const printed = deps.logs.length
    expect(await failure(forgot())).toEqual(LIMIT)
    expect(deps.logs).toHaveLength(printed)
    deps.clock.advance(30 * 60_000)
    await forgot()
    expect(await confirm(lastResetCode(deps))).toEqual({})
  })

  test('a user without a verified email or phone number is InvalidParameterException, as Cognito words it', async () => {
    await createUser(deps, app.poolId, 'dave')
    expect(await failure(forgot('dave'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    })
    expect(deps.logs.some((line) => line.startsWith('Password reset code'))).toBe(false)
  })

  test('a verified phone number alone gets the code by SMS, masked to its last four digits', async () => {
    await createUser(deps, app.poolId, 'erin', { attributes: { phone_number: '+15555550123', phone_number_verified: 'true' } })
    expect(await forgot('erin')).toEqual({
      CodeDeliveryDetails: { Destination: '+*******0123', DeliveryMedium: 'SMS', AttributeName: 'phone_number' },
    })
  })

  test('an unconfirmed user has no verified address yet', async () => {
    await signUp(
      { ClientId: app.clientId, Username: 'frank', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'frank@example.com' }] },
      deps,
    )
    expect((await failure(forgot('frank'))).name).toBe('InvalidParameterException')
  })

  test('a disabled user is NotAuthorizedException', async () => {
    deps.store.updateUser(storedUser(deps, app.poolId, 'carol'), { enabled: false })
    expect(await failure(forgot())).toEqual({ name: 'NotAuthorizedException', message: 'User is disabled.' })
  })

  test('an unknown user is UserNotFoundException (PreventUserExistenceErrors LEGACY)', async () => {
    expect(await failure(forgot('nobody'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' })
  })
})

// docs/cognito-behaviour.md#unknown-users
describe('ForgotPassword with PreventUserExistenceErrors ENABLED', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, {}, { PreventUserExistenceErrors: 'ENABLED' })
  })

  const forgot = (username: string) => call(forgotPassword, { ClientId: app.clientId, Username: username }, deps)

  test('an unknown name, a disabled user and a user without a verified address all get a simulated delivery, and no code', async () => {
    await createUser(deps, app.poolId, 'dave')
    await createUser(deps, app.poolId, 'erin', { attributes: VERIFIED })
    deps.store.updateUser(storedUser(deps, app.poolId, 'erin'), { enabled: false })
    for (const name of ['nobody', 'dave', 'erin']) {
      const reply = await forgot(name)
      expect(reply).toEqual({
        CodeDeliveryDetails: { Destination: expect.stringMatching(/^.\*\*\*@.\*\*\*$/), DeliveryMedium: 'EMAIL', AttributeName: 'email' },
      })
      expect(await forgot(name)).toEqual(reply) // the same made-up address each time
    }
    expect(deps.logs.some((line) => line.startsWith('Password reset code'))).toBe(false)
  })

  test('an address is masked as a real user’s is', async () => {
    expect((await forgot('nobody@example.com')).CodeDeliveryDetails.Destination).toBe('n***@e***')
  })

  test('an unknown name reaches the same hourly limit as a user', async () => {
    for (let i = 0; i < 5; i++) await forgot('nobody')
    expect(await failure(forgot('nobody'))).toEqual(LIMIT)
  })
})

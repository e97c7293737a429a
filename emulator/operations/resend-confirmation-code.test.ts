import {
  PASSWORD,
  call,
  createApp,
  createTestDeps,
  createUser,
  failure,
  lastConfirmationCode as lastCode,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { confirmSignUp } from './confirm-sign-up.ts'
import { resendConfirmationCode } from './resend-confirmation-code.ts'
import { signUp } from './sign-up.ts'

describe('ResendConfirmationCode', () => {
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

  const confirm = (code: string) => call(confirmSignUp, { ClientId: app.clientId, Username: 'carol', ConfirmationCode: code }, deps)

  test('prints a new code, which confirms; the delivery details come back', async () => {
    const reply = await call(resendConfirmationCode, { ClientId: app.clientId, Username: 'carol' }, deps)
    expect(reply).toEqual({ CodeDeliveryDetails: { Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } })
    expect(deps.logs).toHaveLength(2)
    expect(await confirm(lastCode(deps))).toEqual({})
  })

  test('the new code replaces the old one', async () => {
    const old = lastCode(deps)
    let fresh = old
    // A new random code can equal the old one (1 in a million); ask until it differs.
    while (fresh === old) {
      await resendConfirmationCode({ ClientId: app.clientId, Username: 'carol' }, deps)
      fresh = lastCode(deps)
    }
    expect((await failure(confirm(old))).name).toBe('CodeMismatchException')
    expect(await confirm(fresh)).toEqual({})
  })

  test('a fresh code also restarts the 24 hours', async () => {
    deps.clock.advance(23 * 3600_000)
    await resendConfirmationCode({ ClientId: app.clientId, Username: 'carol' }, deps)
    deps.clock.advance(2 * 3600_000)
    expect(await confirm(lastCode(deps))).toEqual({})
  })

  // docs/cognito-behaviour.md#confirmation-code-limits
  test('five new codes an hour: the sixth is LimitExceededException and sends nothing; the hour after, new codes again', async () => {
    const resend = () => resendConfirmationCode({ ClientId: app.clientId, Username: 'carol' }, deps)
    await resend()
    deps.clock.advance(30 * 60_000)
    for (let i = 0; i < 4; i++) await resend()
    const printed = deps.logs.length
    expect(await failure(resend())).toEqual({ name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' })
    expect(deps.logs).toHaveLength(printed)
    // The hour began with the first new code.
    deps.clock.advance(30 * 60_000)
    await resend()
    expect(await confirm(lastCode(deps))).toEqual({})
  })

  test('a confirmed user is refused', async () => {
    await createUser(deps, app.poolId, 'alice')
    expect(await failure(resendConfirmationCode({ ClientId: app.clientId, Username: 'alice' }, deps))).toEqual({
      name: 'InvalidParameterException',
      message: 'User is already confirmed.',
    })
  })

  test('an unknown user is UserNotFoundException', async () => {
    expect((await failure(resendConfirmationCode({ ClientId: app.clientId, Username: 'nobody' }, deps))).name).toBe('UserNotFoundException')
  })
})

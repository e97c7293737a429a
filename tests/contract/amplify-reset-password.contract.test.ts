// Real aws-amplify v6 `resetPassword` / `confirmResetPassword` (in Node) against the local pool: the
// forgot-password flow the app's sign-in form will offer, and the reset an administrator forces
// (docs/cognito-behaviour.md#forgotpassword, docs/cognito-behaviour.md#adminresetuserpassword).
// The pool sends no mail: it prints the code, which stands in for the inbox here.
import { AdminResetUserPasswordCommand, CreateUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider'
import { Amplify } from 'aws-amplify'
import {
  confirmResetPassword,
  confirmSignIn,
  resetPassword,
  setUpTOTP,
  signIn,
  signOut,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth'
import { ConsoleLogger } from 'aws-amplify/utils'
import { createTestClock } from '../../emulator/state/clock.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, TOTP_STEP_MS, uniqueName, useLocalPool } from './harness.ts'

// Amplify warns on every configure that the endpoint is custom; that is the point here.
ConsoleLogger.LOG_LEVEL = 'ERROR'

// Frozen: TOTP steps and code expiry move only when a test moves the clock.
const clock = createTestClock(Date.now())
const logLines: string[] = []
failOnConsoleError()
const local = useLocalPool((pools) => pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!, { clock, log: (line) => logLines.push(line) })
const sdk = () => sdkClient(local.emulator.url)
const HOUR_MS = 3600_000

function useAmplifyWith(clientId: string = local.pool.clientId): void {
  Amplify.configure({ Auth: { Cognito: { userPoolId: local.pool.userPoolId, userPoolClientId: clientId, userPoolEndpoint: local.emulator.url } } })
}

beforeEach(() => useAmplifyWith())
// Amplify in Node keeps its tokens in memory: sign out so the next story starts anonymous.
afterEach(async () => {
  await signOut()
})

async function newUser(prefix: string): Promise<{ username: string; password: string }> {
  const username = uniqueName(prefix)
  const password = `${prefix}-Pass-2026!`
  await createConfirmedUser(sdk(), local.pool.userPoolId, username, password)
  return { username, password }
}

/** The last reset code the pool printed for `username`. */
function lastCodeFor(username: string): string {
  const line = logLines.findLast((entry) => entry.startsWith(`Password reset code for ${username} <`))
  const code = /: (\d{6})$/.exec(line ?? '')?.[1]
  if (!code) throw new Error(`no reset code was printed for ${username}`)
  return code
}

const otherThan = (code: string) => (code === '000000' ? '111111' : '000000')

test('forgot password: a code by email, a new password, and the next sign-in still asks for the authenticator’s code', async () => {
  const { username, password } = await newUser('amy')
  await signIn({ username, password })
  const { sharedSecret } = await setUpTOTP()
  await verifyTOTPSetup({ code: phoneCode(sharedSecret, clock.now()) })
  await updateMFAPreference({ totp: 'PREFERRED' })
  await signOut()

  const started = await resetPassword({ username })
  expect(started).toEqual({
    isPasswordReset: false,
    nextStep: {
      resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE',
      codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'a***@e***', attributeName: 'email' },
    },
  })
  await confirmResetPassword({ username, confirmationCode: lastCodeFor(username), newPassword: 'Amy-new-2026!' })

  expect((await rejectionOf(signIn({ username, password }))).name).toBe('NotAuthorizedException')
  const next = await signIn({ username, password: 'Amy-new-2026!' })
  expect(next.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE')
  clock.advance(TOTP_STEP_MS) // the set-up spent this step's code
  expect(await confirmSignIn({ challengeResponse: phoneCode(sharedSecret, clock.now()) })).toEqual({
    isSignedIn: true,
    nextStep: { signInStep: 'DONE' },
  })
})

test('a wrong code, a used code and an hour-old code are refused with their own errors', async () => {
  const { username } = await newUser('ben')
  await resetPassword({ username })
  const code = lastCodeFor(username)
  expect(await rejectionOf(confirmResetPassword({ username, confirmationCode: otherThan(code), newPassword: 'Ben-new-2026!' }))).toMatchObject({
    name: 'CodeMismatchException',
    message: 'Invalid verification code provided, please try again.',
  })
  await confirmResetPassword({ username, confirmationCode: code, newPassword: 'Ben-new-2026!' })
  expect((await rejectionOf(confirmResetPassword({ username, confirmationCode: code, newPassword: 'Ben-other-2026!' }))).name).toBe(
    'ExpiredCodeException',
  )

  await resetPassword({ username })
  clock.advance(HOUR_MS)
  expect(await rejectionOf(confirmResetPassword({ username, confirmationCode: lastCodeFor(username), newPassword: 'Ben-late-2026!' }))).toMatchObject(
    {
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    },
  )
})

// Amplify repeats a LimitExceededException three times, with back-off, before it gives up
// (docs/cognito-behaviour.md#confirmation-code-limits): the repeats are refused too, and count nothing.
test('a sixth code in an hour is LimitExceededException', { timeout: 30_000 }, async () => {
  const { username } = await newUser('cleo')
  for (let i = 0; i < 5; i++) await resetPassword({ username })
  expect(await rejectionOf(resetPassword({ username }))).toMatchObject({
    name: 'LimitExceededException',
    message: 'Attempt limit exceeded, please try after some time.',
  })
  // The fifth code still works.
  await confirmResetPassword({ username, confirmationCode: lastCodeFor(username), newPassword: 'Cleo-new-2026!' })
})

test('a new password that breaks the policy is InvalidPasswordException; the same code then takes a good one', async () => {
  const { username } = await newUser('dina')
  await resetPassword({ username })
  expect(await rejectionOf(confirmResetPassword({ username, confirmationCode: lastCodeFor(username), newPassword: 'Short1!' }))).toMatchObject({
    name: 'InvalidPasswordException',
    message: 'Password did not conform with policy: Password not long enough',
  })
  await confirmResetPassword({ username, confirmationCode: lastCodeFor(username), newPassword: 'Dina-new-2026!' })
  expect((await signIn({ username, password: 'Dina-new-2026!' })).isSignedIn).toBe(true)
})

test('an unknown name: UserNotFoundException under LEGACY; under ENABLED the same next step as a real user’s', async () => {
  expect((await rejectionOf(resetPassword({ username: 'nobody-at-all' }))).name).toBe('UserNotFoundException')

  const { UserPoolClient } = await sdk().send(
    new CreateUserPoolClientCommand({ UserPoolId: local.pool.userPoolId, ClientName: 'existence', PreventUserExistenceErrors: 'ENABLED' }),
  )
  useAmplifyWith(UserPoolClient!.ClientId!)
  const { username } = await newUser('eve')
  const known = await resetPassword({ username })
  const unknown = await resetPassword({ username: 'nobody-at-all' })
  expect(unknown.nextStep.resetPasswordStep).toBe(known.nextStep.resetPasswordStep)
  expect(unknown.nextStep.codeDeliveryDetails).toEqual({
    deliveryMedium: 'EMAIL',
    attributeName: 'email',
    destination: expect.stringMatching(/^.\*\*\*@.\*\*\*$/),
  })
  expect((await rejectionOf(confirmResetPassword({ username: 'nobody-at-all', confirmationCode: '123456', newPassword: 'Nobody-2026!' }))).name).toBe(
    'CodeMismatchException',
  )
})

test('after AdminResetUserPassword, sign-in is the RESET_PASSWORD step; the reset flow then signs the user in', async () => {
  const { username, password } = await newUser('finn')
  await sdk().send(new AdminResetUserPasswordCommand({ UserPoolId: local.pool.userPoolId, Username: username }))

  expect(await signIn({ username, password })).toEqual({ isSignedIn: false, nextStep: { signInStep: 'RESET_PASSWORD' } })
  // The same step by USER_PASSWORD_AUTH, on a client that allows it (the demo client allows SRP only).
  const { UserPoolClient } = await sdk().send(
    new CreateUserPoolClientCommand({
      UserPoolId: local.pool.userPoolId,
      ClientName: 'password',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  useAmplifyWith(UserPoolClient!.ClientId!)
  expect(await signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } })).toEqual({
    isSignedIn: false,
    nextStep: { signInStep: 'RESET_PASSWORD' },
  })
  // The app starts the reset flow over, as amplify-ui does: a second code, which replaces the administrator's.
  await resetPassword({ username })
  await confirmResetPassword({ username, confirmationCode: lastCodeFor(username), newPassword: 'Finn-new-2026!' })
  expect(await signIn({ username, password: 'Finn-new-2026!' })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
})

// Forgot password and an administrator's reset through the real AWS SDK for JavaScript v3, against the
// local pool over HTTP: ForgotPassword → the code (printed by the pool, its stand-in for email) →
// ConfirmForgotPassword, with the limits and errors of docs/cognito-behaviour.md#password-reset-codes.
import {
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AssociateSoftwareTokenCommand,
  ConfirmForgotPasswordCommand,
  CreateUserPoolClientCommand,
  ForgotPasswordCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { createTestClock } from '../../emulator/state/clock.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, TOTP_STEP_MS, uniqueName, useLocalPool } from './harness.ts'

// Frozen: codes expire and limits reset only when a test moves the clock.
const clock = createTestClock(Date.now())
const logLines: string[] = []
failOnConsoleError()
const local = useLocalPool((pools) => pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!, { clock, log: (line) => logLines.push(line) })
const sdk = () => sdkClient(local.emulator.url)
const HOUR_MS = 3600_000

/** A confirmed user with a verified email, as a seed script creates one. */
async function newUser(prefix: string): Promise<{ username: string; password: string }> {
  const username = uniqueName(prefix)
  const password = `${prefix}-Pass-2026!`
  await createConfirmedUser(sdk(), local.pool.userPoolId, username, password)
  return { username, password }
}

/** The last reset code the pool printed for `username`: what would be in their inbox. */
function lastCodeFor(username: string): string {
  const line = logLines.findLast((entry) => entry.startsWith(`Password reset code for ${username} <`))
  const code = /: (\d{6})$/.exec(line ?? '')?.[1]
  if (!code) throw new Error(`no reset code was printed for ${username}`)
  return code
}

const forgot = (username: string, clientId = local.pool.clientId) => sdk().send(new ForgotPasswordCommand({ ClientId: clientId, Username: username }))
const confirm = (username: string, code: string, password: string, clientId = local.pool.clientId) =>
  sdk().send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: username, ConfirmationCode: code, Password: password }))
const signIn = (username: string, password: string) =>
  sdk().send(
    new AdminInitiateAuthCommand({
      UserPoolId: local.pool.userPoolId,
      ClientId: local.pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  )
const otherThan = (code: string) => (code === '000000' ? '111111' : '000000')

test('request → code → new password → the authenticator is still there: the next sign-in asks for its code', async () => {
  const { username, password } = await newUser('rita')
  // Set up the authenticator, as the Security page does, and make it the second factor.
  const { AuthenticationResult } = await signIn(username, password)
  const accessToken = AuthenticationResult!.AccessToken!
  const { SecretCode } = await sdk().send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }))
  await sdk().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: phoneCode(SecretCode!, clock.now()) }))
  await sdk().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))

  const reply = await forgot(username)
  expect(reply.CodeDeliveryDetails).toEqual({ Destination: 'r***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' })
  await confirm(username, lastCodeFor(username), 'Rita-new-2026!')

  expect((await rejectionOf(signIn(username, password))).message).toBe('Incorrect username or password.')
  const next = await signIn(username, 'Rita-new-2026!')
  expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  expect(next.AuthenticationResult).toBeUndefined()
  clock.advance(TOTP_STEP_MS) // the set-up spent this step's code
  const done = await sdk().send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: local.pool.userPoolId,
      ClientId: local.pool.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: next.Session,
      ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: phoneCode(SecretCode!, clock.now()) },
    }),
  )
  expect(done.AuthenticationResult?.AccessToken).toBeDefined()
})

test('a wrong code is CodeMismatchException, a used one and an hour-old one ExpiredCodeException', async () => {
  const { username } = await newUser('sam')
  await forgot(username)
  const code = lastCodeFor(username)
  expect(await rejectionOf(confirm(username, otherThan(code), 'Sam-new-2026!'))).toMatchObject({
    name: 'CodeMismatchException',
    message: 'Invalid verification code provided, please try again.',
  })
  await confirm(username, code, 'Sam-new-2026!')
  expect(await rejectionOf(confirm(username, code, 'Sam-other-2026!'))).toMatchObject({
    name: 'ExpiredCodeException',
    message: 'Invalid code provided, please request a code again.',
  })

  await forgot(username)
  clock.advance(HOUR_MS)
  expect((await rejectionOf(confirm(username, lastCodeFor(username), 'Sam-late-2026!'))).name).toBe('ExpiredCodeException')
})

test('five codes an hour, and five wrong codes: then LimitExceededException', async () => {
  const { username } = await newUser('tess')
  for (let i = 0; i < 5; i++) await forgot(username)
  expect(await rejectionOf(forgot(username))).toMatchObject({
    name: 'LimitExceededException',
    message: 'Attempt limit exceeded, please try after some time.',
  })
  const code = lastCodeFor(username)
  for (let i = 0; i < 5; i++) expect((await rejectionOf(confirm(username, otherThan(code), 'Tess-new-2026!'))).name).toBe('CodeMismatchException')
  expect((await rejectionOf(confirm(username, code, 'Tess-new-2026!'))).name).toBe('LimitExceededException')
  clock.advance(HOUR_MS)
  await forgot(username)
  await confirm(username, lastCodeFor(username), 'Tess-new-2026!')
  expect((await signIn(username, 'Tess-new-2026!')).AuthenticationResult).toBeDefined()
})

test('a new password that breaks the policy is InvalidPasswordException, and the code still works after', async () => {
  const { username } = await newUser('uma')
  await forgot(username)
  expect(await rejectionOf(confirm(username, lastCodeFor(username), 'alllowercase'))).toMatchObject({
    name: 'InvalidPasswordException',
    message: 'Password did not conform with policy: Password must have uppercase characters',
  })
  await confirm(username, lastCodeFor(username), 'Uma-new-2026!')
})

test('an unknown name: UserNotFoundException with LEGACY; with ENABLED, an answer shaped like a user’s', async () => {
  expect(await rejectionOf(forgot('nobody-here'))).toMatchObject({ name: 'UserNotFoundException', message: 'User does not exist.' })
  const { UserPoolClient } = await sdk().send(
    new CreateUserPoolClientCommand({ UserPoolId: local.pool.userPoolId, ClientName: 'existence', PreventUserExistenceErrors: 'ENABLED' }),
  )
  const clientId = UserPoolClient!.ClientId!
  const { username } = await newUser('vera')
  const known = await forgot(username, clientId)
  const unknown = await forgot('nobody-here', clientId)
  expect(Object.keys(unknown.CodeDeliveryDetails!).sort()).toEqual(Object.keys(known.CodeDeliveryDetails!).sort())
  expect(unknown.CodeDeliveryDetails).toMatchObject({
    DeliveryMedium: 'EMAIL',
    AttributeName: 'email',
    Destination: expect.stringMatching(/^.\*\*\*@.\*\*\*$/),
  })
  expect((await rejectionOf(confirm('nobody-here', '123456', 'Nobody-2026!', clientId))).name).toBe('CodeMismatchException')
  expect((await rejectionOf(confirm(username, otherThan(lastCodeFor(username)), 'Vera-new-2026!', clientId))).name).toBe('CodeMismatchException')
})

test('AdminResetUserPassword: sign-in is PasswordResetRequiredException until ConfirmForgotPassword with the code', async () => {
  const { username, password } = await newUser('wes')
  await sdk().send(new AdminResetUserPasswordCommand({ UserPoolId: local.pool.userPoolId, Username: username }))
  expect(await rejectionOf(signIn(username, password))).toMatchObject({
    name: 'PasswordResetRequiredException',
    message: 'Password reset required for the user',
  })
  await confirm(username, lastCodeFor(username), 'Wes-new-2026!')
  expect((await signIn(username, 'Wes-new-2026!')).AuthenticationResult).toBeDefined()
})

test('a browser may ask for and confirm a reset, never reset a password as an administrator', async () => {
  const post = (operation: string, body: object) =>
    fetch(local.emulator.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
        Origin: 'http://127.0.0.1:5173',
      },
      body: JSON.stringify(body),
    })
  const { username } = await newUser('xena')
  expect((await post('ForgotPassword', { ClientId: local.pool.clientId, Username: username })).status).toBe(200)
  const refused = await post('AdminResetUserPassword', { UserPoolId: local.pool.userPoolId, Username: username })
  expect(refused.status).toBe(403)
  expect(((await refused.json()) as { __type: string }).__type).toBe('ForbiddenException')
  expect(
    (
      await post('ConfirmForgotPassword', {
        ClientId: local.pool.clientId,
        Username: username,
        ConfirmationCode: lastCodeFor(username),
        Password: 'Xena-new-2026!',
      })
    ).status,
  ).toBe(200)
})

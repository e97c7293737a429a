// AdminDeleteSoftwareToken through the real AWS SDK against the local pool: support's lost-phone
// reset (docs/cognito-behaviour.md#admindeletesoftwaretoken). After it, an OPTIONAL pool signs the
// user in without a code and an ON pool answers MFA_SETUP; GetUser no longer lists TOTP; and the lost
// phone's codes do not work for the authenticator the user sets up next.
import {
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import type { LocalPool } from '../../emulator/seed.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, uniqueName, useLocalPool } from './harness.ts'

const PASSWORD = 'Reset-phone-2026!'
failOnConsoleError()
const local = useLocalPool()
const sdk = () => sdkClient(local.emulator.url)
const poolWith = (mfa: 'OPTIONAL' | 'ON'): LocalPool => local.emulator.pools().find((pool) => pool.mfaConfiguration === mfa)!

function adminSignIn(pool: LocalPool, username: string) {
  return sdk().send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.userPoolId,
      ClientId: pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  )
}

function reset(pool: LocalPool, username: string) {
  return sdk().send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: pool.userPoolId, Username: username }))
}

async function totpListed(accessToken: string): Promise<boolean> {
  const user = await sdk().send(new GetUserCommand({ AccessToken: accessToken }))
  return user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false
}

test('OPTIONAL pool: after the reset sign-in asks no code, GetUser lists no TOTP, and the lost phone cannot verify the new authenticator', async () => {
  const pool = poolWith('OPTIONAL')
  const username = uniqueName('lost-phone')
  await createConfirmedUser(sdk(), pool.userPoolId, username, PASSWORD)
  const accessToken = (await adminSignIn(pool, username)).AuthenticationResult!.AccessToken!
  const { SecretCode: lost } = await sdk().send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }))
  await sdk().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: phoneCode(lost!, Date.now()) }))
  await sdk().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))
  expect((await adminSignIn(pool, username)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  expect(await totpListed(accessToken)).toBe(true)

  const answer = await reset(pool, username)
  expect(answer.$metadata.httpStatusCode).toBe(200)

  expect(await totpListed(accessToken)).toBe(false)
  const admin = await sdk().send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: username }))
  expect(admin.UserMFASettingList ?? []).toEqual([])
  expect(admin.PreferredMfaSetting).toBeUndefined()
  const signIn = await adminSignIn(pool, username)
  expect(signIn.ChallengeName).toBeUndefined()
  expect(signIn.AuthenticationResult?.AccessToken).toEqual(expect.any(String))
  // Whoever holds a session cannot switch the old token back on: there is none.
  expect(
    (
      await rejectionOf(
        sdk().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } })),
      )
    ).name,
  ).toBe('InvalidParameterException')

  // Set up again on Security: the lost phone's code is refused, the new phone's accepted.
  const { SecretCode: fresh } = await sdk().send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }))
  expect(fresh).not.toBe(lost)
  expect(
    (await rejectionOf(sdk().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: phoneCode(lost!, Date.now()) })))).name,
  ).toBe('EnableSoftwareTokenMFAException')
  expect((await sdk().send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: phoneCode(fresh!, Date.now()) }))).Status).toBe(
    'SUCCESS',
  )
  await sdk().send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))
  const next = await adminSignIn(pool, username)
  expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  const refused = await rejectionOf(
    sdk().send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: pool.userPoolId,
        ClientId: pool.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: next.Session,
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: phoneCode(lost!, Date.now()) },
      }),
    ),
  )
  expect(refused.name).toBe('CodeMismatchException')
})

test('ON pool: after the reset the next sign-in answers MFA_SETUP, and the new authenticator is set up there', async () => {
  const pool = poolWith('ON')
  const username = uniqueName('lost-phone-required')
  await createConfirmedUser(sdk(), pool.userPoolId, username, PASSWORD)
  const setUp = async (): Promise<{ secret: string; accessToken: string }> => {
    const challenge = await adminSignIn(pool, username)
    expect(challenge.ChallengeName).toBe('MFA_SETUP')
    const associated = await sdk().send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }))
    const verified = await sdk().send(
      new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: phoneCode(associated.SecretCode!, Date.now()) }),
    )
    const done = await sdk().send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: pool.userPoolId,
        ClientId: pool.clientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: { USERNAME: username },
      }),
    )
    return { secret: associated.SecretCode!, accessToken: done.AuthenticationResult!.AccessToken! }
  }
  const first = await setUp()
  expect((await adminSignIn(pool, username)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA')

  await reset(pool, username)

  expect(await totpListed(first.accessToken)).toBe(false)
  const challenge = await adminSignIn(pool, username)
  expect(challenge.ChallengeName).toBe('MFA_SETUP')
  // The lost phone's code does not verify the authenticator set up at this sign-in.
  const associated = await sdk().send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }))
  expect(
    (await rejectionOf(sdk().send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: phoneCode(first.secret, Date.now()) }))))
      .name,
  ).toBe('EnableSoftwareTokenMFAException')
  const second = await setUp()
  expect(second.secret).not.toBe(first.secret)
  expect(await totpListed(second.accessToken)).toBe(true)
})

test('a user without an authenticator is answered {} (our choice); an unknown user is UserNotFoundException', async () => {
  const pool = poolWith('OPTIONAL')
  const username = uniqueName('no-phone')
  await createConfirmedUser(sdk(), pool.userPoolId, username, PASSWORD)
  expect((await reset(pool, username)).$metadata.httpStatusCode).toBe(200)
  expect((await adminSignIn(pool, username)).AuthenticationResult).toBeDefined()
  expect((await rejectionOf(reset(pool, uniqueName('nobody')))).name).toBe('UserNotFoundException')
})

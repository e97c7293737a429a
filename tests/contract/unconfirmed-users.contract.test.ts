// Issue 12, item 3: a user who signed up but never confirmed. Cognito's LEGACY clients answer
// UserNotConfirmedException before looking at the password (so Amplify's signIn leads to CONFIRM_SIGN_UP
// even with a mistyped password); ENABLED clients answer a wrong password as they answer any name, and
// say "not confirmed" only to the right one (docs/cognito-behaviour.md#account-states).
import {
  AdminInitiateAuthCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import { Amplify } from 'aws-amplify'
import { signIn, signOut } from 'aws-amplify/auth'
import { srpClientStart } from '../../emulator/test-support.ts'
import { failOnConsoleError, rejectionOf, sdkClient, uniqueName, useLocalPool } from './harness.ts'

failOnConsoleError()
const local = useLocalPool((pools) => pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!)
let sdk: CognitoIdentityProviderClient
/** A client of the same pool with PreventUserExistenceErrors ENABLED (the demo clients are LEGACY). */
let enabledClientId: string
const PASSWORD = 'Unconfirmed-2026!'
const WRONG = 'Mistyped-pass-2026!'

beforeAll(async () => {
  sdk = sdkClient(local.emulator.url)
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: local.pool.userPoolId,
      ClientName: 'existence errors enabled',
      PreventUserExistenceErrors: 'ENABLED',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  enabledClientId = UserPoolClient!.ClientId!
  useAmplifyWith(local.pool.clientId)
})

afterEach(async () => {
  await signOut()
})

async function signedUpUser(): Promise<string> {
  const username = uniqueName('pending')
  await sdk.send(
    new SignUpCommand({
      ClientId: local.pool.clientId,
      Username: username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  )
  return username
}

function useAmplifyWith(clientId: string): void {
  Amplify.configure({ Auth: { Cognito: { userPoolId: local.pool.userPoolId, userPoolClientId: clientId, userPoolEndpoint: local.emulator.url } } })
}

describe('a LEGACY client (the API default)', () => {
  test('the AWS SDK gets UserNotConfirmedException for a wrong password, at password sign-in and at the start of SRP', async () => {
    const username = await signedUpUser()
    const admin = await rejectionOf(
      sdk.send(
        new AdminInitiateAuthCommand({
          UserPoolId: local.pool.userPoolId,
          ClientId: local.pool.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: WRONG },
        }),
      ),
    )
    expect([admin.name, admin.message]).toEqual(['UserNotConfirmedException', 'User is not confirmed.'])
    const srp = await rejectionOf(
      sdk.send(
        new InitiateAuthCommand({
          ClientId: local.pool.clientId,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME: username, SRP_A: srpClientStart().srpA },
        }),
      ),
    )
    expect(srp.name).toBe('UserNotConfirmedException')
  })

  test("Amplify's signIn with a mistyped password leads to CONFIRM_SIGN_UP", async () => {
    const username = await signedUpUser()
    useAmplifyWith(local.pool.clientId)
    const result = await signIn({ username, password: WRONG })
    expect(result).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } })
  })
})

describe('an ENABLED client', () => {
  test('the AWS SDK gets "Incorrect username or password." for a wrong password, UserNotConfirmedException for the right one', async () => {
    const username = await signedUpUser()
    const attempt = (password: string) =>
      rejectionOf(
        sdk.send(
          new InitiateAuthCommand({
            ClientId: enabledClientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: username, PASSWORD: password },
          }),
        ),
      )
    const wrong = await attempt(WRONG)
    expect([wrong.name, wrong.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.'])
    expect((await attempt(PASSWORD)).name).toBe('UserNotConfirmedException')
  })

  test("Amplify's signIn (SRP) is refused for a wrong password and leads to CONFIRM_SIGN_UP with the right one", async () => {
    const username = await signedUpUser()
    useAmplifyWith(enabledClientId)
    expect((await rejectionOf(signIn({ username, password: WRONG }))).name).toBe('NotAuthorizedException')
    expect(await signIn({ username, password: PASSWORD })).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } })
  })
})

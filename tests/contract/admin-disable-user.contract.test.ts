// Issue 12: AdminDisableUser / AdminEnableUser through the AWS SDK: a disabled user cannot sign in or
// refresh, and the admin reads show Enabled false (docs/cognito-behaviour.md#admindisableuser).
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  ListUsersCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, uniqueName, useLocalPool } from './harness.ts'

failOnConsoleError()
const local = useLocalPool((pools) => pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!)
let sdk: CognitoIdentityProviderClient
const PASSWORD = 'Disabled-user-2026!'

beforeAll(() => {
  sdk = sdkClient(local.emulator.url)
})

function signIn(username: string) {
  return sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: local.pool.userPoolId,
      ClientId: local.pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  )
}

test('disabled: no sign-in, no refresh, Enabled false in AdminGetUser and ListUsers; enabled again: signs in', async () => {
  const username = uniqueName('disabled')
  await createConfirmedUser(sdk, local.pool.userPoolId, username, PASSWORD)
  const { AuthenticationResult } = await signIn(username)

  await sdk.send(new AdminDisableUserCommand({ UserPoolId: local.pool.userPoolId, Username: username }))
  const refused = await rejectionOf(signIn(username))
  expect([refused.name, refused.message]).toEqual(['NotAuthorizedException', 'User is disabled.'])
  const refresh = await rejectionOf(
    sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: local.pool.userPoolId,
        ClientId: local.pool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: AuthenticationResult!.RefreshToken! },
      }),
    ),
  )
  expect([refresh.name, refresh.message]).toEqual(['NotAuthorizedException', 'User is disabled.'])
  expect((await sdk.send(new AdminGetUserCommand({ UserPoolId: local.pool.userPoolId, Username: username }))).Enabled).toBe(false)
  const { Users } = await sdk.send(new ListUsersCommand({ UserPoolId: local.pool.userPoolId, Filter: `username = "${username}"` }))
  expect(Users?.map((user) => user.Enabled)).toEqual([false])

  await sdk.send(new AdminEnableUserCommand({ UserPoolId: local.pool.userPoolId, Username: username }))
  expect((await signIn(username)).AuthenticationResult?.AccessToken).toEqual(expect.any(String))
  expect((await sdk.send(new AdminGetUserCommand({ UserPoolId: local.pool.userPoolId, Username: username }))).Enabled).toBe(true)
})

test('a browser page may not disable a user', async () => {
  const response = await fetch(local.emulator.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminDisableUser',
      Origin: 'http://127.0.0.1:5173',
    },
    body: JSON.stringify({ UserPoolId: local.pool.userPoolId, Username: 'alice' }),
  })
  expect(response.status).toBe(403)
})

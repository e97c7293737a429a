// Issue 12, item 2: app clients created with the legacy ExplicitAuthFlows names (USER_PASSWORD_AUTH,
// ADMIN_NO_SRP_AUTH), as older seed scripts and templates still create them, keep SRP and refresh as on
// Cognito; a list that mixes them with ALLOW_ names is refused (docs/cognito-behaviour.md#app-client-defaults).
import {
  AdminInitiateAuthCommand,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider'
import { passwordClaim, srpClientStart, srpTimestamp } from '../../emulator/test-support.ts'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, uniqueName, useLocalPool } from './harness.ts'

failOnConsoleError()
const local = useLocalPool((pools) => pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!)
let sdk: CognitoIdentityProviderClient
const PASSWORD = 'Legacy-flows-2026!'

beforeAll(() => {
  sdk = sdkClient(local.emulator.url)
})

async function legacyClient(flows: ExplicitAuthFlowsType[]): Promise<string> {
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({ UserPoolId: local.pool.userPoolId, ClientName: `legacy ${flows.join(' ')}`, ExplicitAuthFlows: flows }),
  )
  return UserPoolClient!.ClientId!
}

async function srpSignIn(clientId: string, username: string) {
  const { a, srpA } = srpClientStart()
  const started = await sdk.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srpA } }),
  )
  const claim = passwordClaim({
    poolId: local.pool.userPoolId,
    a,
    challengeParameters: started.ChallengeParameters!,
    password: PASSWORD,
    timestamp: srpTimestamp(Date.now()),
  })
  return sdk.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: started.Session,
      ChallengeResponses: claim,
    }),
  )
}

test('USER_PASSWORD_AUTH alone: password sign-in, SRP and refresh all work; the list is described as given', async () => {
  const clientId = await legacyClient(['USER_PASSWORD_AUTH'])
  const username = uniqueName('legacy')
  await createConfirmedUser(sdk, local.pool.userPoolId, username, PASSWORD)

  const signedIn = await sdk.send(
    new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD } }),
  )
  expect((await srpSignIn(clientId, username)).AuthenticationResult?.AccessToken).toEqual(expect.any(String))
  const refreshed = await sdk.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult!.RefreshToken! },
    }),
  )
  expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String))
  const { UserPoolClient } = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: local.pool.userPoolId, ClientId: clientId }))
  expect(UserPoolClient?.ExplicitAuthFlows).toEqual(['USER_PASSWORD_AUTH'])
})

test('ADMIN_NO_SRP_AUTH alone: admin password sign-in, SRP and refresh work; USER_PASSWORD_AUTH does not', async () => {
  const clientId = await legacyClient(['ADMIN_NO_SRP_AUTH'])
  const username = uniqueName('legacy')
  await createConfirmedUser(sdk, local.pool.userPoolId, username, PASSWORD)

  const signedIn = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: local.pool.userPoolId,
      ClientId: clientId,
      AuthFlow: 'ADMIN_NO_SRP_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  )
  expect((await srpSignIn(clientId, username)).AuthenticationResult?.IdToken).toEqual(expect.any(String))
  const refreshed = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: local.pool.userPoolId,
      ClientId: clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult!.RefreshToken! },
    }),
  )
  expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String))
  const error = await rejectionOf(
    sdk.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD } })),
  )
  expect(error.name).toBe('InvalidParameterException')
})

test('a list that mixes legacy and ALLOW_ names is refused', async () => {
  const error = await rejectionOf(legacyClient(['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']))
  expect(error.name).toBe('InvalidParameterException')
})

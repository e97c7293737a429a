// Issue 12, item 1: Python and Go SRP clients answer PASSWORD_VERIFIER with no Session (the service
// model requires only ClientId and ChallengeName), and Cognito accepts them. The AWS SDK sends what it is
// given, so this test is such a client: SRP computed here, exactly as Amplify computes it, and the
// SECRET_BLOCK the pool issued as the only handle on the login (docs/cognito-behaviour.md#respondtoauthchallenge).
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import { passwordClaim, srpClientStart, srpTimestamp } from '../../emulator/test-support.ts'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, uniqueName, useLocalPool } from './harness.ts'

failOnConsoleError()
const local = useLocalPool((pools) => pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!)
let sdk: CognitoIdentityProviderClient

beforeAll(() => {
  sdk = sdkClient(local.emulator.url)
})

const PASSWORD = 'Srp-no-session-2026!'

async function newUser(): Promise<string> {
  const username = uniqueName('srp')
  await createConfirmedUser(sdk, local.pool.userPoolId, username, PASSWORD)
  return username
}

/** InitiateAuth USER_SRP_AUTH, and the claim a client without Session support would send. */
async function startSrp(username: string, password: string) {
  const { a, srpA } = srpClientStart()
  const started = await sdk.send(
    new InitiateAuthCommand({ ClientId: local.pool.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srpA } }),
  )
  expect(started.ChallengeName).toBe('PASSWORD_VERIFIER')
  const claim = passwordClaim({
    poolId: local.pool.userPoolId,
    a,
    challengeParameters: started.ChallengeParameters!,
    password,
    timestamp: srpTimestamp(Date.now()),
  })
  return { started, claim }
}

test('PASSWORD_VERIFIER with no Session signs in with the right password', async () => {
  const { claim } = await startSrp(await newUser(), PASSWORD)
  const reply = await sdk.send(
    new RespondToAuthChallengeCommand({ ClientId: local.pool.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: claim }),
  )
  expect(reply.AuthenticationResult?.AccessToken).toEqual(expect.any(String))
  expect(reply.AuthenticationResult?.RefreshToken).toEqual(expect.any(String))
})

test('a wrong password with no Session is NotAuthorizedException "Incorrect username or password."', async () => {
  const { claim } = await startSrp(await newUser(), 'Not-the-password-1!')
  const error = await rejectionOf(
    sdk.send(new RespondToAuthChallengeCommand({ ClientId: local.pool.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: claim })),
  )
  expect(error.name).toBe('NotAuthorizedException')
  expect(error.message).toBe('Incorrect username or password.')
})

test('the SECRET_BLOCK is single use: answering again with it is refused', async () => {
  const { claim } = await startSrp(await newUser(), PASSWORD)
  const answer = () =>
    sdk.send(new RespondToAuthChallengeCommand({ ClientId: local.pool.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: claim }))
  await answer()
  const error = await rejectionOf(answer())
  expect(error.name).toBe('NotAuthorizedException')
  expect(error.message).toBe('Invalid session for the user, session can only be used once.')
})

test('AdminRespondToAuthChallenge PASSWORD_VERIFIER with no Session signs in too', async () => {
  const username = await newUser()
  const { a, srpA } = srpClientStart()
  const started = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: local.pool.userPoolId,
      ClientId: local.pool.clientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: username, SRP_A: srpA },
    }),
  )
  const claim = passwordClaim({
    poolId: local.pool.userPoolId,
    a,
    challengeParameters: started.ChallengeParameters!,
    password: PASSWORD,
    timestamp: srpTimestamp(Date.now()),
  })
  const reply = await sdk.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: local.pool.userPoolId,
      ClientId: local.pool.clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: claim,
    }),
  )
  expect(reply.AuthenticationResult?.IdToken).toEqual(expect.any(String))
})

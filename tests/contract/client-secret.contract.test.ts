// Issue 12, client secrets: an app client created with GenerateSecret gets a ClientSecret, and every call
// from it that Cognito checks needs SECRET_HASH (base64 HMAC-SHA256 of username + client id, keyed by the
// secret), through the AWS SDK and the AWS CLI (docs/cognito-behaviour.md#client-secrets). The app's local
// mode (/_local/config) is never given such a client, nor its secret.
import { execFile } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { promisify } from 'node:util'
import {
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { awsCliEnv, failOnConsoleError, jwtPayload, rejectionOf, sdkClient, uniqueName } from './harness.ts'

const run = promisify(execFile)
const CLI_TIMEOUT_MS = 60_000
const PASSWORD = 'Secret-client-2026!'
failOnConsoleError()

let emulator: RunningEmulator
let sdk: CognitoIdentityProviderClient
let poolId: string
let clientId: string
let clientSecret: string
let publicClientId: string
/** What the pool prints: the confirmation codes it "sends" among them. */
const logs: string[] = []

/** What a server-side app computes (AWS developer guide, "Computing secret hash values"). */
const secretHash = (username: string) =>
  createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64')

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: false, log: (line) => logs.push(line) })
  sdk = sdkClient(emulator.url)
  const { UserPool } = await sdk.send(
    new CreateUserPoolCommand({ PoolName: 'server side', MfaConfiguration: 'OFF', AutoVerifiedAttributes: ['email'] }),
  )
  poolId = UserPool!.Id!
  // The secret client first: the app's local mode must still pick the public one.
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'server',
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  clientId = UserPoolClient!.ClientId!
  clientSecret = UserPoolClient!.ClientSecret!
  const publicClient = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'browser' }))
  publicClientId = publicClient.UserPoolClient!.ClientId!
})

afterAll(async () => {
  await emulator.close()
})

/** A user signed up and confirmed through the secret client, with the code the pool printed. */
async function signedUpUser(): Promise<string> {
  const username = uniqueName('server')
  await sdk.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: username,
      Password: PASSWORD,
      SecretHash: secretHash(username),
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  )
  const code = /: (\d{6})$/.exec(logs.findLast((line) => line.startsWith(`Confirmation code for ${username}`)) ?? '')?.[1]
  const confirm = (hash?: string) =>
    sdk.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode: code, SecretHash: hash }))
  expect((await rejectionOf(confirm())).name).toBe('NotAuthorizedException')
  await confirm(secretHash(username))
  return username
}

describe('the AWS SDK', () => {
  test('CreateUserPoolClient GenerateSecret issues a secret that DescribeUserPoolClient returns', async () => {
    expect(clientSecret).toMatch(/^[a-z0-9]{52}$/)
    const { UserPoolClient } = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))
    expect(UserPoolClient?.ClientSecret).toBe(clientSecret)
  })

  test("a missing or wrong SECRET_HASH is refused with Cognito's messages; the right one signs in and refreshes", async () => {
    const username = await signedUpUser()
    const signIn = (hash?: string) =>
      sdk.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD, ...(hash === undefined ? {} : { SECRET_HASH: hash }) },
        }),
      )
    const missing = await rejectionOf(signIn())
    expect([missing.name, missing.message]).toEqual([
      'NotAuthorizedException',
      `Client ${clientId} is configured with secret but SECRET_HASH was not received`,
    ])
    const wrong = await rejectionOf(signIn(secretHash('someone-else')))
    expect([wrong.name, wrong.message]).toEqual(['NotAuthorizedException', `Unable to verify secret hash for client ${clientId}`])

    const { AuthenticationResult } = await signIn(secretHash(username))
    const sub = String(jwtPayload(AuthenticationResult!.AccessToken!).sub)
    // A refresh names no one: the hash is of the token's user (here by sub, as AWS's SDKs compute it).
    const refreshed = await sdk.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: AuthenticationResult!.RefreshToken!, SECRET_HASH: secretHash(sub) },
      }),
    )
    expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String))
    const viaGetTokens = await sdk.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: clientId, ClientSecret: clientSecret, RefreshToken: AuthenticationResult!.RefreshToken! }),
    )
    expect(viaGetTokens.AuthenticationResult?.IdToken).toEqual(expect.any(String))
  })

  test('SignUp and ForgotPassword need SecretHash too', async () => {
    const username = uniqueName('server')
    const signUp = await rejectionOf(sdk.send(new SignUpCommand({ ClientId: clientId, Username: username, Password: PASSWORD })))
    expect(signUp.name).toBe('NotAuthorizedException')
    const existing = await signedUpUser()
    const forgot = await rejectionOf(
      sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: existing, SecretHash: secretHash(username) })),
    )
    expect(forgot.message).toBe(`Unable to verify secret hash for client ${clientId}`)
    const sent = await sdk.send(new ForgotPasswordCommand({ ClientId: clientId, Username: existing, SecretHash: secretHash(existing) }))
    expect(sent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL')
  })
})

describe('the AWS CLI', () => {
  const cognitoIdp = async (...args: string[]) => {
    const { stdout } = await run('aws', ['cognito-idp', ...args, '--endpoint-url', emulator.url, '--output', 'json'], {
      env: awsCliEnv,
      timeout: CLI_TIMEOUT_MS,
    })
    return JSON.parse(stdout) as Record<string, Record<string, string>>
  }

  test(
    'create-user-pool-client --generate-secret, then initiate-auth with and without SECRET_HASH',
    async () => {
      const created = await cognitoIdp(
        'create-user-pool-client',
        '--user-pool-id',
        poolId,
        '--client-name',
        'cli',
        '--generate-secret',
        '--explicit-auth-flows',
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      )
      const cliClientId = created.UserPoolClient.ClientId
      const cliSecret = created.UserPoolClient.ClientSecret
      expect(cliSecret).toMatch(/^[a-z0-9]{52}$/)
      const username = await signedUpUser()
      const hash = createHmac('sha256', cliSecret)
        .update(username + cliClientId)
        .digest('base64')
      // JSON, not shorthand: a base64 hash may end in "=".
      const signIn = (parameters: Record<string, string>) =>
        cognitoIdp('initiate-auth', '--client-id', cliClientId, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', JSON.stringify(parameters))
      const refused = await rejectionOf(signIn({ USERNAME: username, PASSWORD }))
      expect((refused as Error & { stderr?: string }).stderr).toContain(
        `(NotAuthorizedException) when calling the InitiateAuth operation: Client ${cliClientId} is configured with secret but SECRET_HASH was not received`,
      )
      const signedIn = await signIn({ USERNAME: username, PASSWORD, SECRET_HASH: hash })
      expect(signedIn.AuthenticationResult.AccessToken).toEqual(expect.any(String))
    },
    CLI_TIMEOUT_MS,
  )
})

test("the app's local mode is given the public client and no secret", async () => {
  const response = await fetch(`${emulator.url}/_local/config`)
  const text = await response.text()
  expect(text).not.toContain(clientSecret)
  const config = JSON.parse(text) as { pools: Array<{ userPoolId: string; clientId: string }> }
  expect(config.pools).toEqual([expect.objectContaining({ userPoolId: poolId, clientId: publicClientId })])
  expect(Object.keys(config.pools[0]).sort()).toEqual(['clientId', 'mfaConfiguration', 'name', 'userPoolId'])
})

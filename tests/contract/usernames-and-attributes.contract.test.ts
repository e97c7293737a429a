// Usernames and attributes through the AWS SDK (issue 12, difference 6): phone_number as a username
// attribute, Cognito's phone format check, ListUsers' searchable attributes and AttributesToGet, and
// AdminCreateUser's duplicate message (docs/cognito-behaviour.md#user-attributes, docs/cognito-behaviour.md#listusers).
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { failOnConsoleError, rejectionOf, sdkClient } from './harness.ts'

const PASSWORD = 'Phone-pass-2026!'
failOnConsoleError()
let emulator: RunningEmulator
let sdk: ReturnType<typeof sdkClient>

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: false, log: () => {} })
  sdk = sdkClient(emulator.url)
})

afterAll(async () => {
  await emulator.close()
})

async function app(input: Omit<CreateUserPoolCommandInput, 'PoolName'> = {}): Promise<{ userPoolId: string; clientId: string }> {
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'attributes', ...input }))
  const userPoolId = UserPool?.Id ?? ''
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'server',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  return { userPoolId, clientId: UserPoolClient?.ClientId ?? '' }
}

test('a pool whose username is phone_number: sign up, confirm and sign in with the E.164 number', async () => {
  const { userPoolId, clientId } = await app({ UsernameAttributes: ['phone_number'] })
  const { UserSub } = await sdk.send(new SignUpCommand({ ClientId: clientId, Username: '+15555550142', Password: PASSWORD }))
  await sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: userPoolId, Username: '+15555550142' }))
  const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: '+15555550142' }))
  expect(user.Username).toBe(UserSub)
  expect(user.UserAttributes).toContainEqual({ Name: 'phone_number', Value: '+15555550142' })
  const signedIn = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: userPoolId,
      ClientId: clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: '+15555550142', PASSWORD },
    }),
  )
  expect(signedIn.AuthenticationResult?.AccessToken).toBeTruthy()
  const refused = await rejectionOf(sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'pat', Password: PASSWORD })))
  expect([refused.name, refused.message]).toEqual(['InvalidParameterException', 'Username should be a phone number.'])
})

test('a phone number out of E.164 is "Invalid phone number format."; a taken username is AdminCreateUser\'s own text', async () => {
  const { userPoolId } = await app()
  const badPhone = await rejectionOf(
    sdk.send(
      new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'quinn', UserAttributes: [{ Name: 'phone_number', Value: '555-0142' }] }),
    ),
  )
  expect([badPhone.name, badPhone.message]).toEqual(['InvalidParameterException', 'Invalid phone number format.'])
  await sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'quinn', MessageAction: 'SUPPRESS' }))
  const taken = await rejectionOf(sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'quinn', MessageAction: 'SUPPRESS' })))
  expect([taken.name, taken.message]).toEqual(['UsernameExistsException', 'User account already exists'])
  const undeclared = await rejectionOf(
    sdk.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'rosa', UserAttributes: [{ Name: 'shoe_size', Value: '40' }] })),
  )
  expect([undeclared.name, undeclared.message]).toEqual([
    'InvalidParameterException',
    'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.',
  ])
})

test('ListUsers: a custom attribute is not searchable, and AttributesToGet is honoured', async () => {
  const { userPoolId } = await app({ Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }] })
  for (const username of ['sam', 'sue']) {
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: `${username}@example.com` },
          { Name: 'custom:team', Value: 'blue' },
        ],
      }),
    )
  }
  const custom = await rejectionOf(sdk.send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: 'custom:team = "blue"' })))
  expect([custom.name, custom.message]).toEqual(['InvalidParameterException', 'Invalid search attribute: custom:team'])
  const { Users } = await sdk.send(new ListUsersCommand({ UserPoolId: userPoolId, AttributesToGet: ['email'], Filter: 'email ^= "sa"' }))
  expect(Users?.map((user) => [user.Username, user.Attributes])).toEqual([['sam', [{ Name: 'email', Value: 'sam@example.com' }]]])
  const unknown = await rejectionOf(sdk.send(new ListUsersCommand({ UserPoolId: userPoolId, AttributesToGet: ['given_name'] })))
  expect([unknown.name, unknown.message]).toEqual(['InvalidParameterException', 'One or more requested attributes do not exist.'])
})

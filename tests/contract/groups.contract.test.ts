// Groups through the AWS SDK and the AWS CLI (issue 12, item 5): an administrator makes groups and puts
// users in them, and the user's tokens say so (`cognito:groups`, and roles only for groups with a
// RoleArn), decoded with jose as a backend would. Memberships outlive a restart with a state file.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import {
  AdminAddUserToGroupCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteGroupCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose'
import { awsCliEnv, createConfirmedUser, failOnConsoleError, sdkClient, useEmptyPoolOnDisk } from './harness.ts'

const run = promisify(execFile)
const PASSWORD = 'Corr3ct-Horse!'
failOnConsoleError()
const pools = useEmptyPoolOnDisk('groups')

test('the SDK: groups, members and the claims of the tokens, verified with the pool keys; memberships survive a restart', async () => {
  const first = await pools.start()
  const sdk = sdkClient(first.url)
  const poolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'groups' }))).UserPool!.Id!
  const clientId = (
    await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'api', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] }))
  ).UserPoolClient!.ClientId!
  await createConfirmedUser(sdk, poolId, 'hana', PASSWORD)
  const role = 'arn:aws:iam::000000000000:role/editors'
  await sdk.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'readers', Precedence: 10 }))
  await sdk.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'editors', Precedence: 2, RoleArn: role, Description: 'Can edit' }))
  for (const group of ['readers', 'editors'])
    await sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'hana', GroupName: group }))

  const { Groups } = await sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: 'hana' }))
  expect(Groups?.map((group) => [group.GroupName, group.Precedence])).toEqual([
    ['editors', 2],
    ['readers', 10],
  ])
  expect(Groups?.[0].CreationDate).toBeInstanceOf(Date)

  const signIn = () =>
    sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'hana', PASSWORD },
      }),
    )
  const tokens = (await signIn()).AuthenticationResult!
  const keys = createRemoteJWKSet(new URL(`${first.url}/${poolId}/.well-known/jwks.json`))
  const { payload: id } = await jwtVerify(tokens.IdToken!, keys, { issuer: `${first.url}/${poolId}`, audience: clientId })
  expect(id).toMatchObject({ 'cognito:groups': ['editors', 'readers'], 'cognito:roles': [role], 'cognito:preferred_role': role })
  const { payload: access } = await jwtVerify(tokens.AccessToken!, keys, { issuer: `${first.url}/${poolId}` })
  expect(access['cognito:groups']).toEqual(['editors', 'readers'])
  expect(access).not.toHaveProperty('cognito:roles')
  await first.close()

  const second = await pools.start()
  const again = sdkClient(second.url)
  expect((await again.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'readers' }))).Users?.map((user) => user.Username)).toEqual([
    'hana',
  ])
  await again.send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: 'editors' }))
  expect((await again.send(new ListGroupsCommand({ UserPoolId: poolId }))).Groups?.map((group) => group.GroupName)).toEqual(['readers'])
  const after = await again.send(
    new AdminInitiateAuthCommand({
      UserPoolId: poolId,
      ClientId: clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'hana', PASSWORD },
    }),
  )
  const claims = decodeJwt(after.AuthenticationResult!.IdToken!)
  expect(claims['cognito:groups']).toEqual(['readers'])
  expect(claims).not.toHaveProperty('cognito:preferred_role')
})

test('the AWS CLI: create-group, admin-add-user-to-group and list-users-in-group', async () => {
  const emulator = await pools.start()
  const sdk = sdkClient(emulator.url)
  const poolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'cli-groups' }))).UserPool!.Id!
  await createConfirmedUser(sdk, poolId, 'ivan', PASSWORD)
  const cli = async (...args: string[]) => {
    const { stdout } = await run('aws', ['cognito-idp', ...args, '--endpoint-url', emulator.url, '--output', 'json'], {
      env: awsCliEnv,
      timeout: 30_000,
    })
    return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>)
  }
  const created = await cli('create-group', '--user-pool-id', poolId, '--group-name', 'ops', '--precedence', '3')
  expect(created.Group).toMatchObject({ GroupName: 'ops', UserPoolId: poolId, Precedence: 3 })
  await cli('admin-add-user-to-group', '--user-pool-id', poolId, '--username', 'ivan', '--group-name', 'ops')
  const members = (await cli('list-users-in-group', '--user-pool-id', poolId, '--group-name', 'ops')) as { Users: { Username: string }[] }
  expect(members.Users.map((user) => user.Username)).toEqual(['ivan'])
}, 60_000)

// DeleteUserPool, DeleteUserPoolClient and UpdateUserPool through the AWS SDK (issue 12, item 3): a
// deleted pool is gone with its users and clients, also from the state file after a restart; deletion
// protection refuses as on AWS; a browser may call none of them.
import {
  AdminGetUserCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, useEmptyPoolOnDisk } from './harness.ts'

failOnConsoleError()
const pools = useEmptyPoolOnDisk('lifecycle')

test('a protected pool is refused, then deleted once UpdateUserPool turns protection off; it stays deleted after a restart', async () => {
  const first = await pools.start()
  const sdk = sdkClient(first.url)
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'doomed', DeletionProtection: 'ACTIVE' }))
  const poolId = UserPool!.Id!
  const { UserPoolClient } = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web' }))
  await createConfirmedUser(sdk, poolId, 'gina', 'Corr3ct-Horse!')
  const kept = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'kept' }))).UserPool!.Id!

  const refused = await rejectionOf(sdk.send(new DeleteUserPoolCommand({ UserPoolId: poolId })))
  expect([refused.name, refused.message]).toEqual([
    'InvalidParameterException',
    'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
  ])
  await sdk.send(new UpdateUserPoolCommand({ UserPoolId: poolId, DeletionProtection: 'INACTIVE' }))
  expect((await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.DeletionProtection).toBe('INACTIVE')
  await sdk.send(new DeleteUserPoolCommand({ UserPoolId: poolId }))
  expect((await rejectionOf(sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'gina' })))).name).toBe('ResourceNotFoundException')
  expect((await rejectionOf(sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId })))).name).toBe(
    'ResourceNotFoundException',
  )
  await first.close()

  const second = await pools.start()
  const { UserPools } = await sdkClient(second.url).send(new ListUserPoolsCommand({ MaxResults: 60 }))
  expect(UserPools?.map((pool) => pool.Id)).toEqual([kept])
  expect(second.store.toJSON().users).toEqual([])
  expect(second.store.toJSON().clients).toEqual([])
})

test('DeleteUserPoolClient removes one client; DeleteUserPool and UpdateUserPool are refused to a browser', async () => {
  const emulator = await pools.start()
  const sdk = sdkClient(emulator.url)
  const poolId = (await sdk.send(new CreateUserPoolCommand({ PoolName: 'p' }))).UserPool!.Id!
  const clientId = (await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web' }))).UserPoolClient!.ClientId!
  await sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))
  expect((await rejectionOf(sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })))).name).toBe(
    'ResourceNotFoundException',
  )
  for (const operation of ['DeleteUserPool', 'UpdateUserPool', 'DeleteUserPoolClient']) {
    const reply = await fetch(emulator.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
        Origin: 'http://127.0.0.1:5173',
      },
      body: JSON.stringify({ UserPoolId: poolId, ClientId: clientId }),
    })
    expect([operation, reply.status]).toEqual([operation, 403])
  }
  expect(emulator.store.findPool(poolId)).toBeDefined()
})

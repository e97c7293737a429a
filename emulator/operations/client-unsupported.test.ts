import { call, createClient, createPool, createTestDeps, failure, type TestDeps } from '../test-support.ts'
import { createUserPoolClient } from './create-user-pool-client.ts'
import { updateUserPoolClient } from './update-user-pool-client.ts'

describe('app client members the local pool cannot honour (issue 12, difference 4)', () => {
  let deps: TestDeps
  let poolId: string

  beforeEach(async () => {
    deps = createTestDeps()
    poolId = await createPool(deps)
  })

  test.each([
    [{ CallbackURLs: ['https://app.example.com/callback'] }, 'CallbackURLs is not supported by the local pool: it has no hosted UI or OAuth.'],
    [{ AllowedOAuthFlows: ['code'] }, 'AllowedOAuthFlows is not supported by the local pool: it has no hosted UI or OAuth.'],
    [
      { ReadAttributes: ['email'] },
      'ReadAttributes is not supported by the local pool: it has no per-client attribute permissions (every client reads every attribute).',
    ],
    [{ RefreshTokenRotation: { Feature: 'ENABLED' } }, 'RefreshTokenRotation is not supported by the local pool: it has no refresh token rotation.'],
  ])('CreateUserPoolClient refuses %j instead of dropping it', async (member, message) => {
    expect(await failure(createUserPoolClient({ UserPoolId: poolId, ClientName: 'web', ...member }, deps))).toEqual({
      name: 'InvalidParameterException',
      message,
    })
    expect(deps.store.listClients(poolId)).toEqual([])
  })

  test('UpdateUserPoolClient refuses them too; empty values ask for nothing and pass', async () => {
    const clientId = await createClient(deps, poolId)
    expect((await failure(updateUserPoolClient({ UserPoolId: poolId, ClientId: clientId, LogoutURLs: ['https://x.example'] }, deps))).name).toBe(
      'InvalidParameterException',
    )
    await call(createUserPoolClient, { UserPoolId: poolId, ClientName: 'web', CallbackURLs: [], AllowedOAuthFlowsUserPoolClient: false }, deps)
  })
})

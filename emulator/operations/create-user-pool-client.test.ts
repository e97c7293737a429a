import { call, createPool, createTestDeps, failure, type TestDeps } from '../test-support.ts'
import { createUserPoolClient } from './create-user-pool-client.ts'
import { describeUserPoolClient } from './describe-user-pool-client.ts'
import { listUserPoolClients } from './list-user-pool-clients.ts'
import { updateUserPoolClient } from './update-user-pool-client.ts'

describe('CreateUserPoolClient', () => {
  let deps: TestDeps
  let poolId: string

  beforeEach(async () => {
    deps = createTestDeps()
    poolId = await createPool(deps)
  })

  const create = (input: Record<string, unknown> = {}) => call(createUserPoolClient, { UserPoolId: poolId, ClientName: 'web', ...input }, deps)

  test("AWS's defaults when members are left out", async () => {
    const { UserPoolClient } = await create()
    expect(UserPoolClient).toMatchObject({
      UserPoolId: poolId,
      ClientName: 'web',
      ClientId: expect.stringMatching(/^[a-z0-9]{26}$/),
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
      AuthSessionValidity: 3,
      AccessTokenValidity: 1,
      IdTokenValidity: 1,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'LEGACY',
    })
    expect(await call(describeUserPoolClient, { UserPoolId: poolId, ClientId: UserPoolClient.ClientId }, deps)).toEqual({ UserPoolClient })
  })

  test('AuthSessionValidity is 3 to 15 minutes', async () => {
    expect((await create({ AuthSessionValidity: 15 })).UserPoolClient.AuthSessionValidity).toBe(15)
    for (const minutes of [2, 16]) expect((await failure(create({ AuthSessionValidity: minutes }))).name).toBe('InvalidParameterException')
  })

  // Issue 12, item 2 changes this test: legacy names were mapped to the ALLOW_ ones and could be mixed
  // with them; AWS keeps a legacy list as it is and refuses a mix (docs/cognito-behaviour.md#app-client-defaults).
  test('a list of legacy flow names is kept as given; mixing them with ALLOW_ names or unknown names is refused', async () => {
    expect((await create({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] })).UserPoolClient.ExplicitAuthFlows).toEqual([
      'USER_PASSWORD_AUTH',
      'ADMIN_NO_SRP_AUTH',
    ])
    expect(await failure(create({ ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] }))).toEqual({
      name: 'InvalidParameterException',
      message: 'ExplicitAuthFlows values with the ALLOW_ prefix cannot be used together with values without it.',
    })
    expect((await failure(create({ ExplicitAuthFlows: ['ALLOW_EVERYTHING'] }))).name).toBe('InvalidParameterException')
  })

  test('token validity outside AWS ranges is refused', async () => {
    expect((await failure(create({ AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }))).name).toBe('InvalidParameterException')
    expect((await failure(create({ AccessTokenValidity: 1, TokenValidityUnits: { AccessToken: 'minutes' } }))).name).toBe('InvalidParameterException')
  })

  // Issue 12, item 4 changes this test: secrets were refused; now they are issued as Cognito does
  // (docs/cognito-behaviour.md#client-secrets).
  test('GenerateSecret issues a ClientSecret, which DescribeUserPoolClient returns and an update keeps', async () => {
    const { UserPoolClient } = await create({ GenerateSecret: true })
    expect(UserPoolClient.ClientSecret).toMatch(/^[a-z0-9]{52}$/)
    const described = await call(describeUserPoolClient, { UserPoolId: poolId, ClientId: UserPoolClient.ClientId }, deps)
    expect(described.UserPoolClient.ClientSecret).toBe(UserPoolClient.ClientSecret)
    const updated = await call(updateUserPoolClient, { UserPoolId: poolId, ClientId: UserPoolClient.ClientId, AuthSessionValidity: 5 }, deps)
    expect(updated.UserPoolClient.ClientSecret).toBe(UserPoolClient.ClientSecret)
    expect((await create({ GenerateSecret: false })).UserPoolClient).not.toHaveProperty('ClientSecret')
    expect((await create()).UserPoolClient).not.toHaveProperty('ClientSecret')
  })

  test('an unknown pool is ResourceNotFoundException; a client is only found in its own pool', async () => {
    expect((await failure(createUserPoolClient({ UserPoolId: 'us-east-1_Nope', ClientName: 'x' }, deps))).name).toBe('ResourceNotFoundException')
    const { UserPoolClient } = await create()
    const otherPool = await createPool(deps)
    expect((await failure(describeUserPoolClient({ UserPoolId: otherPool, ClientId: UserPoolClient.ClientId }, deps))).name).toBe(
      'ResourceNotFoundException',
    )
  })

  test('UpdateUserPoolClient sets what it is given; members left out go back to their defaults, as on AWS', async () => {
    const { UserPoolClient } = await create({ AuthSessionValidity: 10, EnableTokenRevocation: false })
    const updated = await call(updateUserPoolClient, { UserPoolId: poolId, ClientId: UserPoolClient.ClientId, AuthSessionValidity: 5 }, deps)
    expect(updated.UserPoolClient).toMatchObject({
      ClientId: UserPoolClient.ClientId,
      ClientName: 'web',
      AuthSessionValidity: 5,
      EnableTokenRevocation: true,
    })
  })

  test('ListUserPoolClients lists the pool clients', async () => {
    const a = (await create({ ClientName: 'a' })).UserPoolClient
    const b = (await create({ ClientName: 'b' })).UserPoolClient
    expect((await call(listUserPoolClients, { UserPoolId: poolId }, deps)).UserPoolClients).toEqual([
      { ClientId: a.ClientId, UserPoolId: poolId, ClientName: 'a' },
      { ClientId: b.ClientId, UserPoolId: poolId, ClientName: 'b' },
    ])
  })
})

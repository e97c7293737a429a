import { call, createApp, createClient, createTestDeps, createUser, failure, signedIn, type App, type TestDeps } from '../test-support.ts'
import { createUserPool } from './create-user-pool.ts'
import { deleteUserPool } from './delete-user-pool.ts'
import { deleteUserPoolClient } from './delete-user-pool-client.ts'
import { describeUserPool } from './describe-user-pool.ts'
import { initiateAuth } from './initiate-auth.ts'
import { respondToAuthChallenge } from './respond-to-auth-challenge.ts'

describe('DeleteUserPool and DeleteUserPoolClient (issue 12, item 3)', () => {
  let deps: TestDeps
  let app: App

  /** A sign-in left at PASSWORD_VERIFIER: its challenge session. */
  const startSrp = async (clientId: string): Promise<string> =>
    (await call(initiateAuth, { ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: 'ab'.repeat(64) } }, deps))
      .Session as string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
  })

  test('deleting a pool removes it with its clients, users, refresh tokens and pending sign-ins', async () => {
    await signedIn(deps, app, 'alice')
    await startSrp(app.clientId)
    expect(deps.sessions.size).toBe(1)
    expect(await call(deleteUserPool, { UserPoolId: app.poolId }, deps)).toEqual({})
    expect(deps.store.toJSON()).toMatchObject({ pools: [], clients: [], users: [], refreshTokens: [] })
    expect(deps.sessions.size).toBe(0)
    expect(await failure(describeUserPool({ UserPoolId: app.poolId }, deps))).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool ${app.poolId} does not exist.`,
    })
    expect((await failure(deleteUserPool({ UserPoolId: app.poolId }, deps))).name).toBe('ResourceNotFoundException')
  })

  test('DeletionProtection ACTIVE refuses the deletion with Cognito’s message, and nothing is removed', async () => {
    const { UserPool } = await call(createUserPool, { PoolName: 'protected', DeletionProtection: 'ACTIVE' }, deps)
    expect(await failure(deleteUserPool({ UserPoolId: UserPool.Id }, deps))).toEqual({
      name: 'InvalidParameterException',
      message: 'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    })
    expect(deps.store.findPool(UserPool.Id)).toBeDefined()
  })

  test('deleting a client removes it, its refresh tokens and its pending sign-ins; the pool, its users and other clients stay', async () => {
    const other = await createClient(deps, app.poolId)
    await signedIn(deps, app, 'alice')
    await signedIn(deps, { ...app, clientId: other }, 'alice')
    const pending = await startSrp(app.clientId)
    await startSrp(other)
    expect(await call(deleteUserPoolClient, { UserPoolId: app.poolId, ClientId: app.clientId }, deps)).toEqual({})
    expect(deps.store.listClients(app.poolId).map((client) => client.clientId)).toEqual([other])
    expect(deps.store.toJSON().refreshTokens.map((token) => token.clientId)).toEqual([other])
    expect(deps.store.listUsers(app.poolId)).toHaveLength(1)
    // Forgotten like an evicted session: it answers as expired.
    expect(await failure(respondToAuthChallenge({ ClientId: other, ChallengeName: 'PASSWORD_VERIFIER', Session: pending }, deps))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    })
    expect(await failure(deleteUserPoolClient({ UserPoolId: app.poolId, ClientId: app.clientId }, deps))).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool client ${app.clientId} does not exist.`,
    })
  })
})

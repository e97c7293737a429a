import type { SessionRecord } from '../auth/sessions.ts'
import { adminDeleteUser } from '../operations/admin-delete-user.ts'
import { createUserPool } from '../operations/create-user-pool.ts'
import { globalSignOut } from '../operations/global-sign-out.ts'
import { setUserPoolMfaConfig } from '../operations/set-user-pool-mfa-config.ts'
import type { ClientRecord, MfaFactor, PoolRecord, RefreshRecord, UserRecord } from './model.ts'
import { createApp, createTestDeps, createUser, signedIn, storedUser, type App, type TestDeps } from '../test-support.ts'

// The snapshot writer's rollback (server.ts): begin before a request, rollback when its snapshot
// cannot be saved. It only works because a change never edits a stored record in place.

let deps: TestDeps
let app: App

beforeEach(async () => {
  deps = createTestDeps()
  app = await createApp(deps)
  await createUser(deps, app.poolId, 'alice')
  await createUser(deps, app.poolId, 'bob')
  await signedIn(deps, app, 'bob')
})

/** Inserts, updates and deletes of every kind of record, through the operations. */
async function changeEverything(): Promise<void> {
  const { AccessToken } = await signedIn(deps, app, 'alice') // a new refresh token
  await globalSignOut({ AccessToken }, deps) // refresh tokens revoked, user updated
  await setUserPoolMfaConfig({ UserPoolId: app.poolId, MfaConfiguration: 'OFF' }, deps) // pool updated
  await adminDeleteUser({ UserPoolId: app.poolId, Username: 'bob' }, deps) // user and tokens removed
  await createUserPool({ PoolName: 'another pool' }, deps) // pool added
}

describe('Store.begin / rollback / commit', () => {
  test('rollback puts back every record added, changed or removed since begin', async () => {
    const before = structuredClone(deps.store.toJSON())
    deps.store.begin()
    await changeEverything()
    expect(deps.store.toJSON()).not.toEqual(before)
    deps.store.rollback()
    expect(deps.store.toJSON()).toEqual(before)
    // The state works as before: bob (deleted, then put back) signs in again.
    expect(await signedIn(deps, app, 'bob')).toHaveProperty('AccessToken')
  })

  test('a record read before the changes is never altered by them (they replace it)', async () => {
    const alice = storedUser(deps, app.poolId, 'alice')
    const pool = deps.store.requirePool(app.poolId)
    const [aliceCopy, poolCopy] = [structuredClone(alice), structuredClone(pool)]
    await changeEverything()
    expect(alice).toEqual(aliceCopy)
    expect(pool).toEqual(poolCopy)
    expect(storedUser(deps, app.poolId, 'alice')).not.toEqual(aliceCopy)
  })

  test('commit keeps the changes, and a later rollback does not undo them', async () => {
    deps.store.begin()
    await changeEverything()
    deps.store.commit()
    const after = structuredClone(deps.store.toJSON())
    deps.store.rollback()
    expect(deps.store.toJSON()).toEqual(after)
  })

  test('records are read-only to the compiler (checked by tsc, so a new in-place change does not compile)', () => {
    expectTypeOf<UserRecord>().toEqualTypeOf<Readonly<UserRecord>>()
    expectTypeOf<UserRecord['mfa']>().toEqualTypeOf<Readonly<{ enabled: readonly MfaFactor[]; preferred?: MfaFactor }>>()
    expectTypeOf<UserRecord['totp']>().toEqualTypeOf<Readonly<UserRecord['totp']>>()
    expectTypeOf<UserRecord['attributes']>().toEqualTypeOf<Readonly<Record<string, string>>>()
    expectTypeOf<PoolRecord>().toEqualTypeOf<Readonly<PoolRecord>>()
    expectTypeOf<ClientRecord>().toEqualTypeOf<Readonly<ClientRecord>>()
    expectTypeOf<RefreshRecord>().toEqualTypeOf<Readonly<RefreshRecord>>()
    expectTypeOf<SessionRecord>().toEqualTypeOf<Readonly<SessionRecord>>()
  })
})

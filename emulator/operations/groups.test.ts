import { decodeJwt } from 'jose'
import { call, createApp, createTestDeps, createUser, failure, signedIn, type App, type TestDeps } from '../test-support.ts'
import { Store } from '../state/store.ts'
import { adminAddUserToGroup } from './admin-add-user-to-group.ts'
import { adminDeleteUser } from './admin-delete-user.ts'
import { adminListGroupsForUser } from './admin-list-groups-for-user.ts'
import { adminRemoveUserFromGroup } from './admin-remove-user-from-group.ts'
import { createGroup } from './create-group.ts'
import { deleteGroup } from './delete-group.ts'
import { deleteUserPool } from './delete-user-pool.ts'
import { getGroup } from './get-group.ts'
import { listGroups } from './list-groups.ts'
import { listUsersInGroup } from './list-users-in-group.ts'
import { updateGroup } from './update-group.ts'

describe('groups (issue 12, item 5)', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    await createUser(deps, app.poolId, 'bob')
  })

  const group = (name: string, extra: Record<string, unknown> = {}) => call(createGroup, { UserPoolId: app.poolId, GroupName: name, ...extra }, deps)
  const add = (username: string, name: string) => call(adminAddUserToGroup, { UserPoolId: app.poolId, Username: username, GroupName: name }, deps)

  test('CreateGroup answers the GroupType; GetGroup reads it back; a taken name is GroupExistsException', async () => {
    const { Group } = await group('admins', { Description: 'People who run things', Precedence: 1 })
    expect(Group).toEqual({
      GroupName: 'admins',
      UserPoolId: app.poolId,
      Description: 'People who run things',
      Precedence: 1,
      CreationDate: deps.clock.now() / 1000,
      LastModifiedDate: deps.clock.now() / 1000,
    })
    expect((await call(getGroup, { UserPoolId: app.poolId, GroupName: 'admins' }, deps)).Group).toEqual(Group)
    expect((await failure(createGroup({ UserPoolId: app.poolId, GroupName: 'admins' }, deps))).name).toBe('GroupExistsException')
    expect(await failure(getGroup({ UserPoolId: app.poolId, GroupName: 'nobody' }, deps))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Group not found.',
    })
    expect((await failure(createGroup({ UserPoolId: app.poolId, GroupName: 'x', Precedence: -1 }, deps))).name).toBe('InvalidParameterException')
    expect((await failure(createGroup({ UserPoolId: app.poolId, GroupName: 'x', RoleArn: 'not-an-arn-at-all-really' }, deps))).name).toBe(
      'InvalidParameterException',
    )
  })

  test('Precedence is an integer: a fraction is refused, not rounded', async () => {
    expect((await failure(group('admins', { Precedence: 1.7 }))).name).toBe('InvalidParameterException')
    await group('admins', { Precedence: 1 })
    const update = call(updateGroup, { UserPoolId: app.poolId, GroupName: 'admins', Precedence: 0.5 }, deps)
    expect((await failure(update)).name).toBe('InvalidParameterException')
    expect((await call(getGroup, { UserPoolId: app.poolId, GroupName: 'admins' }, deps)).Group?.Precedence).toBe(1)
  })

  test('ListGroups pages by Limit and NextToken; UpdateGroup changes only what it is given', async () => {
    for (const name of ['a', 'b', 'c']) await group(name, { Description: `group ${name}` })
    const first = await call(listGroups, { UserPoolId: app.poolId, Limit: 2 }, deps)
    expect(first.Groups.map((g: { GroupName: string }) => g.GroupName)).toEqual(['a', 'b'])
    const second = await call(listGroups, { UserPoolId: app.poolId, Limit: 2, NextToken: first.NextToken }, deps)
    expect(second.Groups.map((g: { GroupName: string }) => g.GroupName)).toEqual(['c'])
    expect(second.NextToken).toBeUndefined()
    deps.clock.advance(5000)
    const { Group } = await call(updateGroup, { UserPoolId: app.poolId, GroupName: 'a', Precedence: 3 }, deps)
    expect(Group).toMatchObject({ GroupName: 'a', Description: 'group a', Precedence: 3, LastModifiedDate: deps.clock.now() / 1000 })
  })

  test('members: add (twice is once), list both ways, remove; deleting a group or a user updates memberships', async () => {
    await group('admins', { Precedence: 0 })
    await group('staff', { Precedence: 5 })
    await add('alice', 'staff')
    await add('alice', 'admins')
    await add('alice', 'admins')
    await add('bob', 'staff')
    const forAlice = await call(adminListGroupsForUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)
    expect(forAlice.Groups.map((g: { GroupName: string }) => g.GroupName)).toEqual(['admins', 'staff'])
    const staff = await call(listUsersInGroup, { UserPoolId: app.poolId, GroupName: 'staff', Limit: 1 }, deps)
    expect(staff.Users.map((u: { Username: string }) => u.Username)).toEqual(['alice'])
    const rest = await call(listUsersInGroup, { UserPoolId: app.poolId, GroupName: 'staff', NextToken: staff.NextToken }, deps)
    expect(rest.Users.map((u: { Username: string }) => u.Username)).toEqual(['bob'])

    await call(adminRemoveUserFromGroup, { UserPoolId: app.poolId, Username: 'alice', GroupName: 'staff' }, deps)
    await call(adminRemoveUserFromGroup, { UserPoolId: app.poolId, Username: 'alice', GroupName: 'staff' }, deps)
    expect((await call(adminListGroupsForUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)).Groups).toHaveLength(1)

    await call(deleteGroup, { UserPoolId: app.poolId, GroupName: 'admins' }, deps)
    expect((await call(adminListGroupsForUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)).Groups).toEqual([])
    expect(deps.store.listUsers(app.poolId).find((user) => user.username === 'alice')?.groups).toEqual([])
    await call(adminDeleteUser, { UserPoolId: app.poolId, Username: 'bob' }, deps)
    expect((await call(listUsersInGroup, { UserPoolId: app.poolId, GroupName: 'staff' }, deps)).Users).toEqual([])
    expect((await failure(add('carol', 'staff'))).name).toBe('UserNotFoundException')
    expect((await failure(add('alice', 'nobody'))).name).toBe('ResourceNotFoundException')
  })

  test('tokens: cognito:groups in both, lowest precedence first; roles only in the ID token and only when a group has a RoleArn', async () => {
    const noGroups = await signedIn(deps, app, 'alice')
    expect(decodeJwt(noGroups.IdToken)).not.toHaveProperty('cognito:groups')
    await group('staff', { Precedence: 5 })
    await group('admins', { Precedence: 1 })
    await add('alice', 'staff')
    await add('alice', 'admins')
    const plain = await signedIn(deps, app, 'alice')
    expect(decodeJwt(plain.AccessToken)['cognito:groups']).toEqual(['admins', 'staff'])
    expect(decodeJwt(plain.IdToken)['cognito:groups']).toEqual(['admins', 'staff'])
    expect(decodeJwt(plain.IdToken)).not.toHaveProperty('cognito:roles')
    expect(decodeJwt(plain.IdToken)).not.toHaveProperty('cognito:preferred_role')

    const adminRole = 'arn:aws:iam::000000000000:role/admins'
    const staffRole = 'arn:aws:iam::000000000000:role/staff'
    await call(updateGroup, { UserPoolId: app.poolId, GroupName: 'admins', RoleArn: adminRole }, deps)
    await call(updateGroup, { UserPoolId: app.poolId, GroupName: 'staff', RoleArn: staffRole }, deps)
    const withRoles = await signedIn(deps, app, 'alice')
    expect(decodeJwt(withRoles.IdToken)).toMatchObject({ 'cognito:roles': [adminRole, staffRole], 'cognito:preferred_role': adminRole })
    expect(decodeJwt(withRoles.AccessToken)).not.toHaveProperty('cognito:roles')
    // Two groups at the same precedence with different roles: no preferred role.
    await call(updateGroup, { UserPoolId: app.poolId, GroupName: 'staff', Precedence: 1 }, deps)
    expect(decodeJwt((await signedIn(deps, app, 'alice')).IdToken)).not.toHaveProperty('cognito:preferred_role')
  })

  test('a state without groups still loads; deleting the pool removes its groups', async () => {
    const { groups: _none, ...withoutGroups } = deps.store.toJSON()
    expect(new Store(withoutGroups).listGroups(app.poolId)).toEqual([])
    await group('admins')
    expect(new Store(deps.store.toJSON()).listGroups(app.poolId).map((g) => g.name)).toEqual(['admins'])
    await call(deleteUserPool, { UserPoolId: app.poolId }, deps)
    expect(deps.store.toJSON().groups).toBeUndefined()
  })
})

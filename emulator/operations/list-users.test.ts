import { PASSWORD, call, createApp, createTestDeps, createUser, failure, type App, type Reply, type TestDeps } from '../test-support.ts'
import { listUsers } from './list-users.ts'
import { signUp } from './sign-up.ts'

type UserType = { Username: string; Attributes: Array<{ Name: string; Value: string }>; UserStatus: string; Enabled: boolean }

describe('ListUsers', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    for (const name of ['alice', 'albert', 'bob', 'dave']) await createUser(deps, app.poolId, name, { permanent: name !== 'dave' })
    await signUp(
      { ClientId: app.clientId, Username: 'carol', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'carol@example.org' }] },
      deps,
    )
  })

  const list = (input: Record<string, unknown> = {}) => call(listUsers, { UserPoolId: app.poolId, ...input }, deps)
  const names = (reply: Reply) => (reply.Users as UserType[]).map((user) => user.Username)

  test('every user of the pool, as UserType', async () => {
    const reply = await list()
    expect(names(reply).sort()).toEqual(['albert', 'alice', 'bob', 'carol', 'dave'])
    expect(reply.PaginationToken).toBeUndefined()
    expect(reply.Users.find((user: UserType) => user.Username === 'carol')).toMatchObject({ UserStatus: 'UNCONFIRMED', Enabled: true })
    expect(reply.Users[0].Attributes[0].Name).toBe('sub')
  })

  test('Limit 0 means a full page, never an empty page with a token to follow', async () => {
    const reply = await list({ Limit: 0 })
    expect(names(reply)).toHaveLength(5)
    expect(reply.PaginationToken).toBeUndefined()
  })

  test.each([
    ['username = "alice"', ['alice']],
    ['username ^= "al"', ['albert', 'alice']],
    ['email = "bob@example.com"', ['bob']],
    ['email ^= "carol@"', ['carol']],
    ['cognito:user_status = "FORCE_CHANGE_PASSWORD"', ['dave']],
    ['cognito:user_status = "UNCONFIRMED"', ['carol']],
    ['status = "Enabled"', ['albert', 'alice', 'bob', 'carol', 'dave']],
    ['username = "nobody"', []],
    ['  username   =   "bob"  ', ['bob']],
  ])('Filter %s', async (filter, expected) => {
    expect(names(await list({ Filter: filter })).sort()).toEqual(expected)
  })

  test('a filter on sub finds the one user', async () => {
    const sub = (await list({ Filter: 'username = "bob"' })).Users[0].Attributes[0].Value
    expect(names(await list({ Filter: `sub = "${sub}"` }))).toEqual(['bob'])
  })

  test.each(['username = alice', 'username != "alice"', 'username'])('an unparsable filter (%s) is InvalidParameterException', async (filter) => {
    expect((await failure(list({ Filter: filter }))).name).toBe('InvalidParameterException')
  })

  test('Limit and PaginationToken walk the whole list once', async () => {
    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const reply = await list({ Limit: 2, ...(token ? { PaginationToken: token } : {}) })
      expect(reply.Users.length).toBeLessThanOrEqual(2)
      seen.push(...names(reply))
      token = reply.PaginationToken
      pages += 1
    } while (token)
    expect(pages).toBe(3)
    expect(seen.sort()).toEqual(['albert', 'alice', 'bob', 'carol', 'dave'])
  })

  test('pagination works within a filter', async () => {
    const first = await list({ Filter: 'username ^= "al"', Limit: 1 })
    expect(first.Users).toHaveLength(1)
    const second = await list({ Filter: 'username ^= "al"', Limit: 1, PaginationToken: first.PaginationToken })
    expect(second.PaginationToken).toBeUndefined()
    expect([...names(first), ...names(second)].sort()).toEqual(['albert', 'alice'])
  })

  test('a Limit over 60 or a bad PaginationToken is InvalidParameterException', async () => {
    expect((await failure(list({ Limit: 61 }))).name).toBe('InvalidParameterException')
    expect((await failure(list({ PaginationToken: 'not-a-token' }))).name).toBe('InvalidParameterException')
  })

  test('users of other pools are not listed', async () => {
    const other = await createApp(deps)
    await createUser(deps, other.poolId, 'zoe')
    expect(names(await list())).not.toContain('zoe')
  })

  test.each(['custom:team = "blue"', 'custom:team ^= "b"', 'locale = "en"', 'nickname = "al"'])(
    'a filter on an attribute Cognito cannot search (%s) is InvalidParameterException',
    async (filter) => {
      expect(await failure(list({ Filter: filter }))).toEqual({
        name: 'InvalidParameterException',
        message: `Invalid search attribute: ${filter.split(' ')[0]}`,
      })
    },
  )

  test('cognito:user_status is matched without regard to case', async () => {
    expect(names(await list({ Filter: 'cognito:user_status = "unconfirmed"' }))).toEqual(['carol'])
  })

  test('AttributesToGet returns only the attributes named', async () => {
    const reply = await list({ AttributesToGet: ['email'], Filter: 'username = "bob"' })
    expect(reply.Users[0].Attributes).toEqual([{ Name: 'email', Value: 'bob@example.com' }])
    expect(reply.Users[0]).toMatchObject({ Username: 'bob', UserStatus: 'CONFIRMED', Enabled: true })
    const withSub = await list({ AttributesToGet: ['sub', 'email'], Filter: 'username = "bob"' })
    expect(withSub.Users[0].Attributes.map((attribute: { Name: string }) => attribute.Name)).toEqual(['sub', 'email'])
  })

  test('AttributesToGet naming an attribute the pool lacks, or one a listed user has no value for, is refused', async () => {
    const refused = { name: 'InvalidParameterException', message: 'One or more requested attributes do not exist.' }
    expect(await failure(list({ AttributesToGet: ['shoe_size'] }))).toEqual(refused)
    await createUser(deps, app.poolId, 'erin', { attributes: { given_name: 'Erin' } })
    expect(await failure(list({ AttributesToGet: ['given_name'] }))).toEqual(refused)
    expect((await list({ AttributesToGet: ['given_name'], Filter: 'username = "erin"' })).Users[0].Attributes).toEqual([
      { Name: 'given_name', Value: 'Erin' },
    ])
  })
})

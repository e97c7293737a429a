import { call, createApp, createTestDeps, createUser, failure, storedUser, type App, type TestDeps } from '../test-support.ts'
import { adminGetUser } from './admin-get-user.ts'
import { adminUpdateUserAttributes } from './admin-update-user-attributes.ts'

describe('AdminUpdateUserAttributes', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    // A pool that auto-verifies email, as the demo pool does.
    app = await createApp(deps, {
      input: { AutoVerifiedAttributes: ['email'], Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }] },
    })
    await createUser(deps, app.poolId, 'alice', { attributes: { email_verified: 'true', given_name: 'Alice' } })
  })

  const update = (attributes: Record<string, string>, username = 'alice') =>
    call(
      adminUpdateUserAttributes,
      { UserPoolId: app.poolId, Username: username, UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) },
      deps,
    )
  const attributesOf = async () => {
    const { UserAttributes } = await call(adminGetUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)
    return Object.fromEntries((UserAttributes as Array<{ Name: string; Value: string }>).map(({ Name, Value }) => [Name, Value]))
  }

  test('changes and adds attributes, answers {}, and AdminGetUser shows them', async () => {
    deps.clock.advance(60_000)
    expect(await update({ given_name: 'Alicia', family_name: 'Smith', 'custom:team': 'blue' })).toEqual({})
    expect(await attributesOf()).toMatchObject({ given_name: 'Alicia', family_name: 'Smith', 'custom:team': 'blue', email_verified: 'true' })
    expect(storedUser(deps, app.poolId, 'alice').lastModifiedAt).toBe(storedUser(deps, app.poolId, 'alice').createdAt + 60)
  })

  test('a blank value deletes the attribute', async () => {
    await update({ given_name: '' })
    expect(await attributesOf()).not.toHaveProperty('given_name')
  })

  test('a new email in a pool that auto-verifies it becomes unverified and a code is printed', async () => {
    await update({ email: 'alice@new.example' })
    expect(await attributesOf()).toMatchObject({ email: 'alice@new.example', email_verified: 'false' })
    expect(deps.logs.at(-1)).toMatch(/^Verification code for alice <alice@new\.example>: \d{6}$/)
  })

  test('with email_verified true in the same request the new email is verified and no code is sent', async () => {
    const printed = deps.logs.length
    await update({ email: 'alice@new.example', email_verified: 'true' })
    expect(await attributesOf()).toMatchObject({ email: 'alice@new.example', email_verified: 'true' })
    expect(deps.logs).toHaveLength(printed)
  })

  test('an administrator may mark a phone number verified', async () => {
    await update({ phone_number: '+15555550100', phone_number_verified: 'true' })
    expect(await attributesOf()).toMatchObject({ phone_number: '+15555550100', phone_number_verified: 'true' })
  })

  test('sub is never writable; an undeclared attribute, a bad email or phone number is refused; nothing changes', async () => {
    const before = storedUser(deps, app.poolId, 'alice')
    expect(await failure(update({ sub: 'chosen' }))).toEqual({ name: 'InvalidParameterException', message: 'user.sub: Attribute cannot be updated.' })
    expect(await failure(update({ shoe_size: '44' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.',
    })
    expect(await failure(update({ email: 'not-an-email' }))).toEqual({ name: 'InvalidParameterException', message: 'Invalid email address format.' })
    expect(await failure(update({ phone_number: '555 0100' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid phone number format.',
    })
    expect(storedUser(deps, app.poolId, 'alice')).toBe(before)
  })

  test('in a pool that signs in with email, an address another user has is AliasExistsException', async () => {
    const emailPool = await createApp(deps, { input: { UsernameAttributes: ['email'] } })
    await createUser(deps, emailPool.poolId, 'bea@example.com', { email: 'bea@example.com' })
    await createUser(deps, emailPool.poolId, 'cy@example.com', { email: 'cy@example.com' })
    const refused = await failure(
      call(
        adminUpdateUserAttributes,
        { UserPoolId: emailPool.poolId, Username: 'cy@example.com', UserAttributes: [{ Name: 'email', Value: 'BEA@example.com' }] },
        deps,
      ),
    )
    expect(refused).toEqual({ name: 'AliasExistsException', message: 'An account with the given email already exists.' })
  })

  test('an unknown user is UserNotFoundException', async () => {
    expect((await failure(update({ given_name: 'X' }, 'nobody'))).name).toBe('UserNotFoundException')
  })
})

import { call, createApp, createTestDeps, createUser, failure, storedUser, type App, type TestDeps } from '../test-support.ts'
import { adminDeleteUserAttributes } from './admin-delete-user-attributes.ts'

describe('AdminDeleteUserAttributes', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { input: { Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }] } })
    await createUser(deps, app.poolId, 'alice', { attributes: { email_verified: 'true', given_name: 'Alice', 'custom:team': 'blue' } })
  })

  const remove = (names: unknown) => call(adminDeleteUserAttributes, { UserPoolId: app.poolId, Username: 'alice', UserAttributeNames: names }, deps)

  test('removes the named attributes; removing email takes email_verified with it', async () => {
    expect(await remove(['given_name', 'custom:team', 'email'])).toEqual({})
    expect(storedUser(deps, app.poolId, 'alice').attributes).toEqual({})
  })

  test('sub is required: it cannot be deleted', async () => {
    expect(await failure(remove(['sub']))).toEqual({ name: 'InvalidParameterException', message: 'user.sub: Required attribute cannot be deleted.' })
  })

  test('UserAttributeNames is required, and an undeclared name is refused', async () => {
    expect(await failure(call(adminDeleteUserAttributes, { UserPoolId: app.poolId, Username: 'alice' }, deps))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'userAttributeNames' failed to satisfy constraint: Member must not be null",
    })
    expect((await failure(remove(['shoe_size']))).message).toBe(
      'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.',
    )
    expect((await failure(remove([7]))).name).toBe('InvalidParameterException')
  })
})

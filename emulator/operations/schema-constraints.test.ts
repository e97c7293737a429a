import {
  PASSWORD,
  adminSignIn,
  call,
  createApp,
  createTestDeps,
  createUser,
  failure,
  respond,
  signedIn,
  storedUser,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { adminCreateUser } from './admin-create-user.ts'
import { adminUpdateUserAttributes } from './admin-update-user-attributes.ts'
import { signUp } from './sign-up.ts'
import { updateUserAttributes } from './update-user-attributes.ts'

// A pool's stored schema constraints are honoured on every write of a user's attributes (ADR 022,
// docs/cognito-behaviour.md#pool-schema): SignUp, AdminCreateUser, (Admin)UpdateUserAttributes and
// the userAttributes.* of a NEW_PASSWORD_REQUIRED answer.

const SCHEMA = [
  { Name: 'team', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '2', MaxLength: '5' } },
  { Name: 'level', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '1', MaxValue: '9' } },
  { Name: 'staff', AttributeDataType: 'Boolean' },
]
const refused = (reason: string) => ({ name: 'InvalidParameterException', message: `Attributes did not conform to the schema: ${reason}` })
const list = (attributes: Record<string, string>) => Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }))

describe('schema constraints on every attribute write', () => {
  let deps: TestDeps
  let app: App
  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OFF', input: { Schema: SCHEMA } })
  })

  test('SignUp: a string longer than MaxLength or shorter than MinLength is refused; one within is kept', async () => {
    const register = (team: string, Username: string) =>
      call(signUp, { ClientId: app.clientId, Username, Password: PASSWORD, UserAttributes: list({ 'custom:team': team }) }, deps)
    expect(await failure(register('abcdef', 'carol'))).toEqual(refused('custom:team: String must be no longer than 5 characters'))
    expect(await failure(register('a', 'carol'))).toEqual(refused('custom:team: String must be no shorter than 2 characters'))
    expect(deps.store.listUsers(app.poolId)).toEqual([])
    await register('abcde', 'carol')
    expect(storedUser(deps, app.poolId, 'carol').attributes['custom:team']).toBe('abcde')
  })

  test('AdminCreateUser: a Number outside its range, or not a number, and a Boolean other than true/false are refused', async () => {
    const create = (attributes: Record<string, string>) =>
      call(adminCreateUser, { UserPoolId: app.poolId, Username: 'dan', MessageAction: 'SUPPRESS', UserAttributes: list(attributes) }, deps)
    expect(await failure(create({ 'custom:level': '10' }))).toEqual(refused('custom:level: Number must be no greater than 9'))
    expect(await failure(create({ 'custom:level': '0' }))).toEqual(refused('custom:level: Number must be no less than 1'))
    expect(await failure(create({ 'custom:level': 'high' }))).toEqual(refused('custom:level: Number must be a number'))
    expect(await failure(create({ 'custom:staff': 'yes' }))).toEqual(refused('custom:staff: Boolean must be true or false'))
    await create({ 'custom:level': '9', 'custom:staff': 'true' })
    expect(storedUser(deps, app.poolId, 'dan').attributes).toMatchObject({ 'custom:level': '9', 'custom:staff': 'true' })
  })

  test('UpdateUserAttributes and AdminUpdateUserAttributes: a value against the constraints changes nothing', async () => {
    await createUser(deps, app.poolId, 'alice', { attributes: { 'custom:team': 'blue' } })
    const { AccessToken } = await signedIn(deps, app, 'alice')
    expect(await failure(call(updateUserAttributes, { AccessToken, UserAttributes: list({ 'custom:team': 'purple' }) }, deps))).toEqual(
      refused('custom:team: String must be no longer than 5 characters'),
    )
    const admin = call(adminUpdateUserAttributes, { UserPoolId: app.poolId, Username: 'alice', UserAttributes: list({ 'custom:level': '42' }) }, deps)
    expect(await failure(admin)).toEqual(refused('custom:level: Number must be no greater than 9'))
    // A standard attribute keeps the constraints Cognito gives it: birthdate is exactly 10 characters.
    expect(await failure(call(updateUserAttributes, { AccessToken, UserAttributes: list({ birthdate: '1990-1-1' }) }, deps))).toEqual(
      refused('birthdate: String must be no shorter than 10 characters'),
    )
    expect(storedUser(deps, app.poolId, 'alice').attributes).not.toHaveProperty('custom:level')
    expect(storedUser(deps, app.poolId, 'alice').attributes['custom:team']).toBe('blue')
  })

  test('NEW_PASSWORD_REQUIRED: userAttributes.* are held to the same constraints', async () => {
    await createUser(deps, app.poolId, 'erin', { permanent: false })
    const { Session } = await adminSignIn(deps, app, 'erin')
    const attempt = respond(deps, app, 'NEW_PASSWORD_REQUIRED', Session, {
      USERNAME: 'erin',
      NEW_PASSWORD: 'N3w-Horse!!',
      'userAttributes.custom:level': '12',
    })
    expect(await failure(attempt)).toEqual(refused('custom:level: Number must be no greater than 9'))
    expect(storedUser(deps, app.poolId, 'erin').status).toBe('FORCE_CHANGE_PASSWORD')
  })
})

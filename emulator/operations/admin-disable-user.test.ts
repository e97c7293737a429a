// Issue 12: AdminDisableUser / AdminEnableUser (docs/cognito-behaviour.md#admindisableuser).
import { BROWSER_OPERATIONS } from '../request-policy.ts'
import {
  PASSWORD,
  STEP_MS,
  adminSignIn,
  call,
  codeNow,
  createApp,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  respond,
  signedIn,
  srpSignIn,
  storedUser,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { adminDisableUser } from './admin-disable-user.ts'
import { adminEnableUser } from './admin-enable-user.ts'
import { adminGetUser } from './admin-get-user.ts'
import { getUser } from './get-user.ts'
import { initiateAuth } from './initiate-auth.ts'
import { listUsers } from './list-users.ts'

const DISABLED = { name: 'NotAuthorizedException', message: 'User is disabled.' }

let deps: TestDeps
let app: App

beforeEach(async () => {
  deps = createTestDeps()
  app = await createApp(deps)
  await createUser(deps, app.poolId, 'alice')
})

const disable = () => call(adminDisableUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)
const enable = () => call(adminEnableUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)
const refresh = (token: string) =>
  initiateAuth({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token } }, deps)

test('a disabled user cannot sign in (password or SRP) or refresh; AdminGetUser and ListUsers show Enabled false', async () => {
  const tokens = await signedIn(deps, app, 'alice')
  expect(await disable()).toEqual({})
  expect(await failure(adminSignIn(deps, app, 'alice'))).toEqual(DISABLED)
  expect(await failure(srpSignIn(deps, app, 'alice'))).toEqual(DISABLED)
  expect(await failure(refresh(tokens.RefreshToken!))).toEqual(DISABLED)
  expect((await failure(getUser({ AccessToken: tokens.AccessToken }, deps))).name).toBe('NotAuthorizedException')
  expect((await call(adminGetUser, { UserPoolId: app.poolId, Username: 'alice' }, deps)).Enabled).toBe(false)
  const { Users } = await call(listUsers, { UserPoolId: app.poolId }, deps)
  expect(Users).toEqual([expect.objectContaining({ Username: 'alice', Enabled: false })])
})

test('a user disabled between the password and the TOTP code gets no tokens for the right code', async () => {
  const secret = await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
  deps.clock.advance(STEP_MS)
  const { ChallengeName, Session } = await adminSignIn(deps, app, 'alice')
  expect(ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  await disable()
  const answer = respond(deps, app, 'SOFTWARE_TOKEN_MFA', Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) })
  expect(await failure(answer)).toEqual(DISABLED)
})

test('a wrong password for a disabled user is still "Incorrect username or password." (the state comes after the password)', async () => {
  await disable()
  expect(await failure(adminSignIn(deps, app, 'alice', 'Wr0ng-Horse!'))).toEqual({
    name: 'NotAuthorizedException',
    message: 'Incorrect username or password.',
  })
})

test('AdminEnableUser lets the user sign in again; tokens from before the disable stay revoked', async () => {
  const before = await signedIn(deps, app, 'alice')
  await disable()
  expect(await enable()).toEqual({})
  expect(storedUser(deps, app.poolId, 'alice').enabled).toBe(true)
  expect((await signedIn(deps, app, 'alice', PASSWORD)).AccessToken).toEqual(expect.any(String))
  expect(await failure(refresh(before.RefreshToken!))).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' })
  expect(await failure(getUser({ AccessToken: before.AccessToken }, deps))).toEqual({
    name: 'NotAuthorizedException',
    message: 'Access Token has been revoked',
  })
})

test('an unknown user is UserNotFoundException, an unknown pool ResourceNotFoundException', async () => {
  expect((await failure(adminDisableUser({ UserPoolId: app.poolId, Username: 'nobody' }, deps))).name).toBe('UserNotFoundException')
  expect((await failure(adminEnableUser({ UserPoolId: 'us-east-1_Nope', Username: 'alice' }, deps))).name).toBe('ResourceNotFoundException')
})

test('both are admin operations: never served to a browser', () => {
  expect(BROWSER_OPERATIONS.has('AdminDisableUser')).toBe(false)
  expect(BROWSER_OPERATIONS.has('AdminEnableUser')).toBe(false)
})

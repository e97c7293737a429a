// Issue 9, item 7: one failed save must not break the server. A request whose changes cannot be
// written is undone (store and challenge sessions) and answers Cognito's 500; reads go on being
// served; once the disk takes writes again, so does the server, and the undone change never
// reaches the file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '../server.ts'
import { createTestClock, type TestClock } from './clock.ts'
import { codeNow, createUser, enrolTotp, PASSWORD, signedIn, STEP_MS, T0 } from '../test-support.ts'
import { StateFiles } from './state-files.ts'

const PREFIX = 'AWSCognitoIdentityProviderService.'
let dir: string
let file: string
let emulator: RunningEmulator
let errors: ReturnType<typeof vi.spyOn>
let clock: TestClock

/** The disk refuses every write while this is set (an injected writer: as root, chmod would not stop it). */
let diskFull = false

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-failed-save-'))
  file = join(dir, 'state.json')
  diskFull = false
  clock = createTestClock(T0)
  const commit = StateFiles.prototype.commit
  vi.spyOn(StateFiles.prototype, 'commit').mockImplementation(function (this: StateFiles, ...args) {
    if (diskFull) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    return commit.apply(this, args)
  })
  errors = vi.spyOn(console, 'error').mockImplementation(() => {})
  emulator = await start()
})

afterEach(async () => {
  await emulator.close()
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

function start(): Promise<RunningEmulator> {
  return startEmulator({ port: 0, statePath: file, clock, log: () => {} })
}

async function post(operation: string, body: object) {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${PREFIX}${operation}` },
    body: JSON.stringify(body),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> }
}

function demoPool() {
  return emulator.pools().find((pool) => pool.mfaConfiguration === 'OPTIONAL')!
}

test('a SignUp that cannot be saved answers 500 in Cognito shape and leaves no user; reads go on; writes work again after', async () => {
  const pool = demoPool()
  const signUp = (username: string) =>
    post('SignUp', {
      ClientId: pool.clientId,
      Username: username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    })
  const listUsers = async () =>
    ((await post('ListUsers', { UserPoolId: pool.userPoolId })).body.Users as Array<{ Username: string }>).map((u) => u.Username)
  const before = await listUsers()

  diskFull = true
  const failed = await signUp('carol')
  expect(failed.status).toBe(500)
  expect(failed.body).toEqual({ __type: 'InternalErrorException', message: 'An internal error occurred.' })
  expect(failed.headers.get('x-amzn-errortype')).toBe('InternalErrorException:')
  expect(failed.headers.get('content-type')).toBe('application/x-amz-json-1.1')
  expect(failed.headers.get('x-amzn-requestid')).toEqual(expect.any(String))
  expect(errors).toHaveBeenCalledTimes(1)

  // Nothing happened: carol is not in memory, and every read is served as before.
  expect(emulator.store.listUsers(pool.userPoolId).map((user) => user.username)).toEqual(before)
  expect(await listUsers()).toEqual(before)
  expect((await post('AdminGetUser', { UserPoolId: pool.userPoolId, Username: 'carol' })).body.__type).toBe('UserNotFoundException')
  expect((await post('DescribeUserPool', { UserPoolId: pool.userPoolId })).status).toBe(200)
  // Another write fails the same way, and its user is not kept either.
  expect((await signUp('dora')).status).toBe(500)

  diskFull = false
  expect((await signUp('carol')).status).toBe(200)
  expect(await listUsers()).toEqual([...before, 'carol'])

  // On disk: carol, once; dora, whose SignUp was answered 500, never.
  await emulator.close()
  emulator = await start()
  expect(emulator.store.listUsers(pool.userPoolId).map((user) => user.username)).toEqual([...before, 'carol'])
})

test('a challenge answer that cannot be saved leaves its session usable: the retry (the SDK retries a 500) signs in', async () => {
  const pool = demoPool()
  const app = { poolId: pool.userPoolId, clientId: pool.clientId }
  const deps = emulator.deps
  await createUser(deps, app.poolId, 'tess')
  const secret = await enrolTotp(deps, (await signedIn(deps, app, 'tess')).AccessToken)
  clock.advance(STEP_MS) // the enrolment spent this step's code
  const started = await post('AdminInitiateAuth', {
    UserPoolId: app.poolId,
    ClientId: app.clientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'tess', PASSWORD },
  })
  expect(started.body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
  const answer = () =>
    post('AdminRespondToAuthChallenge', {
      UserPoolId: app.poolId,
      ClientId: app.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ChallengeResponses: { USERNAME: 'tess', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) },
      Session: started.body.Session,
    })

  diskFull = true
  expect((await answer()).status).toBe(500)
  diskFull = false
  const retried = await answer()
  expect(retried.body).toHaveProperty('AuthenticationResult.AccessToken')
})

test('a 500 from a bug in an operation undoes what it changed before it broke', async () => {
  const pool = demoPool()
  const before = structuredClone(emulator.store.toJSON())
  // A bug: the pool update goes through, then the operation throws something that is not a Cognito error.
  const updatePool = emulator.store.updatePool.bind(emulator.store)
  vi.spyOn(emulator.store, 'updatePool').mockImplementation((record, changes) => {
    updatePool(record, changes)
    throw new TypeError('a bug after the change')
  })
  const broken = await post('SetUserPoolMfaConfig', { UserPoolId: pool.userPoolId, MfaConfiguration: 'OFF' })
  expect(broken.status).toBe(500)
  expect(emulator.store.toJSON()).toEqual(before)
  await emulator.close()
  emulator = await start()
  expect(emulator.store.toJSON().pools).toEqual(before.pools)
})

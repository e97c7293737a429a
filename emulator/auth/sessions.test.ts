import { respondToAuthChallenge } from '../operations/respond-to-auth-challenge.ts'
import { createTestClock } from '../state/clock.ts'
import {
  MINUTE_MS,
  STEP_MS,
  T0,
  adminSignIn,
  codeNow,
  createApp,
  createClient,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  respond,
  signedIn,
  wrongCode,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { Sessions } from './sessions.ts'

const ONCE = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session can only be used once.' }
const EXPIRED = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' }
const INVALID = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' }

const fields = { poolId: 'us-east-1_Pool', clientId: 'client-a', sub: 'sub-1', challenge: 'SOFTWARE_TOKEN_MFA' as const }

describe('Sessions', () => {
  test('ids are opaque, 20 to 2048 characters (the CLI refuses shorter), never start with "-" (a CLI option), never repeat', () => {
    const sessions = new Sessions(createTestClock(T0))
    // 1 random id in 64 would start with "-" if nothing prevented it.
    const ids = Array.from({ length: 1000 }, () => sessions.issue(fields, 3).id)
    for (const id of ids) {
      expect(id.length).toBeGreaterThanOrEqual(20)
      expect(id.length).toBeLessThanOrEqual(2048)
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]*$/)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  test('expires exactly validity minutes after it was issued', async () => {
    const clock = createTestClock(T0)
    const sessions = new Sessions(clock)
    const { id } = sessions.issue(fields, 3)
    clock.advance(3 * MINUTE_MS - 1)
    expect(sessions.require(id, {}).id).toBe(id)
    clock.advance(1)
    expect(await failure(() => sessions.require(id, {}))).toEqual(EXPIRED)
  })

  test('next() spends the previous session and carries its binding', async () => {
    const sessions = new Sessions(createTestClock(T0))
    const first = sessions.issue(fields, 3)
    const second = sessions.next(first, { challenge: 'MFA_SETUP' }, 3)
    expect(second.id).not.toBe(first.id)
    expect(second).toMatchObject({ poolId: fields.poolId, clientId: fields.clientId, sub: fields.sub, challenge: 'MFA_SETUP', used: false })
    expect(await failure(() => sessions.require(first.id, {}))).toEqual(ONCE)
  })

  test('is bound to its client and to the challenge it expects', async () => {
    const sessions = new Sessions(createTestClock(T0))
    const { id } = sessions.issue(fields, 3)
    expect(await failure(() => sessions.require(id, { clientId: 'client-b' }))).toEqual(INVALID)
    expect(await failure(() => sessions.require(id, { challenge: 'MFA_SETUP' }))).toMatchObject({ name: 'InvalidParameterException' })
    expect(sessions.require(id, { clientId: 'client-a', challenge: 'SOFTWARE_TOKEN_MFA' }).id).toBe(id)
  })

  test('an unknown id, and one forgotten long after it expired, is "Invalid session for the user."', async () => {
    const clock = createTestClock(T0)
    const sessions = new Sessions(clock)
    expect(await failure(() => sessions.require('x'.repeat(40), {}))).toEqual(INVALID)
    const { id } = sessions.issue(fields, 3)
    clock.advance(3 * MINUTE_MS + 15 * MINUTE_MS + 1)
    sessions.issue(fields, 3) // issuing prunes old records
    expect(await failure(() => sessions.require(id, {}))).toEqual(INVALID)
  })

  test('a missing Session is an InvalidParameterException', async () => {
    const sessions = new Sessions(createTestClock(T0))
    expect(await failure(() => sessions.require(undefined, {}))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter Session',
    })
  })
})

// The same rules seen through the operations, on a SOFTWARE_TOKEN_MFA challenge.
describe('challenge sessions in a sign-in', () => {
  let deps: TestDeps
  let app: App
  let secret: string

  async function setUp(client: Record<string, unknown> = {}) {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' }, client)
    await createUser(deps, app.poolId, 'alice')
    secret = await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
    deps.clock.advance(STEP_MS) // the enrolment spent this step's code
  }

  async function challenge() {
    const reply = await adminSignIn(deps, app, 'alice')
    expect(reply.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    return reply.Session!
  }

  const answer = (session: string, code: string, target: App = app) =>
    respond(deps, target, 'SOFTWARE_TOKEN_MFA', session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: code })

  test('the Session issued is at least 20 characters', async () => {
    await setUp()
    expect((await challenge()).length).toBeGreaterThanOrEqual(20)
  })

  test('is single use: once answered, the same Session is refused', async () => {
    await setUp()
    const session = await challenge()
    expect((await answer(session, codeNow(deps, secret))).AuthenticationResult).toBeDefined()
    deps.clock.advance(STEP_MS)
    expect(await failure(answer(session, codeNow(deps, secret)))).toEqual(ONCE)
  })

  test('expires exactly at the default AuthSessionValidity of 3 minutes', async () => {
    await setUp()
    const session = await challenge()
    deps.clock.advance(3 * MINUTE_MS - 1)
    // Still alive a millisecond before: a wrong code is judged as a code, not as a dead session.
    expect((await failure(answer(session, wrongCode(deps, secret)))).name).toBe('CodeMismatchException')
    deps.clock.advance(1)
    expect(await failure(answer(session, codeNow(deps, secret)))).toEqual(EXPIRED)
  })

  test('expires exactly at a client AuthSessionValidity of 5 minutes', async () => {
    await setUp({ AuthSessionValidity: 5 })
    const session = await challenge()
    deps.clock.advance(5 * MINUTE_MS - 1)
    expect((await failure(answer(session, wrongCode(deps, secret)))).name).toBe('CodeMismatchException')
    deps.clock.advance(1)
    expect(await failure(answer(session, codeNow(deps, secret)))).toEqual(EXPIRED)
  })

  test('a session issued to a 5-minute client still works after 4 minutes', async () => {
    await setUp({ AuthSessionValidity: 5 })
    const session = await challenge()
    deps.clock.advance(4 * MINUTE_MS)
    expect((await answer(session, codeNow(deps, secret))).AuthenticationResult).toBeDefined()
  })

  test('is bound to the client it was issued to: another client of the same pool is refused', async () => {
    await setUp()
    const other: App = { poolId: app.poolId, clientId: await createClient(deps, app.poolId) }
    const session = await challenge()
    expect(await failure(answer(session, codeNow(deps, secret), other))).toEqual(INVALID)
    // ...and the refusal did not spend it for its own client.
    expect((await answer(session, codeNow(deps, secret))).AuthenticationResult).toBeDefined()
  })

  test('is bound to the challenge it expects', async () => {
    await setUp()
    const session = await challenge()
    const wrongChallenge = respondToAuthChallenge(
      { ClientId: app.clientId, ChallengeName: 'SMS_MFA', Session: session, ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: '123456' } },
      deps,
    )
    expect((await failure(wrongChallenge)).name).toBe('InvalidParameterException')
  })

  test('survives four wrong codes: the fifth try with the right code signs in', async () => {
    await setUp()
    const session = await challenge()
    for (let i = 0; i < 4; i++) {
      expect(await failure(answer(session, wrongCode(deps, secret)))).toEqual({
        name: 'CodeMismatchException',
        message: 'Invalid code received for user',
      })
    }
    expect((await answer(session, codeNow(deps, secret))).AuthenticationResult).toBeDefined()
  })

  test('after five wrong codes the session is spent, even for the right code', async () => {
    await setUp()
    const session = await challenge()
    for (let i = 0; i < 5; i++) expect((await failure(answer(session, wrongCode(deps, secret)))).name).toBe('CodeMismatchException')
    expect(await failure(answer(session, codeNow(deps, secret)))).toEqual(ONCE)
  })
})

describe('Sessions.forget (DeleteUserPool, DeleteUserPoolClient)', () => {
  const verifier = (secretBlock: string) => ({
    ...fields,
    challenge: 'PASSWORD_VERIFIER' as const,
    srp: { aHex: '1', bHex: '2', BHex: '3', secretBlock },
  })
  const other = { ...fields, poolId: 'us-east-1_Other' }

  test("forgets a pool's sessions with the SECRET_BLOCKs that name them: a block then answers as its session does", async () => {
    const sessions = new Sessions(createTestClock(T0))
    const block = sessions.newSecretBlock(3)
    const session = sessions.issue(verifier(block), 3)
    const kept = sessions.issue(other, 3)
    sessions.forget({ poolId: fields.poolId })
    expect(await failure(() => sessions.require(session.id, {}))).toEqual(EXPIRED)
    expect(await failure(() => sessions.requireBySecretBlock(block, {}))).toEqual(EXPIRED)
    expect(sessions.require(kept.id, {})).toEqual(kept)
    // The leak itself is only visible inside: no SECRET_BLOCK entry outlives its session.
    expect((sessions as unknown as { bySecretBlock: Map<string, string> }).bySecretBlock.size).toBe(0)
  })

  test('a rollback gives back the records, their blocks and their place in the eviction order', async () => {
    const sessions = new Sessions(createTestClock(T0), { maxSessions: 3 })
    const block = sessions.newSecretBlock(3)
    const oldest = sessions.issue(verifier(block), 3)
    const second = sessions.issue(other, 3)
    sessions.issue(other, 3)
    sessions.begin()
    sessions.forget({ poolId: fields.poolId })
    sessions.rollback()
    expect(sessions.requireBySecretBlock(block, {})).toEqual(oldest)
    // One more session evicts the oldest, as it would have without the forget.
    sessions.issue(other, 3)
    expect(await failure(() => sessions.require(oldest.id, {}))).toEqual(EXPIRED)
    expect(sessions.require(second.id, {})).toEqual(second)
  })
})

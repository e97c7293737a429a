// Issue 9, item 9 (growth at run time): challenge sessions are capped, oldest evicted first, and an
// evicted session answers like an expired one (docs/cognito-behaviour.md#pending-session-cap).
import { describe, expect, test } from 'vitest'
import { initiateAuth } from '../operations/initiate-auth.ts'
import { createTestClock } from '../state/clock.ts'
import {
  MINUTE_MS,
  T0,
  createApp,
  createTestDeps,
  createUser,
  failure,
  passwordClaim,
  respond,
  srpClientStart,
  srpTimestamp,
  type AuthReply,
} from '../test-support.ts'
import { MAX_SESSIONS, Sessions } from './sessions.ts'

const EXPIRED = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' }
const INVALID = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' }
const fields = { poolId: 'us-east-1_Pool', clientId: 'client-a', sub: 'sub-1', challenge: 'PASSWORD_VERIFIER' as const }

describe('the pending-session cap', () => {
  test('holds at most the cap: issuing one more evicts the oldest, which answers "session is expired"', async () => {
    const sessions = new Sessions(createTestClock(T0), { maxSessions: 3 })
    const [first, second, third] = [sessions.issue(fields, 3), sessions.issue(fields, 3), sessions.issue(fields, 3)]
    const fourth = sessions.issue(fields, 3)
    expect(sessions.size).toBe(3)
    expect(await failure(() => sessions.require(first.id, {}))).toEqual(EXPIRED)
    for (const live of [second, third, fourth]) expect(sessions.require(live.id, {}).id).toBe(live.id)
  })

  test('evicts in the order issued: a session spent or failed since keeps its place', async () => {
    const sessions = new Sessions(createTestClock(T0), { maxSessions: 2 })
    const first = sessions.issue(fields, 3)
    const second = sessions.issue(fields, 3)
    sessions.failedTry(first) // replaced, not re-issued: still the oldest
    sessions.issue(fields, 3)
    expect(await failure(() => sessions.require(first.id, {}))).toEqual(EXPIRED)
    expect(sessions.require(second.id, {}).id).toBe(second.id)
  })

  test('an evicted session is forgotten like any other once its retention has passed', async () => {
    const clock = createTestClock(T0)
    const sessions = new Sessions(clock, { maxSessions: 1 })
    const evicted = sessions.issue(fields, 3)
    sessions.issue(fields, 3)
    clock.advance(3 * MINUTE_MS + 15 * MINUTE_MS)
    expect(await failure(() => sessions.require(evicted.id, {}))).toEqual(EXPIRED)
    clock.advance(1)
    expect(await failure(() => sessions.require(evicted.id, {}))).toEqual(INVALID)
  })

  test('an id of the same shape that this process did not issue is "Invalid session for the user."', async () => {
    const sessions = new Sessions(createTestClock(T0), { maxSessions: 1 })
    const { id } = sessions.issue(fields, 3)
    sessions.issue(fields, 3) // evicts `id`
    const tampered = id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A')
    expect(await failure(() => sessions.require(tampered, {}))).toEqual(INVALID)
    // Another process (a restart) has another key: its ids are unknown here.
    expect(await failure(() => new Sessions(createTestClock(T0)).require(id, {}))).toEqual(INVALID)
  })

  test(`the default cap is ${MAX_SESSIONS}`, () => {
    expect(MAX_SESSIONS).toBeGreaterThan(0)
    const sessions = new Sessions(createTestClock(T0))
    for (let i = 0; i < MAX_SESSIONS + 50; i++) sessions.issue(fields, 3)
    expect(sessions.size).toBe(MAX_SESSIONS)
  })

  test('unanswered USER_SRP_AUTH starts do not grow past the cap, and the evicted start answers expired', async () => {
    const base = createTestDeps()
    const deps = { ...base, sessions: new Sessions(base.clock, { maxSessions: 3 }) }
    const app = await createApp(deps, { mfa: 'OFF' }, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] })
    await createUser(deps, app.poolId, 'alice')
    // One client key for every start: the client's arithmetic is slow and not what is tested.
    const { a, srpA } = srpClientStart()
    const start = async () => {
      const reply = (await initiateAuth(
        { ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srpA } },
        deps,
      )) as AuthReply
      return { a, reply }
    }
    const first = await start()
    for (let i = 0; i < 5; i++) await start()
    expect(deps.sessions.size).toBe(3)
    const claim = passwordClaim({
      poolId: app.poolId,
      a: first.a,
      challengeParameters: first.reply.ChallengeParameters,
      password: 'Corr3ct-Horse!',
      timestamp: srpTimestamp(deps.clock.now()),
    })
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', first.reply.Session, claim))).toEqual(EXPIRED)
    // The newest start still signs in.
    const last = await start()
    const answer = passwordClaim({
      poolId: app.poolId,
      a: last.a,
      challengeParameters: last.reply.ChallengeParameters,
      password: 'Corr3ct-Horse!',
      timestamp: srpTimestamp(deps.clock.now()),
    })
    expect((await respond(deps, app, 'PASSWORD_VERIFIER', last.reply.Session, answer)).AuthenticationResult).toBeDefined()
  })
})

import { describe, expect, test } from 'vitest'
import { initialSessionState, sessionFlow, type SessionEvent, type SessionState } from './session-flow.ts'

const run = (events: SessionEvent[], from: SessionState = initialSessionState(true)) => events.reduce(sessionFlow, from)
const signedIn: SessionState = { step: 'signed-in', accountName: 'alice' }

describe('sessionFlow', () => {
  test('without a stored session the form shows at once; with one, the session is checked first', () => {
    expect(initialSessionState(false)).toEqual({ step: 'signed-out' })
    expect(initialSessionState(true)).toEqual({ step: 'checking' })
  })

  test('the check finds the signed-in account, or nobody', () => {
    expect(run([{ type: 'checked', accountName: 'alice@example.com' }])).toEqual({
      step: 'signed-in',
      accountName: 'alice@example.com',
    })
    expect(run([{ type: 'checked', accountName: undefined }])).toEqual({ step: 'signed-out' })
  })

  test('a failed check shows the reason and can be retried', () => {
    const failed = run([{ type: 'check-failed', failure: 'offline' }])
    expect(failed).toEqual({ step: 'check-failed', failure: 'offline' })
    expect(sessionFlow(failed, { type: 'retried' })).toEqual({ step: 'checking' })
  })

  test('signing in on the form opens the account', () => {
    expect(run([{ type: 'signed-in', accountName: 'bob' }], { step: 'signed-out' })).toEqual({
      step: 'signed-in',
      accountName: 'bob',
    })
  })

  test.each([
    ['local', 'signed-out'],
    ['global', 'signed-out-everywhere'],
  ] as const)('signing out (%s) keeps the username for the form and says so', (reason, notice) => {
    const signingOut = sessionFlow(signedIn, { type: 'sign-out-started', reason })
    expect(signingOut).toEqual({ step: 'signing-out', accountName: 'alice', reason })
    expect(sessionFlow(signingOut, { type: 'signed-out' })).toEqual({ step: 'signed-out', username: 'alice', notice })
  })

  test('an ended session starts over with an empty form and a plain notice', () => {
    expect(run([{ type: 'sign-out-started', reason: 'session-ended' }, { type: 'signed-out' }], signedIn)).toEqual({
      step: 'signed-out',
      notice: 'session-ended',
    })
  })

  test('one sign-out at a time: a second one while signing out is ignored', () => {
    const signingOut = sessionFlow(signedIn, { type: 'sign-out-started', reason: 'global' })
    expect(sessionFlow(signingOut, { type: 'sign-out-started', reason: 'session-ended' })).toBe(signingOut)
  })

  test('events that do not fit the step are ignored', () => {
    const checking = initialSessionState(true)
    expect(sessionFlow(checking, { type: 'signed-out' })).toBe(checking)
    expect(sessionFlow(checking, { type: 'retried' })).toBe(checking)
    expect(sessionFlow(signedIn, { type: 'checked', accountName: 'mallory' })).toBe(signedIn)
    expect(sessionFlow({ step: 'signed-out' }, { type: 'sign-out-started', reason: 'local' })).toEqual({ step: 'signed-out' })
  })
})

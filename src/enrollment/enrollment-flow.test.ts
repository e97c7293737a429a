import { describe, expect, test } from 'vitest'
import {
  enrollmentFlow,
  enrollmentWithKey,
  initialEnrollmentState,
  isPending,
  issuedKey,
  type EnrollmentEvent,
  type EnrollmentState,
} from './enrollment-flow.ts'

const run = (events: EnrollmentEvent[], from: EnrollmentState = initialEnrollmentState) => events.reduce(enrollmentFlow, from)
const ready = run([{ type: 'started' }, { type: 'secret-issued', secret: 'SECRET' }])

describe('enrollmentFlow', () => {
  test('start, secret issued, code accepted, switched on', () => {
    expect(run([{ type: 'started' }])).toEqual({ step: 'loading' })
    expect(ready).toEqual({ step: 'entering-code', secret: 'SECRET', wrongCodes: 0, rejectedCodes: 0 })
    const verifying = enrollmentFlow(ready, { type: 'code-submitted' })
    expect(verifying).toEqual({ step: 'verifying', secret: 'SECRET', wrongCodes: 0, rejectedCodes: 0 })
    const activating = enrollmentFlow(verifying, { type: 'verified', needsActivation: true })
    expect(activating).toEqual({ step: 'activating', retry: false })
    expect(enrollmentFlow(activating, { type: 'activated' })).toEqual({ step: 'enrolled' })
  })

  test('without an activation step (sign-in) a verified code is the end', () => {
    expect(run([{ type: 'code-submitted' }, { type: 'verified', needsActivation: false }], ready)).toEqual({
      step: 'enrolled',
    })
  })

  test('begin() failing leaves nothing to verify; trying again starts over', () => {
    const unavailable = run([{ type: 'started' }, { type: 'failed', failure: 'offline' }])
    expect(unavailable).toEqual({ step: 'unavailable', failure: 'offline' })
    expect(enrollmentFlow(unavailable, { type: 'started' })).toEqual({ step: 'loading' })
  })

  test('wrong codes keep the secret, count up, and clear the field each time', () => {
    const once = run([{ type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }], ready)
    expect(once).toEqual({ step: 'entering-code', secret: 'SECRET', failure: 'wrong-code', wrongCodes: 1, rejectedCodes: 1 })
    const twice = run([{ type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }], once)
    expect(twice).toMatchObject({ wrongCodes: 2, rejectedCodes: 2 })
  })

  test('a reused code clears the field but is not a mismatch', () => {
    const state = run([{ type: 'code-submitted' }, { type: 'failed', failure: 'code-reused' }], ready)
    expect(state).toMatchObject({ step: 'entering-code', wrongCodes: 0, rejectedCodes: 1 })
  })

  test('a network failure keeps the secret and the typed code', () => {
    const state = run([{ type: 'code-submitted' }, { type: 'failed', failure: 'offline' }], ready)
    expect(state).toEqual({ step: 'entering-code', secret: 'SECRET', failure: 'offline', wrongCodes: 0, rejectedCodes: 0 })
  })

  test('submitting again clears the previous failure', () => {
    const failed = run([{ type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }], ready)
    expect(enrollmentFlow(failed, { type: 'code-submitted' })).not.toHaveProperty('failure')
  })

  test('switching on fails after the code was accepted: only switching on is retried', () => {
    const failed = run([{ type: 'code-submitted' }, { type: 'verified', needsActivation: true }, { type: 'failed', failure: 'offline' }], ready)
    expect(failed).toEqual({ step: 'activation-failed', failure: 'offline' })
    // There is no way back to the code form from here.
    expect(enrollmentFlow(failed, { type: 'code-submitted' })).toBe(failed)
    expect(enrollmentFlow(failed, { type: 'started' })).toBe(failed)
    const retrying = enrollmentFlow(failed, { type: 'activation-retried' })
    expect(retrying).toEqual({ step: 'activating', retry: true })
    expect(enrollmentFlow(retrying, { type: 'activated' })).toEqual({ step: 'enrolled' })
  })

  test('start over from the code form asks for a new key', () => {
    expect(enrollmentFlow(ready, { type: 'started' })).toEqual({ step: 'loading' })
  })

  test.each<[EnrollmentState, EnrollmentEvent]>([
    [{ step: 'idle' }, { type: 'code-submitted' }],
    [{ step: 'loading' }, { type: 'started' }],
    [{ step: 'loading' }, { type: 'verified', needsActivation: true }],
    [{ step: 'verifying', secret: 'S', wrongCodes: 0, rejectedCodes: 0 }, { type: 'started' }],
    [{ step: 'verifying', secret: 'S', wrongCodes: 0, rejectedCodes: 0 }, { type: 'code-submitted' }],
    [
      { step: 'verifying', secret: 'S', wrongCodes: 0, rejectedCodes: 0 },
      { type: 'secret-issued', secret: 'NEW' },
    ],
    [{ step: 'enrolled' }, { type: 'failed', failure: 'offline' }],
    [{ step: 'enrolled' }, { type: 'started' }],
    [{ step: 'activating', retry: false }, { type: 'code-submitted' }],
  ])('%j ignores %j', (state, event) => {
    expect(enrollmentFlow(state, event)).toBe(state)
  })

  test('pending is read from the step', () => {
    expect(isPending({ step: 'loading' })).toBe(true)
    expect(isPending({ step: 'verifying', secret: 'S', wrongCodes: 0, rejectedCodes: 0 })).toBe(true)
    expect(isPending({ step: 'activating', retry: true })).toBe(true)
    expect(isPending(ready)).toBe(false)
    expect(isPending({ step: 'enrolled' })).toBe(false)
  })
})

describe('leaving the setup screen and coming back (settings)', () => {
  test('an issued key is kept, and coming back shows it with a clean form', () => {
    const failed = run([{ type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }], ready)
    const closed = enrollmentFlow(failed, { type: 'closed' })
    expect(closed).toBe(failed)
    expect(issuedKey(closed)).toBe('SECRET')
    expect(enrollmentFlow(closed, { type: 'resumed' })).toEqual({
      step: 'entering-code',
      secret: 'SECRET',
      wrongCodes: 0,
      rejectedCodes: 1,
    })
  })

  test('a request in flight is kept; its answer lands for when the user comes back', () => {
    const loading = enrollmentFlow(initialEnrollmentState, { type: 'started' })
    expect(enrollmentFlow(loading, { type: 'closed' })).toBe(loading)
  })

  test.each<EnrollmentState>([{ step: 'enrolled' }, { step: 'activation-failed', failure: 'offline' }, { step: 'unavailable', failure: 'offline' }])(
    '%j is done with: the next setup starts afresh',
    (state) => {
      expect(enrollmentFlow(state, { type: 'closed' })).toEqual(initialEnrollmentState)
    },
  )

  test('finishing without the key (after a reload): a code alone, refused codes counted, then verified and switched on', () => {
    const finishing = run([{ type: 'resumed-without-key' }])
    expect(finishing).toEqual({ step: 'entering-scanned-code', wrongCodes: 0, rejectedCodes: 0 })
    expect(issuedKey(finishing)).toBeUndefined()
    const verifying = enrollmentFlow(finishing, { type: 'code-submitted' })
    expect(verifying).toEqual({ step: 'verifying-scanned-code', wrongCodes: 0, rejectedCodes: 0 })
    expect(isPending(verifying)).toBe(true)
    const refused = enrollmentFlow(verifying, { type: 'failed', failure: 'wrong-code' })
    expect(refused).toEqual({ step: 'entering-scanned-code', failure: 'wrong-code', wrongCodes: 1, rejectedCodes: 1 })
    expect(run([{ type: 'code-submitted' }, { type: 'verified', needsActivation: true }], refused)).toEqual({ step: 'activating', retry: false })
  })

  test('a key in hand is never traded for the code-alone form; the code-alone form can start over with a new key', () => {
    expect(enrollmentFlow(ready, { type: 'resumed-without-key' })).toBe(ready)
    const finishing = run([{ type: 'resumed-without-key' }])
    expect(enrollmentFlow(finishing, { type: 'started' })).toEqual({ step: 'loading' })
    // Nothing to keep when leaving it: the key was never here.
    expect(enrollmentFlow(finishing, { type: 'closed' })).toEqual(initialEnrollmentState)
  })

  test('inside sign-in the key came with the challenge', () => {
    expect(enrollmentWithKey('KEY')).toEqual({ step: 'entering-code', secret: 'KEY', wrongCodes: 0, rejectedCodes: 0 })
  })
})

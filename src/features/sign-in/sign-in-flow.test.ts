import { describe, expect, test } from 'vitest'
import { holdsPassword, initialSignInState, signInFlow, type SignInEvent, type SignInState } from './sign-in-flow.ts'

const deadline = 1_000_180_000
const run = (events: SignInEvent[], from: SignInState = initialSignInState()) => events.reduce(signInFlow, from)
const toTotp: SignInEvent[] = [
  { type: 'credentials-submitted', username: 'alice' },
  { type: 'answered', result: { step: 'totp-code' }, deadline },
]

describe('signInFlow', () => {
  test('password then TOTP code signs in', () => {
    expect(run([...toTotp, { type: 'code-submitted' }, { type: 'answered', result: { step: 'done' }, deadline }])).toEqual({
      step: 'signed-in',
      username: 'alice',
    })
  })

  test('the TOTP step carries the challenge deadline', () => {
    expect(run(toTotp)).toEqual({ step: 'totp-code', username: 'alice', deadline, wrongCodes: 0, attempt: 0 })
  })

  test('a second submit while checking is ignored (no double submit)', () => {
    const checking = run([...toTotp, { type: 'code-submitted' }])
    expect(signInFlow(checking, { type: 'code-submitted' })).toBe(checking)
  })

  test('a wrong code returns to the code step with the failure, a cleared field and the same session', () => {
    const state = run([...toTotp, { type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }])
    expect(state).toEqual({
      step: 'totp-code',
      username: 'alice',
      deadline,
      failure: 'wrong-code',
      wrongCodes: 1,
      attempt: 1,
    })
  })

  test('wrong codes are counted so help can appear after two', () => {
    const wrong: SignInEvent[] = [{ type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }]
    const state = run([...toTotp, ...wrong, ...wrong])
    expect(state.step === 'totp-code' && state.wrongCodes).toBe(2)
  })

  describe('too many wrong codes (issue 10, item 5)', () => {
    const wrong: SignInEvent[] = [{ type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }]
    const fiveWrong = [...toTotp, ...wrong, ...wrong, ...wrong, ...wrong, ...wrong]

    test('the session gone after the pool\'s five tries: back to sign-in saying so, username kept, not "timed out"', () => {
      const state = run([...fiveWrong, { type: 'code-submitted' }, { type: 'failed', failure: 'session-expired' }])
      expect(state).toEqual({ step: 'credentials', username: 'alice', failure: 'too-many-codes' })
    })

    test('a session that lapses after fewer wrong codes, or by the clock after five, still reads as timed out', () => {
      const four = [...toTotp, ...wrong, ...wrong, ...wrong, ...wrong]
      expect(run([...four, { type: 'code-submitted' }, { type: 'failed', failure: 'session-expired' }])).toEqual({
        step: 'credentials',
        username: 'alice',
        failure: 'session-expired',
      })
      expect(run([...fiveWrong, { type: 'timed-out' }])).toEqual({ step: 'credentials', username: 'alice', failure: 'session-expired' })
    })

    test('a lockout after wrong codes: back to sign-in saying to wait', () => {
      const state = run([...toTotp, ...wrong, { type: 'code-submitted' }, { type: 'failed', failure: 'too-many-attempts' }])
      expect(state).toEqual({ step: 'credentials', username: 'alice', failure: 'too-many-codes-locked' })
    })

    test('a lockout with no wrong code in this sign-in keeps the code step (it came from elsewhere)', () => {
      const state = run([...toTotp, { type: 'code-submitted' }, { type: 'failed', failure: 'too-many-attempts' }])
      expect(state).toMatchObject({ step: 'totp-code', failure: 'too-many-attempts', wrongCodes: 0 })
    })
  })

  test('an offline failure is not counted as a wrong code', () => {
    const state = run([...toTotp, { type: 'code-submitted' }, { type: 'failed', failure: 'offline' }])
    expect(state).toMatchObject({ step: 'totp-code', failure: 'offline', wrongCodes: 0, attempt: 1 })
  })

  test('when the clock runs out the user goes back to sign-in with the username kept', () => {
    expect(run([...toTotp, { type: 'timed-out' }])).toEqual({
      step: 'credentials',
      username: 'alice',
      failure: 'session-expired',
    })
  })

  test('while a code is being checked the server, not the clock, decides', () => {
    const checking = run([...toTotp, { type: 'code-submitted' }])
    expect(signInFlow(checking, { type: 'timed-out' })).toBe(checking)
  })

  test('the server saying the session lapsed ends the challenge the same way', () => {
    expect(run([...toTotp, { type: 'code-submitted' }, { type: 'failed', failure: 'session-expired' }])).toEqual({
      step: 'credentials',
      username: 'alice',
      failure: 'session-expired',
    })
  })

  test('wrong credentials keep the username and say why', () => {
    expect(
      run([
        { type: 'credentials-submitted', username: 'bob' },
        { type: 'failed', failure: 'bad-credentials' },
      ]),
    ).toEqual({
      step: 'credentials',
      username: 'bob',
      failure: 'bad-credentials',
    })
  })

  test('MFA_SETUP leads to setup with the secret, and enrolment signs in', () => {
    const setup = run([
      { type: 'credentials-submitted', username: 'carol' },
      { type: 'answered', result: { step: 'totp-setup', secret: 'ABC' }, deadline },
    ])
    expect(setup).toEqual({
      step: 'totp-setup',
      username: 'carol',
      setup: { step: 'entering-code', secret: 'ABC', wrongCodes: 0, rejectedCodes: 0 },
      deadline,
      // Reached from the password form: signing in again can fetch a new key.
      newKey: true,
      // The first key this browser showed this user.
      replacedKey: false,
    })
    // An earlier key shown here was never verified: the screen is to say this one replaced it (issue 11, item 5).
    expect(
      run([
        { type: 'credentials-submitted', username: 'carol' },
        { type: 'answered', result: { step: 'totp-setup', secret: 'NEW', replacesUnverifiedKey: true }, deadline },
      ]),
    ).toMatchObject({ step: 'totp-setup', replacedKey: true })
    const enrolled = run(
      [
        { type: 'setup', event: { type: 'code-submitted' } },
        { type: 'setup', event: { type: 'verified', needsActivation: false } },
      ],
      setup,
    )
    // Signed in by setting up: the account page confirms it (issue 11, item 8).
    expect(enrolled).toEqual({ step: 'signed-in', username: 'carol', setUp: true })
    expect(signInFlow(setup, { type: 'timed-out' })).toMatchObject({ step: 'credentials', failure: 'session-expired' })
  })

  test('"start over" during setup: the new sign-in\'s MFA_SETUP brings a new key and a new deadline (issue 11, item 1)', () => {
    const later = deadline + 100_000
    const restarted = run([
      { type: 'credentials-submitted', username: 'carol' },
      { type: 'answered', result: { step: 'totp-setup', secret: 'ABC' }, deadline },
      { type: 'setup', event: { type: 'started' } },
      { type: 'answered', result: { step: 'totp-setup', secret: 'NEW' }, deadline: later },
    ])
    expect(restarted).toMatchObject({ step: 'totp-setup', deadline: later, setup: { step: 'entering-code', secret: 'NEW', wrongCodes: 0 } })
    const refused = run([
      { type: 'credentials-submitted', username: 'carol' },
      { type: 'answered', result: { step: 'totp-setup', secret: 'ABC' }, deadline },
      { type: 'setup', event: { type: 'started' } },
      { type: 'failed', failure: 'offline' },
    ])
    expect(refused).toMatchObject({ step: 'totp-setup', setup: { step: 'unavailable', failure: 'offline' } })
  })

  test('during setup a wrong code stays in setup with the same key; the clock waits while a code is checked', () => {
    const setup = run([
      { type: 'credentials-submitted', username: 'carol' },
      { type: 'answered', result: { step: 'totp-setup', secret: 'ABC' }, deadline },
      { type: 'setup', event: { type: 'code-submitted' } },
    ])
    // The server decides a code that is being checked, even past the deadline.
    expect(signInFlow(setup, { type: 'timed-out' })).toBe(setup)
    const wrong = signInFlow(setup, { type: 'setup', event: { type: 'failed', failure: 'wrong-code' } })
    expect(wrong).toMatchObject({
      step: 'totp-setup',
      setup: { step: 'entering-code', secret: 'ABC', failure: 'wrong-code', wrongCodes: 1, rejectedCodes: 1 },
    })
    expect(signInFlow(wrong, { type: 'timed-out' })).toMatchObject({ step: 'credentials', failure: 'session-expired' })
  })

  test('the pool ending the session during setup is back to the password, username kept', () => {
    const setup = run([
      { type: 'credentials-submitted', username: 'carol' },
      { type: 'answered', result: { step: 'totp-setup', secret: 'ABC' }, deadline },
      { type: 'setup', event: { type: 'code-submitted' } },
      { type: 'setup', event: { type: 'failed', failure: 'session-expired' } },
    ])
    expect(setup).toEqual({ step: 'credentials', username: 'carol', failure: 'session-expired' })
  })

  test('choosing an MFA type leads to that factor with a fresh session deadline', () => {
    const state = run([
      { type: 'credentials-submitted', username: 'dan' },
      { type: 'answered', result: { step: 'select-mfa', options: ['sms', 'totp'] }, deadline },
      { type: 'mfa-type-chosen' },
      { type: 'answered', result: { step: 'totp-code' }, deadline: deadline + 5000 },
    ])
    expect(state).toMatchObject({ step: 'totp-code', deadline: deadline + 5000 })
  })

  test('NEW_PASSWORD_REQUIRED: a refused password stays on the step with the reason', () => {
    const state = run([
      { type: 'credentials-submitted', username: 'erin' },
      { type: 'answered', result: { step: 'new-password', missingAttributes: ['email'] }, deadline },
      { type: 'new-password-submitted' },
      { type: 'failed', failure: 'invalid-password' },
    ])
    expect(state).toEqual({
      step: 'new-password',
      username: 'erin',
      deadline,
      missingAttributes: ['email'],
      failure: 'invalid-password',
    })
  })

  test('an unconfirmed account is handed over to confirm it (the sign-up feature)', () => {
    const answered = run([
      { type: 'credentials-submitted', username: 'fay' },
      { type: 'answered', result: { step: 'confirm-sign-up' }, deadline },
    ])
    expect(answered).toEqual({ step: 'unconfirmed', username: 'fay' })
    // Cognito says "not confirmed" as an error on some paths; it is the same hand-off.
    const refused = run([
      { type: 'credentials-submitted', username: 'fay' },
      { type: 'failed', failure: 'not-confirmed' },
    ])
    expect(refused).toEqual({ step: 'unconfirmed', username: 'fay' })
    expect(signInFlow(refused, { type: 'back-to-sign-in' })).toBe(refused)
  })

  test('a required password reset is handed over to the password reset, as the exception is', () => {
    const handed = run([
      { type: 'credentials-submitted', username: 'hal' },
      { type: 'answered', result: { step: 'reset-password' }, deadline },
    ])
    expect(handed).toEqual({ step: 'reset-required', username: 'hal' })
    expect(signInFlow(handed, { type: 'back-to-sign-in' })).toBe(handed)
    expect(
      run([
        { type: 'credentials-submitted', username: 'hal' },
        { type: 'failed', failure: 'password-reset-required' },
      ]),
    ).toEqual({ step: 'reset-required', username: 'hal' })
  })

  test('going back from a challenge keeps the username and forgets the failure', () => {
    const wrong = run([...toTotp, { type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }])
    expect(signInFlow(wrong, { type: 'back-to-sign-in' })).toEqual({ step: 'credentials', username: 'alice' })
  })

  test('events that do not belong to the current step are ignored', () => {
    const start = initialSignInState('zoe')
    expect(signInFlow(start, { type: 'code-submitted' })).toBe(start)
    expect(signInFlow(start, { type: 'timed-out' })).toBe(start)
    expect(signInFlow(start, { type: 'answered', result: { step: 'done' }, deadline })).toBe(start)
  })
})

describe('holdsPassword: where the password may stay in memory (ADR 019)', () => {
  const carol: SignInEvent = { type: 'credentials-submitted', username: 'carol' }
  const setupChallenge: SignInEvent = { type: 'answered', result: { step: 'totp-setup', secret: 'ABC' }, deadline }
  const inSetup = run([carol, setupChallenge])
  const startOver: SignInEvent = { type: 'setup', event: { type: 'started' } }

  test('while it is checked, and during MFA_SETUP reached from the password form (for a new key), also while one is fetched or failed', () => {
    expect(holdsPassword(run([carol]))).toBe(true)
    expect(holdsPassword(inSetup)).toBe(true)
    expect(holdsPassword(run([{ type: 'setup', event: { type: 'started' } }], inSetup))).toBe(true)
    expect(
      holdsPassword(
        run(
          [
            { type: 'setup', event: { type: 'started' } },
            { type: 'failed', failure: 'offline' },
          ],
          inSetup,
        ),
      ),
    ).toBe(true)
    expect(holdsPassword(run([startOver, { type: 'failed', failure: 'unexpected' }], inSetup))).toBe(true)
    expect(holdsPassword(run([{ type: 'setup', event: { type: 'code-submitted' } }], inSetup))).toBe(true)
  })

  test('a "Start over" refused for a reason the form would give ends the setup as the form does; no connection keeps it', () => {
    expect(run([startOver, { type: 'failed', failure: 'bad-credentials' }], inSetup)).toEqual({
      step: 'credentials',
      username: 'carol',
      failure: 'bad-credentials',
    })
    expect(run([startOver, { type: 'failed', failure: 'locked-out' }], inSetup)).toEqual({
      step: 'credentials',
      username: 'carol',
      failure: 'locked-out',
    })
    expect(run([startOver, { type: 'failed', failure: 'offline' }], inSetup)).toMatchObject({
      step: 'totp-setup',
      setup: { step: 'unavailable', failure: 'offline' },
    })
  })

  test.each<[string, SignInState['step'], SignInState]>([
    ['before any sign-in', 'credentials', initialSignInState('carol')],
    ['refused', 'credentials', run([carol, { type: 'failed', failure: 'bad-credentials' }])],
    [
      'signed in after setup',
      'signed-in',
      run(
        [
          { type: 'setup', event: { type: 'code-submitted' } },
          { type: 'setup', event: { type: 'verified', needsActivation: false } },
        ],
        inSetup,
      ),
    ],
    ['signed in without a challenge', 'signed-in', run([carol, { type: 'answered', result: { step: 'done' }, deadline }])],
    ['setup cancelled', 'credentials', run([{ type: 'back-to-sign-in' }], inSetup)],
    ['setup timed out', 'credentials', run([{ type: 'timed-out' }], inSetup)],
    ['setup session ended by the pool', 'credentials', run([{ type: 'setup', event: { type: 'failed', failure: 'session-expired' } }], inSetup)],
    ['a code step instead', 'totp-code', run([carol, { type: 'answered', result: { step: 'totp-code' }, deadline }])],
    [
      'setup after a new password (the one in memory is no longer current)',
      'totp-setup',
      run([
        carol,
        { type: 'answered', result: { step: 'new-password', missingAttributes: [] }, deadline },
        { type: 'new-password-submitted' },
        setupChallenge,
      ]),
    ],
    ['start over refused: the password changed elsewhere', 'credentials', run([startOver, { type: 'failed', failure: 'bad-credentials' }], inSetup)],
    ['start over refused: locked out', 'credentials', run([startOver, { type: 'failed', failure: 'locked-out' }], inSetup)],
    ['start over refused: a reset required', 'reset-required', run([startOver, { type: 'failed', failure: 'password-reset-required' }], inSetup)],
    ['start over refused: not confirmed', 'unconfirmed', run([startOver, { type: 'failed', failure: 'not-confirmed' }], inSetup)],
    ['handed over to sign-up', 'unconfirmed', run([carol, { type: 'failed', failure: 'not-confirmed' }])],
    ['handed over to the password reset', 'reset-required', run([carol, { type: 'failed', failure: 'password-reset-required' }])],
  ])('dropped: %s (%s)', (_, step, state) => {
    expect(state.step).toBe(step)
    expect(holdsPassword(state)).toBe(false)
  })
})

import { describe, expect, test } from 'vitest'
import {
  initialReauthenticationState,
  reauthenticationFlow,
  type ReauthenticationEvent,
  type ReauthenticationState,
} from './reauthentication-flow.ts'

const run = (events: ReauthenticationEvent[], from: ReauthenticationState = initialReauthenticationState) => events.reduce(reauthenticationFlow, from)

describe('reauthenticationFlow', () => {
  test('password, then the code, then closed once proved', () => {
    const code = run([{ type: 'opened' }, { type: 'password-submitted' }, { type: 'code-requested' }])
    expect(code).toEqual({ step: 'code', attempt: 0 })
    expect(run([{ type: 'code-submitted' }, { type: 'proved' }], code)).toEqual({ step: 'closed' })
  })

  test('an account that asks no code is proved by the password alone', () => {
    expect(run([{ type: 'opened' }, { type: 'password-submitted' }, { type: 'proved' }])).toEqual({ step: 'closed' })
  })

  test('a refusal keeps the step, with the failure and a new attempt (the view clears the field)', () => {
    const wrongPassword = run([{ type: 'opened' }, { type: 'password-submitted' }, { type: 'failed', failure: 'bad-credentials' }])
    expect(wrongPassword).toEqual({ step: 'password', failure: 'bad-credentials', attempt: 1 })
    const wrongCode = run(
      [{ type: 'password-submitted' }, { type: 'code-requested' }, { type: 'code-submitted' }, { type: 'failed', failure: 'wrong-code' }],
      wrongPassword,
    )
    expect(wrongCode).toEqual({ step: 'code', failure: 'wrong-code', attempt: 1 })
  })

  test('a lapsed challenge goes back to the password', () => {
    const lapsed = run([
      { type: 'opened' },
      { type: 'password-submitted' },
      { type: 'code-requested' },
      { type: 'code-submitted' },
      { type: 'failed', failure: 'lapsed' },
    ])
    expect(lapsed).toEqual({ step: 'password', failure: 'lapsed', attempt: 0 })
  })

  test('a second submit while one is checked is ignored; closing works from any step', () => {
    const checking = run([{ type: 'opened' }, { type: 'password-submitted' }])
    expect(reauthenticationFlow(checking, { type: 'password-submitted' })).toBe(checking)
    expect(reauthenticationFlow(checking, { type: 'code-submitted' })).toBe(checking)
    expect(reauthenticationFlow(checking, { type: 'closed' })).toEqual({ step: 'closed' })
  })
})

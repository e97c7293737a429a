import { describe, expect, test } from 'vitest'
import { initialSignUpState, signUpFlow, type SignUpEvent, type SignUpState } from './sign-up-flow.ts'

const run = (events: SignUpEvent[], from: SignUpState) => events.reduce(signUpFlow, from)
const form = initialSignUpState({ step: 'sign-up', username: '' })

describe('signUpFlow', () => {
  test('an unconfirmed account asks for the confirmation code; a wrong one stays, the right one confirms', () => {
    const confirm = initialSignUpState({ step: 'confirm-sign-up', username: 'fay' })
    expect(confirm).toEqual({ step: 'confirm-sign-up', username: 'fay' })
    const failed = run([{ type: 'confirmation-submitted' }, { type: 'failed', failure: 'wrong-code' }], confirm)
    expect(failed).toEqual({ step: 'confirm-sign-up', username: 'fay', failure: 'wrong-code' })
    expect(run([{ type: 'confirmation-submitted' }, { type: 'confirmed' }], failed)).toEqual({
      step: 'confirmed',
      username: 'fay',
    })
  })

  test('sign-up, resend, confirm', () => {
    const state = run(
      [
        { type: 'sign-up-submitted', username: 'gus' },
        { type: 'signed-up', destination: 'g***@example.com' },
        { type: 'resend-requested' },
        { type: 'resent' },
      ],
      form,
    )
    expect(state).toEqual({ step: 'confirm-sign-up', username: 'gus', destination: 'g***@example.com', resent: true })
  })

  test('a taken username returns to the sign-up form with the reason', () => {
    const state = run(
      [
        { type: 'sign-up-submitted', username: 'gus' },
        { type: 'failed', failure: 'username-exists' },
      ],
      form,
    )
    expect(state).toEqual({ step: 'sign-up', username: 'gus', failure: 'username-exists' })
  })

  test('events that do not belong to the current step are ignored', () => {
    expect(signUpFlow(form, { type: 'confirmation-submitted' })).toBe(form)
    const signingUp = signUpFlow(form, { type: 'sign-up-submitted', username: 'gus' })
    expect(signUpFlow(signingUp, { type: 'sign-up-submitted', username: 'other' })).toBe(signingUp)
    const confirmed = { step: 'confirmed', username: 'gus' } as const
    expect(signUpFlow(confirmed, { type: 'failed', failure: 'offline' })).toBe(confirmed)
  })
})

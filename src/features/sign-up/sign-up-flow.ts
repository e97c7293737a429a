// Creating an account and confirming it, as one state machine. Its ends are hand-offs to
// sign-in (confirmed, or back), which the app wires: features never import each other.
import type { AuthFailure } from '../../auth/auth-failure.ts'

export type SignUpState =
  | { step: 'sign-up' | 'signing-up'; username: string; failure?: AuthFailure }
  | {
      step: 'confirm-sign-up' | 'confirming-sign-up' | 'resending-code'
      username: string
      failure?: AuthFailure
      destination?: string
      resent?: boolean
    }
  /** Confirmed: sign-in takes over (with the password, when it is still in memory). */
  | { step: 'confirmed'; username: string }

export type SignUpEvent =
  | { type: 'sign-up-submitted'; username: string }
  | { type: 'signed-up'; destination?: string }
  | { type: 'confirmation-submitted' }
  | { type: 'confirmed' }
  | { type: 'resend-requested' }
  | { type: 'resent'; destination?: string }
  | { type: 'failed'; failure: AuthFailure }

/** Where the feature starts: the form, or (an unconfirmed sign-in) the confirmation code. */
export type SignUpStart = { step: 'sign-up' | 'confirm-sign-up'; username: string }

export function initialSignUpState(start: SignUpStart): SignUpState {
  return { step: start.step, username: start.username }
}

export function signUpFlow(s: SignUpState, e: SignUpEvent): SignUpState {
  switch (s.step) {
    case 'sign-up':
      if (e.type === 'sign-up-submitted') return { step: 'signing-up', username: e.username }
      return s
    case 'signing-up':
      if (e.type === 'signed-up') return { step: 'confirm-sign-up', username: s.username, destination: e.destination }
      if (e.type === 'failed') return { step: 'sign-up', username: s.username, failure: e.failure }
      return s
    case 'confirm-sign-up':
      if (e.type === 'confirmation-submitted') return { ...s, step: 'confirming-sign-up', failure: undefined }
      if (e.type === 'resend-requested') return { ...s, step: 'resending-code', failure: undefined }
      return s
    case 'confirming-sign-up':
      if (e.type === 'confirmed') return { step: 'confirmed', username: s.username }
      if (e.type === 'failed') return { ...s, step: 'confirm-sign-up', failure: e.failure }
      return s
    case 'resending-code':
      if (e.type === 'resent') return { ...s, step: 'confirm-sign-up', resent: true, destination: e.destination ?? s.destination }
      if (e.type === 'failed') return { ...s, step: 'confirm-sign-up', failure: e.failure }
      return s
    case 'confirmed':
      return s
  }
}

// A forgotten (or administrator-reset) password as one state machine: ask for a code, then enter it
// with a new password. Its end is a hand-off to sign-in, which the app wires: features never import
// each other.
import type { AuthFailure } from '../../auth/auth-failure.ts'
import type { ResetCodeDelivery } from '../../auth/auth-gateway.ts'

/**
 * Why the user is here: they asked ('forgot'), or sign-in met PasswordResetRequiredException after
 * an administrator's AdminResetUserPassword ('required'), where the code is asked for at once.
 */
export type ResetReason = 'forgot' | 'required'

/** Where the feature starts: the username step, or (`reason: 'required'`) sending a code at once. */
export type PasswordResetStart = { username: string; reason?: ResetReason }

type Sent = {
  username: string
  reason: ResetReason
  delivery: ResetCodeDelivery
  /** When the last code was asked for: a new one can be asked for after the cooldown. */
  sentAt: number
  resent?: boolean
  failure?: AuthFailure
}

export type PasswordResetState =
  | { step: 'request' | 'requesting'; username: string; reason: ResetReason; failure?: AuthFailure }
  | ({ step: 'confirm' | 'confirming' | 'resending' } & Sent)
  /** The new password is set: sign-in takes over. */
  | { step: 'reset'; username: string }

export type PasswordResetEvent =
  | { type: 'request-submitted'; username: string }
  | { type: 'code-sent'; delivery: ResetCodeDelivery; at: number }
  | { type: 'confirm-submitted' }
  | { type: 'password-set' }
  | { type: 'resend-requested' }
  | { type: 'failed'; failure: AuthFailure }
  /** Back from the code to the username (a typo in the name). */
  | { type: 'change-username' }

export function initialPasswordResetState(start: PasswordResetStart): PasswordResetState {
  // After an administrator's reset the name is known and a code is needed: ask for it at once.
  if (start.reason === 'required') return { step: 'requesting', username: start.username, reason: 'required' }
  return { step: 'request', username: start.username, reason: 'forgot' }
}

export function passwordResetFlow(s: PasswordResetState, e: PasswordResetEvent): PasswordResetState {
  switch (s.step) {
    case 'request':
      if (e.type === 'request-submitted') return { step: 'requesting', username: e.username, reason: s.reason }
      return s
    case 'requesting':
      if (e.type === 'code-sent') return { step: 'confirm', username: s.username, reason: s.reason, delivery: e.delivery, sentAt: e.at }
      if (e.type === 'failed') return { step: 'request', username: s.username, reason: s.reason, failure: e.failure }
      return s
    case 'confirm':
      if (e.type === 'confirm-submitted') return { ...s, step: 'confirming', failure: undefined }
      if (e.type === 'resend-requested') return { ...s, step: 'resending', failure: undefined }
      if (e.type === 'change-username') return { step: 'request', username: s.username, reason: 'forgot' }
      return s
    case 'confirming':
      if (e.type === 'password-set') return { step: 'reset', username: s.username }
      if (e.type === 'failed') return { ...s, step: 'confirm', failure: e.failure }
      return s
    case 'resending':
      if (e.type === 'code-sent') return { ...s, step: 'confirm', delivery: e.delivery, sentAt: e.at, resent: true }
      if (e.type === 'failed') return { ...s, step: 'confirm', failure: e.failure }
      return s
    case 'reset':
      return s
  }
}

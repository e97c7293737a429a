// Who is signed in on this page: checked once with the pool, then the sign-in screen or the
// account page, until the user signs out or the session ends. Pure; use-session.ts calls Cognito.
import type { AuthFailure } from '../auth/auth-failure.ts'
import type { Notice } from '../features/sign-in/sign-in-flow.ts'

/** How a session ends: the user's "Sign out" (this browser) or "Sign out of all devices", or Cognito refused the tokens. */
export type SignOutReason = 'local' | 'global' | 'session-ended'

export type SessionState =
  | { step: 'checking' }
  | { step: 'check-failed'; failure: AuthFailure }
  | { step: 'signed-out'; username?: string; notice?: Notice }
  /** `justSetUp`: the authenticator app was set up during this sign-in; the account page confirms it. */
  | { step: 'signed-in'; accountName: string; justSetUp?: true }
  | { step: 'signing-out'; accountName: string; reason: SignOutReason }

export type SessionEvent =
  | { type: 'checked'; accountName: string | undefined }
  | { type: 'check-failed'; failure: AuthFailure }
  | { type: 'retried' }
  | { type: 'signed-in'; accountName: string; justSetUp?: true }
  | { type: 'sign-out-started'; reason: SignOutReason }
  | { type: 'signed-out' }

const notices: Record<SignOutReason, Notice> = {
  local: 'signed-out',
  global: 'signed-out-everywhere',
  'session-ended': 'session-ended',
}

/** Without a stored session there is nothing to check: the sign-in form shows at once. */
export function initialSessionState(mayBeSignedIn: boolean): SessionState {
  return mayBeSignedIn ? { step: 'checking' } : { step: 'signed-out' }
}

export function sessionFlow(s: SessionState, e: SessionEvent): SessionState {
  switch (s.step) {
    case 'checking':
      if (e.type === 'checked') return e.accountName === undefined ? { step: 'signed-out' } : { step: 'signed-in', accountName: e.accountName }
      if (e.type === 'check-failed') return { step: 'check-failed', failure: e.failure }
      return s
    case 'check-failed':
      return e.type === 'retried' ? { step: 'checking' } : s
    case 'signed-out':
      if (e.type !== 'signed-in') return s
      return e.justSetUp ? { step: 'signed-in', accountName: e.accountName, justSetUp: true } : { step: 'signed-in', accountName: e.accountName }
    case 'signed-in':
      return e.type === 'sign-out-started' ? { step: 'signing-out', accountName: s.accountName, reason: e.reason } : s
    case 'signing-out':
      if (e.type !== 'signed-out') return s // one sign-out at a time
      // The user's own sign-out keeps the username in the form for the next sign-in; an ended
      // session starts over with an empty form.
      return {
        step: 'signed-out',
        username: s.reason === 'session-ended' ? undefined : s.accountName,
        notice: notices[s.reason],
      }
  }
}

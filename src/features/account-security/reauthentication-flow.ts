// The "confirm it's you" dialog as one state machine (ADR 016): the password, then the
// authenticator's code when the account asks for one. The action that needed it runs once the
// user has proved it is them ('proved'); cancelling drops it.
import type { AuthFailure } from '../../auth/auth-failure.ts'

/**
 * What the dialog can say went wrong. 'lapsed': the fresh sign-in's challenge ended (three
 * minutes, or five wrong codes), so the password is asked again; the page's session is fine.
 * 'session-changed': another tab signed out or in as someone else meanwhile; nothing was changed,
 * and the change that asked for the proof is dropped.
 */
export type ReauthenticationFailure = AuthFailure | 'lapsed' | 'session-changed'

export type ReauthenticationState =
  | { step: 'closed' }
  | { step: 'password'; failure?: ReauthenticationFailure; attempt: number }
  | { step: 'checking-password'; attempt: number }
  | { step: 'code'; failure?: ReauthenticationFailure; attempt: number }
  | { step: 'checking-code'; attempt: number }

export type ReauthenticationEvent =
  | { type: 'opened' }
  | { type: 'password-submitted' }
  | { type: 'code-requested' }
  | { type: 'code-submitted' }
  | { type: 'proved' }
  | { type: 'failed'; failure: ReauthenticationFailure }
  | { type: 'closed' }

export const initialReauthenticationState: ReauthenticationState = { step: 'closed' }

export function reauthenticationFlow(s: ReauthenticationState, e: ReauthenticationEvent): ReauthenticationState {
  if (e.type === 'closed') return { step: 'closed' }
  switch (s.step) {
    case 'closed':
      if (e.type === 'opened') return { step: 'password', attempt: 0 }
      return s
    case 'password':
      if (e.type === 'password-submitted') return { step: 'checking-password', attempt: s.attempt }
      return s
    case 'checking-password':
      if (e.type === 'code-requested') return { step: 'code', attempt: 0 }
      if (e.type === 'proved') return { step: 'closed' }
      // `attempt` changes so the view clears the field and focuses it again.
      if (e.type === 'failed') return { step: 'password', failure: e.failure, attempt: s.attempt + 1 }
      return s
    case 'code':
      if (e.type === 'code-submitted') return { step: 'checking-code', attempt: s.attempt }
      return s
    case 'checking-code':
      if (e.type === 'proved') return { step: 'closed' }
      // The challenge is gone: only a new password step can start another.
      if (e.type === 'failed' && (e.failure === 'lapsed' || e.failure === 'session-changed'))
        return { step: 'password', failure: e.failure, attempt: 0 }
      if (e.type === 'failed') return { step: 'code', failure: e.failure, attempt: s.attempt + 1 }
      return s
  }
}

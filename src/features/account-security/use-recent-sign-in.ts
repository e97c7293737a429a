import { useReducer, useRef, useState } from 'react'
import { toAuthFailure } from '../../auth/auth-failure.ts'
import { reauthenticationSessionChanged, type AuthGateway, type ReauthenticationStep } from '../../auth/auth-gateway.ts'
import type { Clock } from '../../ui/clock.ts'
import { initialReauthenticationState, reauthenticationFlow, type ReauthenticationFailure } from './reauthentication-flow.ts'

/** A sign-in older than this asks for the password and a code again (VITE_RECENT_SIGN_IN_MINUTES unset). */
export const defaultRecentSignInMinutes = 5

export type UseRecentSignInOptions = {
  auth: AuthGateway
  /** How recent the session's sign-in must be (VITE_RECENT_SIGN_IN_MINUTES, ADR 016). */
  maxAgeMinutes: number
  /** The page's clock: the session's age is now minus the ID token's auth_time. */
  clock: Clock
  /** The page's own session turned out to be gone: the app signs out. */
  onSessionExpired(): void
  /** The proof associated a new key (MFA_SETUP): any key the page holds is no longer valid. */
  onKeyReplaced?(): void
}

/**
 * "Confirm it's you" before a sensitive change (turning the authenticator off, replacing it, and
 * later forgetting remembered browsers). `whenRecent(action)` runs the action at once when the
 * session's sign-in is recent enough, else opens the dialog and runs it once the user has proved it
 * is them; cancelling drops it. The page stays where it was either way.
 */
export function useRecentSignIn({ auth, maxAgeMinutes, clock, onSessionExpired, onKeyReplaced }: UseRecentSignInOptions) {
  const [state, dispatch] = useReducer(reauthenticationFlow, initialReauthenticationState)
  // The action waiting for the proof. A ref: it is run, not rendered.
  const pending = useRef<(() => void) | undefined>(undefined)
  // Set synchronously, so a double click or an auto-submit plus Enter makes one request.
  const busy = useRef(false)
  // The session's age is being read: what asked for the change shows it as under way and cannot be
  // cancelled meanwhile, so a late answer never runs a change the user already called off.
  const [checking, setChecking] = useState(false)
  const onExpired = useRef(onSessionExpired)
  onExpired.current = onSessionExpired
  const onReplaced = useRef(onKeyReplaced)
  onReplaced.current = onKeyReplaced

  function proved() {
    const action = pending.current
    pending.current = undefined
    dispatch({ type: 'proved' })
    action?.()
  }

  async function whenRecent(action: () => void) {
    if (busy.current || state.step !== 'closed') return
    busy.current = true
    setChecking(true)
    let recent = false
    try {
      recent = clock.now() - (await auth.authenticatedAt()) <= maxAgeMinutes * 60_000
    } catch (error) {
      // No session to read: the app signs out. Anything else: ask, rather than let the change through.
      if (toAuthFailure(error, 'preference') === 'session-expired') {
        onExpired.current()
        return
      }
    } finally {
      busy.current = false
      setChecking(false)
    }
    if (recent) {
      action()
      return
    }
    pending.current = action
    dispatch({ type: 'opened' })
  }

  async function answer(call: () => Promise<ReauthenticationStep>, failure: (error: unknown) => ReauthenticationFailure | 'signed-out') {
    busy.current = true
    try {
      const step = await call()
      // Before the change runs: a replacement must not offer the key that is gone.
      if (step.step === 'done' && step.keyReplaced) onReplaced.current?.()
      if (step.step === 'done') proved()
      else dispatch({ type: 'code-requested' })
    } catch (error) {
      const reason = error instanceof Error && error.name === reauthenticationSessionChanged ? 'session-changed' : failure(error)
      // Whoever this page is signed in as now did not ask for the change: it is dropped.
      if (reason === 'session-changed') pending.current = undefined
      if (reason === 'signed-out') {
        pending.current = undefined
        dispatch({ type: 'closed' })
        onExpired.current()
      } else {
        dispatch({ type: 'failed', failure: reason })
      }
    } finally {
      busy.current = false
    }
  }

  return {
    state,
    /** The session's age is being read for `whenRecent`. */
    checking,
    whenRecent: (action: () => void) => void whenRecent(action),
    submitPassword(password: string) {
      if (busy.current || state.step !== 'password') return
      dispatch({ type: 'password-submitted' })
      void answer(
        () => auth.reauthenticate(password),
        (error) => {
          const reason = toAuthFailure(error, 'password')
          // At this step a lapse means the page's own session is gone (no tokens to re-authenticate).
          return reason === 'session-expired' ? 'signed-out' : reason
        },
      )
    },
    submitCode(code: string) {
      if (busy.current || state.step !== 'code') return
      dispatch({ type: 'code-submitted' })
      void answer(
        () => auth.confirmReauthenticationCode(code),
        (error) => {
          const reason = toAuthFailure(error, 'code')
          // The fresh sign-in's challenge ended (three minutes, or five wrong codes); the session is fine.
          return reason === 'session-expired' ? 'lapsed' : reason
        },
      )
    },
    cancel() {
      if (busy.current) return
      pending.current = undefined
      dispatch({ type: 'closed' })
    },
  }
}

export type RecentSignInController = ReturnType<typeof useRecentSignIn>

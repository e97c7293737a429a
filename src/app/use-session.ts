import { useEffect, useReducer, useRef } from 'react'
import type { AuthGateway } from '../auth/auth-gateway.ts'
import type { TokenStorage } from '../config/app-config.ts'
import { mayHaveStoredSession, type LazyAuthGateway } from '../auth/lazy-auth-gateway.ts'
import { initialSessionState, sessionFlow, type SignOutReason } from './session-flow.ts'

/** The page's session over session-flow.ts: the only place that checks it with Cognito or signs out. */
export function useSession(gateway: AuthGateway | LazyAuthGateway, userPoolClientId: string, tokenStorage?: TokenStorage) {
  const [state, dispatch] = useReducer(sessionFlow, undefined, () =>
    // Without Amplify's stored-user key nobody can be signed in: show the form at once instead
    // of loading Amplify to find that out.
    initialSessionState(!('prefetch' in gateway) || mayHaveStoredSession(userPoolClientId, tokenStorage)),
  )

  const checking = state.step === 'checking'
  useEffect(() => {
    if (!checking) return
    let live = true
    gateway.getCurrentUser().then(
      (user) => live && dispatch({ type: 'checked', accountName: user ? (user.loginId ?? user.username) : undefined }),
      (error) =>
        void import('./session-check-failure.ts').then(
          ({ sessionCheckFailure }) => live && dispatch({ type: 'check-failed', failure: sessionCheckFailure(error) }),
          () => live && dispatch({ type: 'check-failed', failure: 'offline' }),
        ),
    )
    return () => {
      live = false
    }
  }, [checking, gateway])

  // Set at once, not at the next render: two reads refused together (the status and the browsers
  // list, when the session has ended) call this twice before React renders again.
  const signingOut = useRef(false)
  async function signOut(reason: SignOutReason) {
    if (state.step !== 'signed-in' || signingOut.current) return // already signing out (the reducer would ignore it too)
    signingOut.current = true
    dispatch({ type: 'sign-out-started', reason })
    try {
      await gateway.signOut({ global: reason === 'global' })
    } catch (error) {
      // Amplify clears the tokens in this browser even when the server call fails.
      console.debug(`[auth] sign-out: ${error instanceof Error ? error.name : 'unknown error'}`)
    }
    signingOut.current = false
    dispatch({ type: 'signed-out' })
  }

  return {
    state,
    retry: () => dispatch({ type: 'retried' }),
    signedIn: (accountName: string, justSetUp?: boolean) =>
      dispatch(justSetUp ? { type: 'signed-in', accountName, justSetUp } : { type: 'signed-in', accountName }),
    signOut,
  }
}

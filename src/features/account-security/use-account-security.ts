import { useEffect, useReducer, useRef } from 'react'
import { toAuthFailure, type AuthFailure, type AuthStep } from '../../auth/auth-failure.ts'
import type { AuthGateway } from '../../auth/auth-gateway.ts'
import { initialSecurityState, securityFlow } from './security-flow.ts'

export type UseAccountSecurityOptions = {
  auth: AuthGateway
  /** From configuration; when false the server may still refuse, and the page learns it. */
  mfaRequired: boolean
  /** The access token was refused (expired, or signed out everywhere): the app signs out. */
  onSessionExpired(): void
}

export function useAccountSecurity({ auth, mfaRequired, onSessionExpired }: UseAccountSecurityOptions) {
  const [state, dispatch] = useReducer(securityFlow, mfaRequired, initialSecurityState)
  const busy = useRef(false)
  const onExpired = useRef(onSessionExpired)
  onExpired.current = onSessionExpired

  function fail(error: unknown, step: AuthStep) {
    const failure: AuthFailure = toAuthFailure(error, step)
    if (failure === 'session-expired') onExpired.current()
    dispatch({ type: 'failed', failure })
  }

  // Reading the status is safe to repeat, so an effect is fine here (StrictMode may run it twice;
  // the stale answer is dropped).
  const loading = state.step === 'loading'
  useEffect(() => {
    if (!loading) return
    let current = true
    auth.fetchMfaStatus().then(
      (status) => current && dispatch({ type: 'loaded', status }),
      (error) => current && fail(error, 'preference'),
    )
    return () => {
      current = false
    }
  }, [loading, auth])

  async function guarded(step: AuthStep, call: () => Promise<void>, done: () => void) {
    if (busy.current) return
    busy.current = true
    try {
      await call()
      done()
    } catch (error) {
      fail(error, step)
    } finally {
      busy.current = false
    }
  }

  return {
    state,
    reload: () => dispatch({ type: 'reload' }),
    setUp: () => dispatch({ type: 'setup-requested' }),
    replace: () => dispatch({ type: 'replace-requested' }),
    confirmReplace: () => dispatch({ type: 'replace-confirmed' }),
    cancel: () => dispatch({ type: 'cancelled' }),
    enrolled: () => dispatch({ type: 'enrolled' }),
    askToDisable: () => dispatch({ type: 'disable-requested' }),
    confirmDisable() {
      if (state.step !== 'confirm-disable') return
      dispatch({ type: 'disable-confirmed' })
      void guarded('disable', () => auth.disableTotp(), () => dispatch({ type: 'disabled' }))
    },
    makePreferred() {
      if (state.step !== 'overview') return
      dispatch({ type: 'make-preferred-requested' })
      void guarded('preference', () => auth.setTotpPreferred(), () => dispatch({ type: 'made-preferred' }))
    },
  }
}

export type AccountSecurityController = ReturnType<typeof useAccountSecurity>

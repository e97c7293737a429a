import { useEffect, useReducer, useRef } from 'react'
import { toAuthFailure, type AuthFailure, type AuthStep } from '../../auth/auth-failure.ts'
import type { AuthGateway } from '../../auth/auth-gateway.ts'
import { enrollmentFlow, initialEnrollmentState, isPending } from '../../enrollment/enrollment-flow.ts'
import { canFinish, initialSecurityState, securityFlow, type PoolMfaRequired } from './security-flow.ts'

export type UseAccountSecurityOptions = {
  auth: AuthGateway
  /**
   * From configuration: true, false, or undefined when it does not say. Unless true the server may
   * still refuse turning off, and the page learns it.
   */
  mfaRequired: PoolMfaRequired
  /** The access token was refused (expired, or signed out everywhere): the app signs out. */
  onSessionExpired(): void
}

export function useAccountSecurity({ auth, mfaRequired, onSessionExpired }: UseAccountSecurityOptions) {
  const [state, dispatch] = useReducer(securityFlow, mfaRequired, initialSecurityState)
  const busy = useRef(false)
  // The authenticator setup. Its state lives as long as this page (one signed-in user) and holds
  // the issued key, in memory only: leaving setup (Cancel) and coming back shows the key the user
  // may already have scanned, because a new AssociateSoftwareToken would silently invalidate it.
  // After a reload the key is gone; finishing then asks only for a code (ADR 015).
  const [enrollment, enroll] = useReducer(enrollmentFlow, initialEnrollmentState)
  // Which key request's answer counts: after "start over", a late answer to the earlier one is dropped.
  const keyRequest = useRef(0)
  // Set synchronously, so a second submit in the same tick (auto-submit and a click) is refused
  // even before React has re-rendered with the 'verifying' state.
  const setupBusy = useRef(false)
  const onExpired = useRef(onSessionExpired)
  onExpired.current = onSessionExpired
  // The state as last rendered. The sensitive actions run after the recent-sign-in check (ADR 016),
  // which may answer after the user has moved on: they read this, not the state of the render that
  // created them, so a late answer to something cancelled does nothing.
  const latest = useRef(state)
  latest.current = state
  const latestEnrollment = useRef(enrollment)
  latestEnrollment.current = enrollment
  // The device name sent with the code that was verified: the status after activation shows it
  // (statusAfterSetup), also when activation is retried.
  const verifiedName = useRef<string | undefined>(undefined)

  function fail(error: unknown, step: AuthStep) {
    const failure: AuthFailure = toAuthFailure(error, step)
    if (failure === 'session-expired') onExpired.current()
    dispatch({ type: 'failed', failure })
  }

  /**
   * A setup call failed. A refused or missing access token (signed out of all devices, perhaps in
   * another tab of this browser, which also clears the tokens here) ends the session: the app then
   * goes to sign-in and says so, instead of offering to try again a step that can no longer work.
   */
  function setupFailed(error: unknown, step: AuthStep) {
    const failure: AuthFailure = toAuthFailure(error, step)
    if (failure === 'session-expired') onExpired.current()
    enroll({ type: 'failed', failure })
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

  /** AssociateSoftwareToken: the only place a key is minted; called from clicks, never from an effect. */
  async function issueKey() {
    const request = ++keyRequest.current
    enroll({ type: 'started' })
    try {
      const { secret } = await auth.beginTotpSetup()
      if (request === keyRequest.current) enroll({ type: 'secret-issued', secret })
    } catch (error) {
      if (request === keyRequest.current) setupFailed(error, 'setup-key')
    }
  }

  function openSetup() {
    const enrollment = latestEnrollment.current
    if (enrollment.step === 'entering-code') enroll({ type: 'resumed' })
    else if (!isPending(enrollment)) {
      enroll({ type: 'closed' })
      void issueKey()
    }
  }

  /** Finishing a key issued earlier: the same key when this page still holds it, else the code alone. */
  function openFinish() {
    const enrollment = latestEnrollment.current
    if (enrollment.step === 'entering-code') enroll({ type: 'resumed' })
    else if (!isPending(enrollment)) {
      enroll({ type: 'closed' })
      enroll({ type: 'resumed-without-key' })
    }
  }

  function closeSetup() {
    enroll({ type: 'closed' })
  }

  async function activate() {
    setupBusy.current = true
    try {
      await auth.setTotpPreferred()
    } catch (error) {
      setupFailed(error, 'preference')
      return
    } finally {
      setupBusy.current = false
    }
    enroll({ type: 'activated' })
    closeSetup()
    // Both calls answered yes: the page shows what they set, without reading it back (ADR 015, revisited).
    dispatch({ type: 'enrolled', deviceName: verifiedName.current })
  }

  async function submitSetupCode(code: string, deviceName: string) {
    if (setupBusy.current || (enrollment.step !== 'entering-code' && enrollment.step !== 'entering-scanned-code')) return
    setupBusy.current = true
    enroll({ type: 'code-submitted' })
    try {
      await auth.verifyTotpSetup(code, deviceName)
    } catch (error) {
      setupBusy.current = false
      setupFailed(error, 'setup')
      return
    }
    // Verified: this key is the user's authenticator now. Switching it on is a separate call
    // that is retried on its own if it fails; the code is never asked for again.
    verifiedName.current = deviceName
    enroll({ type: 'verified', needsActivation: true })
    await activate()
  }

  return {
    state,
    /** The authenticator setup's state, shown while `state.step` is 'enrolling'. */
    enrollment,
    /** This page still holds the key it issued: "Set up" shows it again rather than issuing another. */
    holdsKey: enrollment.step === 'entering-code',
    reload: () => dispatch({ type: 'reload' }),
    setUp() {
      const state = latest.current
      if (state.step !== 'overview' || state.status.totpEnabled) return
      dispatch({ type: 'setup-requested' })
      openSetup()
    },
    /** "Finish setting up": a suspended authenticator, or a first setup left half-way. */
    finishSetup() {
      if (state.step !== 'overview' || !canFinish(state.status)) return
      dispatch({ type: 'finish-requested' })
      openFinish()
    },
    /**
     * The address asks for the setup screen (Forward, a reload, a link): the setup left earlier, with
     * its key when this page still holds it, else the code alone; never a new key. False when there
     * is none to finish.
     */
    resume(): boolean {
      const state = latest.current
      if (state.step !== 'overview' || !canFinish(state.status)) return false
      dispatch({ type: 'finish-requested' })
      openFinish()
      return true
    },
    replace: () => dispatch({ type: 'replace-requested' }),
    /** False when the page has moved on (the confirmation was left): nothing was started. */
    confirmReplace(): boolean {
      if (latest.current.step !== 'confirm-replace') return false
      dispatch({ type: 'replace-confirmed' })
      openSetup()
      return true
    },
    cancel() {
      // A code being checked (or the app being switched on) finishes first: its answer decides
      // what the page shows, and leaving now would drop it.
      if (state.step === 'enrolling' && setupBusy.current) return
      if (state.step === 'enrolling') closeSetup()
      dispatch({ type: 'cancelled' })
    },
    submitSetupCode: (code: string, deviceName: string) => void submitSetupCode(code, deviceName),
    /** "Start over with a new key" (and "Try again" after a failed key request): only on the setup screen. */
    startSetupOver: () => void (latest.current.step === 'enrolling' && !isPending(latestEnrollment.current) && issueKey()),
    retrySetup: () => void (latest.current.step === 'enrolling' && !isPending(latestEnrollment.current) && issueKey()),
    retryActivation() {
      if (setupBusy.current || enrollment.step !== 'activation-failed') return
      enroll({ type: 'activation-retried' })
      void activate()
    },
    /** Another key was associated (ADR 016): the one this page holds is dropped, never offered again. */
    forgetKey() {
      // Also in the ref at once: the change that asked for the proof runs before the next render.
      latestEnrollment.current = enrollmentFlow(latestEnrollment.current, { type: 'key-replaced' })
      enroll({ type: 'key-replaced' })
    },
    askToDisable: () => dispatch({ type: 'disable-requested' }),
    /** False when the page has moved on (the confirmation was left): nothing was started. */
    confirmDisable(): boolean {
      if (latest.current.step !== 'confirm-disable') return false
      dispatch({ type: 'disable-confirmed' })
      void guarded(
        'disable',
        () => auth.disableTotp(),
        () => dispatch({ type: 'disabled' }),
      )
      return true
    },
    makePreferred() {
      if (state.step !== 'overview') return
      dispatch({ type: 'make-preferred-requested' })
      void guarded(
        'preference',
        () => auth.setTotpPreferred(),
        () => dispatch({ type: 'made-preferred' }),
      )
    },
  }
}

export type AccountSecurityController = ReturnType<typeof useAccountSecurity>

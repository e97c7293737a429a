import { useEffect, useReducer, useRef } from 'react'
import { toAuthFailure } from '../../auth/auth-failure.ts'
import type { EnrollmentDriver } from './enrollment-driver.ts'
import { enrollmentFlow, initialEnrollmentState } from './enrollment-flow.ts'

// Every begin() mints a new secret in Cognito and silently invalidates the one the user may
// already have scanned. The promise is kept per driver, outside the component, so neither a
// re-render, nor StrictMode's mount → unmount → mount, nor leaving the screen and coming back
// with the same driver asks for another one. Only "start over" does. The account is part of
// the key so that a driver that outlives a sign-out never shows one user another user's secret.
type Setup = { accountName: string; secret: Promise<{ secret: string }> }
const setups = new WeakMap<EnrollmentDriver, Setup>()

function issuedSecret(driver: EnrollmentDriver, accountName: string, fresh: boolean): Promise<{ secret: string }> {
  const known = setups.get(driver)
  if (known && !fresh && known.accountName === accountName) return known.secret
  const setup: Setup = { accountName, secret: driver.begin() }
  setups.set(driver, setup)
  // A failed begin() is not remembered: trying again must really try again.
  setup.secret.catch(() => {
    if (setups.get(driver) === setup) setups.delete(driver)
  })
  return setup.secret
}

/** The only caller of the driver. Starts once on mount; everything else is a user action. */
export function useTotpEnrollment(driver: EnrollmentDriver, accountName: string, onEnrolled: () => void) {
  const [state, dispatch] = useReducer(enrollmentFlow, initialEnrollmentState)
  // Which begin() answer counts: after "start over", a late answer to the earlier call is dropped.
  const beginRequest = useRef(0)
  // Set synchronously, so a second submit in the same tick (auto-submit and a click) is refused
  // even before React has re-rendered with the 'verifying' state.
  const busy = useRef(false)
  const enrolled = useRef(onEnrolled)
  useEffect(() => {
    enrolled.current = onEnrolled
  })

  async function begin(fresh: boolean) {
    const request = ++beginRequest.current
    dispatch({ type: 'started' })
    try {
      const { secret } = await issuedSecret(driver, accountName, fresh)
      if (request === beginRequest.current) dispatch({ type: 'secret-issued', secret })
    } catch (error) {
      if (request === beginRequest.current) dispatch({ type: 'failed', failure: toAuthFailure(error, 'setup') })
    }
  }

  // StrictMode runs this effect twice on the same component; the ref survives that, and the
  // per-driver promise above covers a real unmount and remount.
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    void begin(false)
    // Once per mounted component by design: a different driver is a different screen (key it).
  }, [])

  async function activate(activateTotp: () => Promise<void>) {
    busy.current = true
    try {
      await activateTotp()
    } catch (error) {
      dispatch({ type: 'failed', failure: toAuthFailure(error, 'preference') })
      return
    } finally {
      busy.current = false
    }
    dispatch({ type: 'activated' })
    enrolled.current()
  }

  async function submitCode(code: string, deviceName: string) {
    if (busy.current || state.step !== 'entering-code') return
    busy.current = true
    dispatch({ type: 'code-submitted' })
    try {
      await driver.verify(code, deviceName)
    } catch (error) {
      busy.current = false
      dispatch({ type: 'failed', failure: toAuthFailure(error, 'setup') })
      return
    }
    busy.current = false
    // This secret is now the user's authenticator; a later setup must never reuse it.
    setups.delete(driver)
    const activateTotp = driver.activate?.bind(driver)
    dispatch({ type: 'verified', needsActivation: activateTotp !== undefined })
    if (activateTotp) await activate(activateTotp)
    else enrolled.current()
  }

  /** After the code was accepted but switching on failed: retries only the switch, never the code. */
  async function retryActivation() {
    const activateTotp = driver.activate?.bind(driver)
    if (busy.current || state.step !== 'activation-failed' || !activateTotp) return
    dispatch({ type: 'activation-retried' })
    await activate(activateTotp)
  }

  return {
    state,
    /** Retry after begin() failed. */
    retry: () => begin(false),
    /** An explicit new key: the only way a second secret is minted. */
    startOver: () => begin(true),
    submitCode,
    retryActivation,
  }
}

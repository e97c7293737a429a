import { useEffect, useReducer, useRef, useState } from 'react'
import { toResetFailure } from './reset-failure.ts'
import type { AuthGateway } from '../../auth/auth-gateway.ts'
import type { Clock } from '../../ui/clock.ts'
import { initialPasswordResetState, passwordResetFlow, type PasswordResetStart } from './password-reset-flow.ts'

/**
 * How long "Send a new code" waits after a code was sent. The pool allows five codes an hour
 * (docs/cognito-behaviour.md#password-reset-codes): a minute lets mail arrive before the user
 * spends another, and keeps an impatient user from using up the hour's codes in a few clicks.
 */
export const resendCooldownMs = 60_000

export type UsePasswordResetOptions = {
  auth: AuthGateway
  clock: Clock
  start: PasswordResetStart
  /** The new password is set: sign-in takes over, signing in with it. */
  onReset(username: string, password: string): void
  /** Back to the sign-in form, with the username. */
  onBackToSignIn(username: string): void
}

/** The only caller of the gateway while resetting a password. */
export function usePasswordReset({ auth, clock, start, onReset, onBackToSignIn }: UsePasswordResetOptions) {
  const [state, dispatch] = useReducer(passwordResetFlow, start, initialPasswordResetState)
  // One request at a time, refused synchronously (before React re-renders the pending state).
  const inFlight = useRef(false)

  async function requestCode(username: string) {
    inFlight.current = true
    try {
      const delivery = await auth.resetPassword(username)
      dispatch({ type: 'code-sent', delivery, at: clock.now() })
    } catch (error) {
      const failure = toResetFailure(error, 'forgot-password')
      // An unknown name (legacy existence errors) gets the same screen as a known one, without an
      // address, so the form does not tell who has an account (docs/cognito-behaviour.md#unknown-users).
      if (failure === 'bad-credentials') dispatch({ type: 'code-sent', delivery: {}, at: clock.now() })
      else dispatch({ type: 'failed', failure })
    } finally {
      inFlight.current = false
    }
  }

  // After an administrator's reset the flow starts by asking for a code. Once: the ref survives
  // StrictMode's second effect run.
  const started = useRef(false)
  useEffect(() => {
    if (started.current || start.reason !== 'required') return
    started.current = true
    void requestCode(start.username)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount
  }, [])

  function submitUsername(username: string) {
    if (inFlight.current || state.step !== 'request') return
    const name = username.trim()
    dispatch({ type: 'request-submitted', username: name })
    void requestCode(name)
  }

  function resendCode() {
    if (inFlight.current || state.step !== 'confirm' || clock.now() < state.sentAt + resendCooldownMs) return
    dispatch({ type: 'resend-requested' })
    void requestCode(state.username)
  }

  async function submitNewPassword(code: string, password: string) {
    if (inFlight.current || state.step !== 'confirm') return
    const { username } = state
    inFlight.current = true
    dispatch({ type: 'confirm-submitted' })
    try {
      await auth.confirmResetPassword(username, code.trim(), password)
    } catch (error) {
      dispatch({ type: 'failed', failure: toResetFailure(error, 'reset-password') })
      return
    } finally {
      inFlight.current = false
    }
    dispatch({ type: 'password-set' })
    onReset(username, password)
  }

  function changeUsername() {
    if (inFlight.current) return
    dispatch({ type: 'change-username' })
  }

  function backToSignIn() {
    if (inFlight.current) return
    onBackToSignIn(state.username)
  }

  return { state, submitUsername, resendCode, submitNewPassword, changeUsername, backToSignIn }
}

export type PasswordResetController = ReturnType<typeof usePasswordReset>

/** Seconds until a new code may be asked for, by the clock; 0 when it may. */
export function useCooldown(clock: Clock, sentAt: number): number {
  // Read from the clock on every render, so the render that shows a new code already counts from
  // it; the tick only makes the count go down while nothing else renders.
  const left = Math.max(0, Math.ceil((sentAt + resendCooldownMs - clock.now()) / 1000))
  const [, setTick] = useState(0)
  useEffect(() => clock.every(1000, () => setTick((tick) => tick + 1)), [clock])
  return left
}

import { useReducer, useRef } from 'react'
import { toAuthFailure, type AuthFailure } from '../../auth/auth-failure.ts'
import type { AuthGateway } from '../../auth/auth-gateway.ts'
import { initialSignUpState, signUpFlow, type SignUpStart } from './sign-up-flow.ts'

export type UseSignUpOptions = {
  auth: AuthGateway
  start: SignUpStart
  /** An unconfirmed sign-in hands over the password it was given, so confirming signs in. */
  password?: string
  /**
   * The account is confirmed: sign-in takes over. With the password still in memory it signs in
   * at once; without it, the sign-in form says the account is confirmed.
   */
  onConfirmed(username: string, password: string | undefined): void
  /** Back to the sign-in form, with the username and possibly why (already confirmed). */
  onBackToSignIn(username: string, failure?: AuthFailure): void
}

/** The only caller of the gateway while creating and confirming an account. */
export function useSignUp({ auth, start, password: handedOver, onConfirmed, onBackToSignIn }: UseSignUpOptions) {
  const [state, dispatch] = useReducer(signUpFlow, start, initialSignUpState)
  // One request at a time, refused synchronously (before React re-renders the pending state).
  const inFlight = useRef(false)
  // The password stays in memory only until the account is confirmed, so that confirming
  // signs the user in without retyping it.
  const password = useRef(handedOver)

  async function submitSignUp(username: string, secret: string, email?: string) {
    if (inFlight.current || state.step !== 'sign-up') return
    const name = username.trim()
    inFlight.current = true
    dispatch({ type: 'sign-up-submitted', username: name })
    try {
      const result = await auth.signUp(name, secret, email?.trim() || undefined)
      password.current = secret
      if (result.step === 'done') {
        // The pool confirms accounts by itself: continue straight to sign-in.
        onConfirmed(name, secret)
        return
      }
      dispatch({ type: 'signed-up', destination: result.destination })
    } catch (error) {
      dispatch({ type: 'failed', failure: toAuthFailure(error, 'sign-up') })
    } finally {
      inFlight.current = false
    }
  }

  async function submitConfirmationCode(code: string) {
    if (inFlight.current || state.step !== 'confirm-sign-up') return
    const { username } = state
    inFlight.current = true
    dispatch({ type: 'confirmation-submitted' })
    try {
      await auth.confirmSignUp(username, code.trim())
    } catch (error) {
      const failure = toAuthFailure(error, 'confirm-sign-up')
      // Confirmed meanwhile (another tab, an administrator): the sign-in form says so.
      if (failure === 'already-confirmed') onBackToSignIn(username, failure)
      else dispatch({ type: 'failed', failure })
      return
    } finally {
      inFlight.current = false
    }
    dispatch({ type: 'confirmed' })
    const secret = password.current
    password.current = undefined
    onConfirmed(username, secret)
  }

  async function resendCode() {
    if (inFlight.current || state.step !== 'confirm-sign-up') return
    inFlight.current = true
    dispatch({ type: 'resend-requested' })
    try {
      const { destination } = await auth.resendSignUpCode(state.username)
      dispatch({ type: 'resent', destination })
    } catch (error) {
      dispatch({ type: 'failed', failure: toAuthFailure(error, 'confirm-sign-up') })
    } finally {
      inFlight.current = false
    }
  }

  function backToSignIn() {
    password.current = undefined
    onBackToSignIn(state.username)
  }

  return { state, submitSignUp, submitConfirmationCode, resendCode, backToSignIn }
}

export type SignUpController = ReturnType<typeof useSignUp>

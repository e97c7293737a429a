import { useEffect, useLayoutEffect, useReducer, useRef } from 'react'
import { toAuthFailure, type AuthFailure, type AuthStep } from '../../auth/auth-failure.ts'
import type { AuthGateway, CodeStepOptions, MfaType, SignInStep } from '../../auth/auth-gateway.ts'
import type { Clock } from '../../ui/clock.ts'
import { usePasswordHold } from './use-password-hold.ts'
import { holdsPassword, initialSignInState, signInFlow, type FirstAction, type Notice, type SignInState } from './sign-in-flow.ts'

/** Cognito's default AuthSessionValidity: a challenge must be answered within 3 minutes. */
export const defaultChallengeSessionMs = 3 * 60 * 1000

export type UseSignInOptions = {
  auth: AuthGateway
  clock: Clock
  /** `setUp`: the authenticator app was set up during this sign-in (MFA_SETUP), to be confirmed. */
  onSignedIn(username: string, setUp?: boolean): void
  /**
   * The account's sign-up was never confirmed: the confirmation code is asked for elsewhere (the
   * sign-up feature). The password goes along so that confirming signs in without retyping it.
   */
  onUnconfirmed(username: string, password: string | undefined): void
  /**
   * The password-reset feature takes over (the app wires it): the user chose "Forgot your
   * password?" (with the username typed), or an administrator reset the password ('required').
   */
  onResetPassword(username: string, reason?: 'required'): void
  challengeSessionMs?: number
  initialUsername?: string
  initialNotice?: Notice
  initialFailure?: AuthFailure
  /** A sign-in to carry out at once (submitted before this flow loaded, or handed over by sign-up). */
  firstAction?: FirstAction
}

/** The only caller of the gateway during sign-in. */
export function useSignIn({
  auth,
  clock,
  onSignedIn,
  onUnconfirmed,
  onResetPassword,
  challengeSessionMs = defaultChallengeSessionMs,
  initialUsername,
  initialNotice,
  initialFailure,
  firstAction,
}: UseSignInOptions) {
  const [state, dispatch] = useReducer(signInFlow, undefined, (): SignInState => {
    if (firstAction) return { step: 'checking-credentials', username: firstAction.username.trim() }
    return initialSignInState(initialUsername, initialNotice, initialFailure)
  })
  // One request at a time: the reducer ignores a second submit, and this keeps the second
  // request from being sent at all.
  const inFlight = useRef(false)
  // The password stays in memory only while it is checked and during MFA_SETUP, for "Start over
  // with a new key" (ADR 019; holdsPassword), and is handed to sign-up's confirmation when the
  // account turns out to be unconfirmed. Never stored, never logged. Every way out of the steps
  // that need it (signed in, cancelled, timed out, refused, another challenge, handed over) drops it.
  const password = usePasswordHold(holdsPassword(state))

  const signedInUser = state.step === 'signed-in' ? state.username : undefined
  const setUp = state.step === 'signed-in' && state.setUp === true
  const onSignedInRef = useRef(onSignedIn)
  onSignedInRef.current = onSignedIn
  useEffect(() => {
    if (signedInUser === undefined) return
    if (setUp) onSignedInRef.current(signedInUser, true)
    else onSignedInRef.current(signedInUser)
  }, [signedInUser, setUp])

  const unconfirmedUser = state.step === 'unconfirmed' ? state.username : undefined
  const onUnconfirmedRef = useRef(onUnconfirmed)
  onUnconfirmedRef.current = onUnconfirmed
  // A layout effect: it runs before the hold's effect that drops the password on leaving the steps
  // that need it, so the hand-over still finds it.
  useLayoutEffect(() => {
    if (unconfirmedUser === undefined) return
    onUnconfirmedRef.current(unconfirmedUser, password.take())
  }, [unconfirmedUser, password])

  const resetUser = state.step === 'reset-required' ? state.username : undefined
  const onResetRef = useRef(onResetPassword)
  onResetRef.current = onResetPassword
  useEffect(() => {
    if (resetUser === undefined) return
    onResetRef.current(resetUser, 'required')
  }, [resetUser])

  // The challenge session lapses on the server after challengeSessionMs; say so when it does
  // rather than letting the next answer fail. The reducer ignores it while an answer is on its
  // way (the server decides that one). This is the one clock the setup screen counts down on too.
  const deadline = 'deadline' in state ? state.deadline : undefined
  useEffect(() => {
    if (deadline === undefined) return
    const check = () => {
      if (clock.now() >= deadline) dispatch({ type: 'timed-out' })
    }
    check()
    return clock.every(1000, check)
  }, [deadline, clock])

  // Carry out a sign-in submitted on the form before this flow loaded. Once: the ref survives
  // StrictMode's second effect run.
  const firstDone = useRef(false)
  useEffect(() => {
    if (firstDone.current || !firstAction) return
    firstDone.current = true
    // Taken once: the state and props that carried the hand-over keep nothing (ADR 019).
    const typed = firstAction.takePassword()
    if (typed === undefined) {
      // Already taken (this flow mounted again with the same hand-over): the form asks again.
      dispatch({ type: 'failed', failure: 'session-expired' })
      return
    }
    password.keep(typed)
    void run('password', () => signInOnce(firstAction.username.trim(), typed))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount: what the user did before this flow loaded
  }, [])

  async function run(step: AuthStep, call: () => Promise<SignInStep>) {
    inFlight.current = true
    try {
      const result = await call()
      dispatch({ type: 'answered', result, deadline: clock.now() + challengeSessionMs })
    } catch (error) {
      dispatch({ type: 'failed', failure: toAuthFailure(error, step) })
    } finally {
      inFlight.current = false
    }
  }

  async function signInOnce(username: string, typed: string): Promise<SignInStep> {
    try {
      return await auth.signIn(username, typed)
    } catch (error) {
      // Amplify refuses to sign in over stored tokens the app did not consider a session
      // (e.g. left by a sign-in that completed after its screen had timed out). Clear them
      // locally and sign in as the person at the keyboard asked.
      if (error instanceof Error && error.name === 'UserAlreadyAuthenticatedException') {
        await auth.signOut()
        return auth.signIn(username, typed)
      }
      throw error
    }
  }

  function submitCredentials(username: string, typed: string) {
    if (inFlight.current || state.step !== 'credentials') return
    const name = username.trim()
    password.keep(typed)
    dispatch({ type: 'credentials-submitted', username: name })
    void run('password', () => signInOnce(name, typed))
  }

  /** `options.rememberBrowser`: "Don't ask for a code on this browser" was ticked (ADR 025). */
  function submitTotpCode(code: string, options?: CodeStepOptions) {
    if (inFlight.current || state.step !== 'totp-code') return
    dispatch({ type: 'code-submitted' })
    void run('code', () => (options?.rememberBrowser ? auth.confirmTotpCode(code, options) : auth.confirmTotpCode(code)))
  }

  function submitDeliveredCode(code: string) {
    if (inFlight.current || state.step !== 'delivered-code') return
    dispatch({ type: 'code-submitted' })
    void run('code', () => auth.confirmDeliveredCode(code))
  }

  function chooseMfaType(type: MfaType) {
    if (inFlight.current || state.step !== 'select-mfa') return
    dispatch({ type: 'mfa-type-chosen' })
    void run('code', () => auth.selectMfaType(type))
  }

  function submitNewPassword(newPassword: string, attributes?: Record<string, string>) {
    if (inFlight.current || state.step !== 'new-password') return
    dispatch({ type: 'new-password-submitted' })
    void run('new-password', () => auth.completeNewPassword(newPassword, attributes))
  }

  /** The code from the new authenticator app (MFA_SETUP): verifying it completes sign-in. */
  async function submitSetupCode(code: string, deviceName: string, options?: CodeStepOptions) {
    if (inFlight.current || state.step !== 'totp-setup' || state.setup.step !== 'entering-code') return
    inFlight.current = true
    dispatch({ type: 'setup', event: { type: 'code-submitted' } })
    try {
      const result = options?.rememberBrowser
        ? await auth.confirmTotpSetupDuringSignIn(code, deviceName, options)
        : await auth.confirmTotpSetupDuringSignIn(code, deviceName)
      if (result.step !== 'done') {
        // Cognito never asks for more after MFA_SETUP; if it did, this app could not follow.
        const error = new Error(`Unexpected sign-in step after setup: ${result.step}`)
        error.name = 'UnexpectedSignInStep'
        throw error
      }
      dispatch({ type: 'setup', event: { type: 'verified', needsActivation: false } })
    } catch (error) {
      dispatch({ type: 'setup', event: { type: 'failed', failure: toAuthFailure(error, 'setup') } })
    } finally {
      inFlight.current = false
    }
  }

  /**
   * "Start over with a new key" inside sign-in. Amplify's public API has no AssociateSoftwareToken
   * with the challenge's session (setUpTOTP needs an access token), so the new key comes the way
   * the first one did: sign in again with the password still in memory; the new MFA_SETUP
   * challenge comes with a new key and a new session, and the old key stops working
   * (docs/cognito-behaviour.md#a-new-sign-in-issues-a-new-key; ADR 019).
   */
  function startSetupOver() {
    if (inFlight.current || state.step !== 'totp-setup' || !state.newKey) return
    if (state.setup.step !== 'entering-code' && state.setup.step !== 'unavailable') return
    const typed = password.peek()
    if (typed === undefined) return
    const { username } = state
    dispatch({ type: 'setup', event: { type: 'started' } })
    void run('password', () => signInOnce(username, typed))
  }

  function backToSignIn() {
    dispatch({ type: 'back-to-sign-in' })
  }

  return {
    state,
    submitCredentials,
    submitTotpCode,
    submitDeliveredCode,
    chooseMfaType,
    submitNewPassword,
    submitSetupCode,
    startSetupOver,
    backToSignIn,
  }
}

export type SignInController = ReturnType<typeof useSignIn>

// Sign-in as one state machine. "Pending" is a state of its own (checking-*), never a flag, so a
// second submit while one is in flight is simply an event the reducer ignores.
import type { AuthFailure } from '../../auth/auth-failure.ts'
import type { MfaType, SignInStep } from '../../auth/auth-gateway.ts'
import { enrollmentFlow, enrollmentWithKey, isPending, type EnrollmentEvent, type EnrollmentState } from '../../enrollment/enrollment-flow.ts'

/**
 * A password handed to sign-in by another screen (sign-up once the account is confirmed, the
 * password reset once done) or by the form before the flow had loaded. `takePassword` gives it
 * once (oneShot): whoever keeps this object in state or props holds no password after that (ADR 019).
 */
export type SignInWith = { username: string; takePassword(): string | undefined }

/** A sign-in to carry out as soon as the flow loads. */
export type FirstAction = { kind: 'sign-in' } & SignInWith

export type Notice = 'account-confirmed' | 'signed-out' | 'signed-out-everywhere' | 'session-ended'

/** Steps that answer a challenge within Cognito's short-lived session. */
type Challenge = { username: string; deadline: number }

export type SignInState =
  | { step: 'credentials'; username: string; failure?: AuthFailure; notice?: Notice }
  | { step: 'checking-credentials'; username: string }
  | ({ step: 'totp-code' | 'checking-totp'; failure?: AuthFailure; wrongCodes: number; attempt: number } & Challenge)
  /**
   * MFA_SETUP: the authenticator setup runs inside sign-in, as this step's sub-state.
   * `newKey`: a new key can be had by signing in again with the password still in memory (the
   * password form led here; after a new password, the one in memory may no longer be current).
   * `replacedKey`: this browser showed this user an earlier key that was never verified; the one on
   * screen replaced it (issue 11, item 5; docs/cognito-behaviour.md#a-new-sign-in-issues-a-new-key).
   */
  | ({ step: 'totp-setup'; setup: EnrollmentState; newKey: boolean; replacedKey: boolean } & Challenge)
  | ({ step: 'select-mfa' | 'selecting-mfa'; options: MfaType[]; failure?: AuthFailure } & Challenge)
  | ({
      step: 'delivered-code' | 'checking-delivered-code'
      channel: 'sms' | 'email'
      destination?: string
      failure?: AuthFailure
      attempt: number
    } & Challenge)
  | ({ step: 'new-password' | 'setting-new-password'; missingAttributes: string[]; failure?: AuthFailure } & Challenge)
  /** The account's sign-up was never confirmed: the sign-up feature takes over (the app wires it). */
  | { step: 'unconfirmed'; username: string }
  /**
   * An administrator reset the password (AdminResetUserPassword): the password-reset feature takes
   * over (the app wires it); docs/cognito-behaviour.md#adminresetuserpassword.
   */
  | { step: 'reset-required'; username: string }
  /** `setUp`: the authenticator was set up on the way (MFA_SETUP); the account page confirms it (issue 11, item 8). */
  | { step: 'signed-in'; username: string; setUp?: true }

export type SignInEvent =
  | { type: 'credentials-submitted'; username: string }
  /** The server answered with the next step; `deadline` is when a new challenge session lapses. */
  | { type: 'answered'; result: SignInStep; deadline: number }
  | { type: 'failed'; failure: AuthFailure }
  | { type: 'code-submitted' }
  | { type: 'mfa-type-chosen' }
  | { type: 'new-password-submitted' }
  /** The challenge session's time ran out on the client's clock. */
  | { type: 'timed-out' }
  /** Something happened in the authenticator setup (MFA_SETUP). */
  | { type: 'setup'; event: EnrollmentEvent }
  | { type: 'back-to-sign-in' }

/**
 * Wrong codes a challenge session takes before the pool spends it: the local pool's five
 * (docs/cognito-behaviour.md#challenge-sessions). The next answer then finds the session gone.
 */
export const codeTriesPerSession = 5

/**
 * Whether wrong codes ended this sign-in, read from the flow's own count and the failure (never
 * from Cognito's text): a session gone after the pool's tries, or a lockout after wrong codes
 * (wrong codes count toward it, docs/cognito-behaviour.md#wrong-mfa-codes).
 */
function endedByWrongCodes(wrongCodes: number, failure: AuthFailure): AuthFailure | undefined {
  if (failure === 'session-expired' && wrongCodes >= codeTriesPerSession) return 'too-many-codes'
  if (failure === 'too-many-attempts' && wrongCodes > 0) return 'too-many-codes-locked'
  return undefined
}

/**
 * Whether the password typed for this sign-in may stay in memory (ADR 019): while it is checked,
 * and during MFA_SETUP reached from the password form, where signing in again with it is the only
 * way to a new key. Every other state (signed in, cancelled, timed out, refused, another
 * challenge, handed over) drops it.
 */
export function holdsPassword(s: SignInState): boolean {
  return s.step === 'checking-credentials' || (s.step === 'totp-setup' && s.newKey)
}

export function initialSignInState(username = '', notice?: Notice, failure?: AuthFailure): SignInState {
  return { step: 'credentials', username, notice, failure }
}

const waitingForUser = new Set<SignInState['step']>(['totp-code', 'totp-setup', 'select-mfa', 'delivered-code', 'new-password'])

function isChallenge(s: SignInState): s is Extract<SignInState, Challenge> {
  return 'deadline' in s
}

/** Where an answer from the server leads. */
function next(username: string, result: SignInStep, deadline: number, afterPassword = false): SignInState {
  switch (result.step) {
    case 'done':
      return { step: 'signed-in', username }
    case 'totp-code':
      return { step: 'totp-code', username, deadline, wrongCodes: 0, attempt: 0 }
    case 'totp-setup':
      return {
        step: 'totp-setup',
        username,
        deadline,
        setup: enrollmentWithKey(result.secret),
        newKey: afterPassword,
        replacedKey: result.replacesUnverifiedKey === true,
      }
    case 'select-mfa':
      return { step: 'select-mfa', username, deadline, options: result.options }
    case 'delivered-code':
      return {
        step: 'delivered-code',
        username,
        deadline,
        channel: result.channel,
        destination: result.destination,
        attempt: 0,
      }
    case 'new-password':
      return { step: 'new-password', username, deadline, missingAttributes: result.missingAttributes }
    case 'confirm-sign-up':
      return { step: 'unconfirmed', username }
    case 'reset-password':
      return { step: 'reset-required', username }
    case 'unsupported':
      return { step: 'credentials', username, failure: 'unexpected' }
  }
}

/** Where a failed sign-in with the password leads (the form's, or "Start over" during setup). */
function passwordRefused(username: string, failure: AuthFailure): SignInState {
  // Cognito says "not confirmed" as an error on some paths; it is a step, not a dead end.
  if (failure === 'not-confirmed') return { step: 'unconfirmed', username }
  if (failure === 'password-reset-required') return { step: 'reset-required', username }
  return { step: 'credentials', username, failure }
}

export function signInFlow(s: SignInState, e: SignInEvent): SignInState {
  // A lapsed challenge session ends every challenge step the same way: back to the password,
  // username kept. While a request is in flight the server decides instead of the clock.
  // The setup's code being checked is a request in flight too.
  const waiting = waitingForUser.has(s.step) && !(s.step === 'totp-setup' && isPending(s.setup))
  // Too many wrong codes: back to the password, username kept, saying why (not "timed out").
  if (e.type === 'failed' && s.step === 'checking-totp') {
    const ended = endedByWrongCodes(s.wrongCodes, e.failure)
    if (ended) return { step: 'credentials', username: s.username, failure: ended }
  }
  if (e.type === 'timed-out' && waiting && isChallenge(s)) {
    return { step: 'credentials', username: s.username, failure: 'session-expired' }
  }
  if (e.type === 'failed' && e.failure === 'session-expired' && isChallenge(s)) {
    return { step: 'credentials', username: s.username, failure: 'session-expired' }
  }
  const handedOver = s.step === 'signed-in' || s.step === 'unconfirmed' || s.step === 'reset-required'
  if (e.type === 'back-to-sign-in' && !handedOver && s.step !== 'checking-credentials') {
    return { step: 'credentials', username: s.username }
  }

  switch (s.step) {
    case 'credentials':
      if (e.type === 'credentials-submitted') return { step: 'checking-credentials', username: e.username }
      return s
    case 'checking-credentials':
      if (e.type === 'answered') return next(s.username, e.result, e.deadline, true)
      if (e.type === 'failed') return passwordRefused(s.username, e.failure)
      return s
    case 'totp-code':
      if (e.type === 'code-submitted') return { ...s, step: 'checking-totp' }
      return s
    case 'checking-totp':
      if (e.type === 'answered') return next(s.username, e.result, e.deadline)
      if (e.type === 'failed') {
        const wrong = e.failure === 'wrong-code' || e.failure === 'code-reused'
        // `attempt` tells the code field to clear itself for the retry.
        return { ...s, step: 'totp-code', failure: e.failure, wrongCodes: s.wrongCodes + (wrong ? 1 : 0), attempt: s.attempt + 1 }
      }
      return s
    case 'totp-setup': {
      // "Start over with a new key" signed in again: a new challenge session, whose MFA_SETUP
      // brought a new key (Amplify fetched it with AssociateSoftwareToken and that session).
      if (s.setup.step === 'loading' && e.type === 'answered') {
        if (e.result.step !== 'totp-setup') return next(s.username, e.result, e.deadline)
        return {
          ...s,
          deadline: e.deadline,
          replacedKey: e.result.replacesUnverifiedKey === true,
          setup: enrollmentFlow(s.setup, { type: 'secret-issued', secret: e.result.secret }),
        }
      }
      // The new sign-in failed. Only a failure worth retrying at once (no connection, something
      // unexpected) keeps the setup with its "Try again"; anything the password form would say
      // (the password changed elsewhere, locked out, a reset required, not confirmed) ends the
      // setup the way that form does, and the password with it (holdsPassword; ADR 019).
      if (s.setup.step === 'loading' && e.type === 'failed') {
        if (e.failure === 'offline' || e.failure === 'unexpected') return { ...s, setup: enrollmentFlow(s.setup, e) }
        return passwordRefused(s.username, e.failure)
      }
      if (e.type !== 'setup') return s
      // The pool ended the challenge session: like any other challenge step (the setup's key
      // went with it).
      if (e.event.type === 'failed' && e.event.failure === 'session-expired') {
        return { step: 'credentials', username: s.username, failure: 'session-expired' }
      }
      const setup = enrollmentFlow(s.setup, e.event)
      // The code answered MFA_SETUP, which completes sign-in.
      if (setup.step === 'enrolled') return { step: 'signed-in', username: s.username, setUp: true }
      return setup === s.setup ? s : { ...s, setup }
    }
    case 'select-mfa':
      if (e.type === 'mfa-type-chosen') return { ...s, step: 'selecting-mfa', failure: undefined }
      return s
    case 'selecting-mfa':
      if (e.type === 'answered') return next(s.username, e.result, e.deadline)
      if (e.type === 'failed') return { ...s, step: 'select-mfa', failure: e.failure }
      return s
    case 'delivered-code':
      if (e.type === 'code-submitted') return { ...s, step: 'checking-delivered-code' }
      return s
    case 'checking-delivered-code':
      if (e.type === 'answered') return next(s.username, e.result, e.deadline)
      if (e.type === 'failed') return { ...s, step: 'delivered-code', failure: e.failure, attempt: s.attempt + 1 }
      return s
    case 'new-password':
      if (e.type === 'new-password-submitted') return { ...s, step: 'setting-new-password', failure: undefined }
      return s
    case 'setting-new-password':
      if (e.type === 'answered') return next(s.username, e.result, e.deadline)
      if (e.type === 'failed') return { ...s, step: 'new-password', failure: e.failure }
      return s
    case 'unconfirmed':
    case 'reset-required':
    case 'signed-in':
      return s
  }
}

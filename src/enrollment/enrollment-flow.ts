// Setting up an authenticator app, as one pure state machine. Its owners run it: the sign-in
// flow as the sub-state of its `totp-setup` step (the key came with Cognito's MFA_SETUP
// challenge), the Security page in account settings (the key comes from AssociateSoftwareToken).
// The owner is the only caller of the gateway; enrollment-view.tsx only renders this state.
// The state holds the issued key, and it is the one place that does: see docs/decisions/007.
import type { AuthFailure } from '../auth/auth-failure.ts'

// One state per thing the screen can show. Whether something is in flight is read from the
// step (see isPending), never stored beside it.
export type EnrollmentState =
  | { step: 'idle' | 'loading' | 'enrolled' }
  | { step: 'unavailable'; failure: AuthFailure }
  | ({ step: 'entering-code'; failure?: AuthFailure } & Attempts)
  | ({ step: 'verifying' } & Attempts)
  // Finishing a setup whose key this page no longer holds (it is never stored: after a reload it
  // is gone). VerifySoftwareToken needs only a code, from the entry the user already scanned.
  | ({ step: 'entering-scanned-code'; failure?: AuthFailure } & Counts)
  | ({ step: 'verifying-scanned-code' } & Counts)
  // Verified; now switching the factor on. `retry` tells the view which screen it is on: the
  // first try still shows the code form, a retry shows the "verified but not on" screen.
  | { step: 'activating'; retry: boolean }
  | { step: 'activation-failed'; failure: AuthFailure }

type Attempts = { secret: string } & Counts

type Counts = {
  /** Codes Cognito refused as not matching: after two, the screen explains clocks and settings. */
  wrongCodes: number
  /** Codes refused for any reason (wrong or already used): each one clears the code field. */
  rejectedCodes: number
}

export type EnrollmentEvent =
  | { type: 'started' | 'code-submitted' | 'activation-retried' | 'activated' }
  /** The owner leaves the setup screen (settings: Cancel, or done). */
  | { type: 'closed' }
  /** The user comes back to a setup they left: same key, a clean form. */
  | { type: 'resumed' }
  /**
   * Another key was associated meanwhile (a recent-sign-in proof met MFA_SETUP, ADR 016): the key
   * on screen, and the entry scanned from it, can no longer be verified.
   */
  | { type: 'key-replaced' }
  /** The user finishes a setup this page holds no key for (ADR 015): a code from the scanned entry. */
  | { type: 'resumed-without-key' }
  | { type: 'secret-issued'; secret: string }
  | { type: 'verified'; needsActivation: boolean }
  | { type: 'failed'; failure: AuthFailure }

export const initialEnrollmentState: EnrollmentState = { step: 'idle' }

/** Setup inside sign-in: Cognito issued the key with the MFA_SETUP challenge. */
export function enrollmentWithKey(secret: string): EnrollmentState {
  return { step: 'entering-code', secret, wrongCodes: 0, rejectedCodes: 0 }
}

/** The key on screen, while it can still be verified. */
export function issuedKey(s: EnrollmentState): string | undefined {
  return s.step === 'entering-code' || s.step === 'verifying' ? s.secret : undefined
}

export function enrollmentFlow(s: EnrollmentState, e: EnrollmentEvent): EnrollmentState {
  switch (e.type) {
    case 'started':
      // First start, a retry after the key could not be fetched, or an explicit "start over" with a new key.
      if (s.step === 'idle' || s.step === 'unavailable' || s.step === 'entering-code' || s.step === 'entering-scanned-code') {
        return { step: 'loading' }
      }
      return s
    case 'closed':
      // An issued key that is not verified yet is kept (the user may have scanned it), and so is
      // a request in flight; anything else is done with, and the next setup starts afresh. A
      // verified key is the user's authenticator now and is never offered again.
      if (s.step === 'entering-code' || isPending(s)) return s
      return initialEnrollmentState
    case 'resumed':
      if (s.step === 'entering-code') return { step: 'entering-code', secret: s.secret, wrongCodes: 0, rejectedCodes: s.rejectedCodes }
      return s
    case 'key-replaced':
      if (s.step === 'entering-code' || s.step === 'entering-scanned-code') return initialEnrollmentState
      return s
    case 'resumed-without-key':
      // A key in hand is always preferred: the user sees what they scanned.
      if (s.step === 'idle' || s.step === 'unavailable' || s.step === 'entering-scanned-code') {
        return { step: 'entering-scanned-code', wrongCodes: 0, rejectedCodes: s.step === 'entering-scanned-code' ? s.rejectedCodes : 0 }
      }
      return s
    case 'secret-issued':
      if (s.step === 'loading') return { step: 'entering-code', secret: e.secret, wrongCodes: 0, rejectedCodes: 0 }
      return s
    case 'code-submitted':
      if (s.step === 'entering-code') {
        return { step: 'verifying', secret: s.secret, wrongCodes: s.wrongCodes, rejectedCodes: s.rejectedCodes }
      }
      if (s.step === 'entering-scanned-code') return { step: 'verifying-scanned-code', wrongCodes: s.wrongCodes, rejectedCodes: s.rejectedCodes }
      return s
    case 'verified':
      if (s.step === 'verifying' || s.step === 'verifying-scanned-code') {
        return e.needsActivation ? { step: 'activating', retry: false } : { step: 'enrolled' }
      }
      return s
    case 'activation-retried':
      if (s.step === 'activation-failed') return { step: 'activating', retry: true }
      return s
    case 'activated':
      if (s.step === 'activating') return { step: 'enrolled' }
      return s
    case 'failed':
      if (s.step === 'loading') return { step: 'unavailable', failure: e.failure }
      // Verify failed: same secret, so the entry already in the phone's app stays valid.
      if (s.step === 'verifying') {
        const refused = e.failure === 'wrong-code' || e.failure === 'code-reused'
        return {
          step: 'entering-code',
          secret: s.secret,
          failure: e.failure,
          wrongCodes: s.wrongCodes + (e.failure === 'wrong-code' ? 1 : 0),
          rejectedCodes: s.rejectedCodes + (refused ? 1 : 0),
        }
      }
      if (s.step === 'verifying-scanned-code') {
        const refused = e.failure === 'wrong-code' || e.failure === 'code-reused'
        return {
          step: 'entering-scanned-code',
          failure: e.failure,
          wrongCodes: s.wrongCodes + (e.failure === 'wrong-code' ? 1 : 0),
          rejectedCodes: s.rejectedCodes + (refused ? 1 : 0),
        }
      }
      // The code was accepted; only switching it on failed. Never back to the code form.
      if (s.step === 'activating') return { step: 'activation-failed', failure: e.failure }
      return s
  }
}

export function isPending(s: EnrollmentState): boolean {
  return s.step === 'loading' || s.step === 'verifying' || s.step === 'verifying-scanned-code' || s.step === 'activating'
}

/** After this many mismatches the screen explains the usual causes (clock, app settings). */
export const wrongCodesBeforeHelp = 2

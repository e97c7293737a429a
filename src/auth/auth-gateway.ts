// The one interface the screens use to talk to Cognito. The real implementation
// (amplify-auth-gateway.ts) is the only importer of aws-amplify; component tests use
// tests/support/fake-auth-gateway.ts, which tests/gateway checks against the local pool. Errors keep Amplify's shape: an Error whose `name` is Cognito's `__type`
// (or Amplify's own name such as NetworkError); map them with toAuthFailure.
import type { RememberedBrowsers } from './remembered-browsers.ts'

export type MfaType = 'totp' | 'sms' | 'email'

/** Where sign-in stands after each call. */
export type SignInStep =
  | { step: 'done' }
  /** SOFTWARE_TOKEN_MFA: enter the code from the authenticator app. */
  | { step: 'totp-code' }
  /**
   * MFA_SETUP: the pool requires MFA and the user has none; enrol an authenticator app now.
   * `replacesUnverifiedKey`: this browser was shown an earlier key for this user that was never
   * verified; this one replaced it, and an entry made from it no longer works
   * (docs/cognito-behaviour.md#a-new-sign-in-issues-a-new-key).
   */
  | { step: 'totp-setup'; secret: string; replacesUnverifiedKey?: true }
  /** SELECT_MFA_TYPE: the user has several factors and no preferred one. */
  | { step: 'select-mfa'; options: MfaType[] }
  /** SMS_MFA / EMAIL_OTP: a code was sent. */
  | { step: 'delivered-code'; channel: 'sms' | 'email'; destination?: string }
  /** NEW_PASSWORD_REQUIRED: an administrator created the account with a temporary password. */
  | { step: 'new-password'; missingAttributes: string[] }
  /** The account exists but its sign-up was never confirmed. */
  | { step: 'confirm-sign-up' }
  /** The administrator requires a password reset. */
  | { step: 'reset-password' }
  /** A step this app does not implement (custom challenges, passwordless...). */
  | { step: 'unsupported'; name: string }

export type CurrentUser = {
  /** Cognito's internal username (the token-cache key). */
  username: string
  /** What the user typed to sign in, when known; the friendlier label for authenticator apps. */
  loginId?: string
}

export type MfaStatus = {
  /** GetUser lists TOTP as enabled. Not the same as "asked for at sign-in": see totpSuspended. */
  totpEnabled: boolean
  totpPreferred: boolean
  /**
   * Listed, but sign-in does not ask for it: a key issued in this browser awaits its code, or the
   * latest sign-in here went in without one. Cognito reports neither; the gateway keeps the
   * evidence (src/auth/authenticator-evidence.ts, ADR 015).
   */
  totpSuspended: boolean
  /**
   * A key issued in this browser (AssociateSoftwareToken) was not verified yet: a code from the
   * entry the user scanned can still finish it (VerifySoftwareToken needs only the code).
   */
  setupPending: boolean
  /** Other MFA factors the user has (SMS, email), for context only. */
  otherFactors: MfaType[]
  /**
   * Cognito has no API that reads the friendly device name back (GetUser lacks it), so this is
   * what this browser remembered when the user set the app up here; undefined when unknown.
   */
  deviceName?: string
}

/**
 * Where a re-authentication stands (docs/decisions/016-recent-sign-in.md): 'done' once the user
 * proved it is them again, 'totp-code' while the fresh sign-in waits for the authenticator's code.
 */
export type ReauthenticationStep =
  /**
   * `keyReplaced`: the fresh sign-in met MFA_SETUP, where Amplify associates a new key
   * (AssociateSoftwareToken with the challenge's session): any key issued earlier, one the page may
   * still show, can no longer be verified, and the new one is known to no one (ADR 016).
   */
  { step: 'done'; keyReplaced?: true } | { step: 'totp-code' }

/**
 * The error name of a re-authentication that finished after the page's session changed under it
 * (another tab signed out, or signed in as someone else): the fresh session was revoked, nothing
 * was installed, and the change that asked for it must not run (ADR 016).
 */
export const reauthenticationSessionChanged = 'ReauthenticationSessionChanged'

/** Where ForgotPassword sent the reset code (masked by Cognito, e.g. `a***@e***`). */
export type ResetCodeDelivery = { destination?: string; channel?: 'email' | 'sms' }

/**
 * "Don't ask for a code on this browser", chosen at the step that answers the code: once the
 * sign-in is done, this browser is remembered (UpdateDeviceStatus), so its next sign-ins skip the
 * code (ADR 025). A failure to remember does not fail the sign-in: listRememberedBrowsers says it.
 */
export type CodeStepOptions = { rememberBrowser?: boolean }

export type SignUpResult = { step: 'confirm-sign-up'; destination?: string } | { step: 'done' }

export interface AuthGateway {
  /** The signed-in user from stored tokens (refreshing them if needed), or null. */
  getCurrentUser(): Promise<CurrentUser | null>
  signIn(username: string, password: string): Promise<SignInStep>
  confirmTotpCode(code: string, options?: CodeStepOptions): Promise<SignInStep>
  confirmTotpSetupDuringSignIn(code: string, deviceName: string, options?: CodeStepOptions): Promise<SignInStep>
  selectMfaType(type: MfaType): Promise<SignInStep>
  confirmDeliveredCode(code: string): Promise<SignInStep>
  completeNewPassword(password: string, attributes?: Record<string, string>): Promise<SignInStep>
  signUp(username: string, password: string, email?: string): Promise<SignUpResult>
  confirmSignUp(username: string, code: string): Promise<void>
  resendSignUpCode(username: string): Promise<{ destination?: string }>
  signOut(options?: { global?: boolean }): Promise<void>
  /**
   * ForgotPassword: a reset code for this user. With PreventUserExistenceErrors an unknown user gets
   * the same kind of answer (docs/cognito-behaviour.md#unknown-users).
   */
  resetPassword(username: string): Promise<ResetCodeDelivery>
  /** ConfirmForgotPassword: the code and a new password. Does not sign in, and keeps the authenticator. */
  confirmResetPassword(username: string, code: string, newPassword: string): Promise<void>

  fetchMfaStatus(): Promise<MfaStatus>
  /**
   * AssociateSoftwareToken: a new pending secret. Each call replaces the previous pending one, and
   * until one is verified the current authenticator is suspended (docs/cognito-behaviour.md#authenticator-setup).
   */
  beginTotpSetup(): Promise<{ secret: string }>
  /** VerifySoftwareToken. Does not switch MFA on by itself; see setTotpPreferred (docs/cognito-behaviour.md#authenticator-setup). */
  verifyTotpSetup(code: string, deviceName: string): Promise<void>
  setTotpPreferred(): Promise<void>
  disableTotp(): Promise<void>

  /**
   * When the signed-in user last proved who they are: the ID token's `auth_time`, in milliseconds
   * since the epoch. A refresh keeps it (docs/cognito-behaviour.md#refresh-tokens).
   */
  authenticatedAt(): Promise<number>
  /**
   * A fresh sign-in of the signed-in user with this password, beside the current session (Amplify's
   * signIn refuses while someone is signed in; ADR 016). 'done' when the account asks for no code.
   */
  reauthenticate(password: string): Promise<ReauthenticationStep>
  /** The authenticator's code for the fresh sign-in; once accepted, the session carries its new auth_time. */
  confirmReauthenticationCode(code: string): Promise<ReauthenticationStep>

  /**
   * ListDevices: the browsers (Cognito's remembered devices) that skip the code at sign-in, "This
   * browser" marked, and whether remembering this one failed at this page's sign-in (ADR 025).
   */
  listRememberedBrowsers(): Promise<RememberedBrowsers>
  /** ForgetDevice: that browser asks for the code again. This browser's own is cleared here too. */
  forgetRememberedBrowser(id: string): Promise<void>
  /** Every remembered browser of the user forgotten, this one included (replacing or turning off the authenticator). */
  forgetAllRememberedBrowsers(): Promise<void>
}

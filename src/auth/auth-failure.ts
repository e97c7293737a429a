// Every error the app can show, as a reason rather than as Cognito's text. Screens render
// `t(`failure.${failure}`)`; raw Cognito messages are logged, never shown.
export type AuthFailure =
  | 'wrong-code'
  | 'code-reused'
  | 'code-expired'
  | 'session-expired'
  | 'bad-credentials'
  | 'locked-out'
  | 'too-many-attempts'
  /**
   * Named by the sign-in flow, never by toAuthFailure: the pool ended the sign-in after too many
   * wrong codes, or the wrong codes locked the user out (docs/cognito-behaviour.md#wrong-mfa-codes).
   */
  | 'too-many-codes'
  | 'too-many-codes-locked'
  | 'offline'
  | 'not-confirmed'
  | 'password-reset-required'
  | 'invalid-password'
  | 'invalid-input'
  | 'username-exists'
  | 'already-confirmed'
  | 'mfa-required-by-pool'
  | 'totp-not-enabled-on-pool'
  /** ForgotPassword: the user has no verified email or phone number to send a reset code to. */
  | 'no-recovery-address'
  /** Setup: no key awaits a code (finished or replaced elsewhere, or the answer was lost); start over. */
  | 'setup-not-confirmed'
  | 'unexpected'

/** Where in a flow the error happened: the same error name means different things at different steps. */
export type AuthStep =
  | 'password'
  | 'code'
  /** Verifying a setup code (VerifySoftwareToken). */
  | 'setup'
  /** Asking for a new setup key (AssociateSoftwareToken): no code is involved. */
  | 'setup-key'
  | 'preference'
  | 'disable'
  | 'sign-up'
  | 'confirm-sign-up'
  | 'new-password'
  /** Asking for a password-reset code (ForgotPassword); refine with the reset feature's toResetFailure. */
  | 'forgot-password'
  /** The reset code and the new password (ConfirmForgotPassword); refine with toResetFailure. */
  | 'reset-password'

const byName = new Map<string, AuthFailure>([
  ['CodeMismatchException', 'wrong-code'],
  // Real Cognito reports a wrong code in VerifySoftwareToken under this name, not CodeMismatch.
  ['EnableSoftwareTokenMFAException', 'wrong-code'],
  ['NotAuthorizedException', 'bad-credentials'],
  // Same text as a wrong password, so the screen does not reveal which accounts exist.
  ['UserNotFoundException', 'bad-credentials'],
  ['UserNotConfirmedException', 'not-confirmed'],
  ['PasswordResetRequiredException', 'password-reset-required'],
  ['InvalidPasswordException', 'invalid-password'],
  ['UsernameExistsException', 'username-exists'],
  ['AliasExistsException', 'username-exists'],
  ['SoftwareTokenMFANotFoundException', 'totp-not-enabled-on-pool'],
  ['TooManyRequestsException', 'too-many-attempts'],
  ['LimitExceededException', 'too-many-attempts'],
  ['TooManyFailedAttemptsException', 'too-many-attempts'],
  ['CodeDeliveryFailureException', 'unexpected'],
  // Amplify's fetch handler names a failed request (no connection, DNS, CORS) NetworkError.
  ['NetworkError', 'offline'],
  // Amplify's own input checks (thrown before any request).
  ['EmptySignInUsername', 'bad-credentials'],
  ['EmptySignInPassword', 'bad-credentials'],
  ['EmptySignUpUsername', 'invalid-input'],
  ['EmptySignUpPassword', 'invalid-password'],
  ['EmptyConfirmSignUpCode', 'wrong-code'],
  ['EmptyChallengeResponse', 'wrong-code'],
  ['EmptyVerifyTOTPSetupCode', 'wrong-code'],
])

function nameOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    return error.name
  }
  return ''
}

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message
  }
  return String(error)
}

/**
 * Maps an error from the auth gateway to a failure the screens can explain. Decides by
 * `error.name` (amplify-js fills it from Cognito's `__type`) and the step, never by message text,
 * with one exception (lockout, see below).
 */
export function toAuthFailure(error: unknown, step: AuthStep): AuthFailure {
  const name = nameOf(error)
  // Raw text goes to the debug console only. Cognito error messages carry no tokens or secrets;
  // the error object itself is not logged because Amplify may attach request metadata.
  console.debug(`[auth] ${step} failed: ${name || 'unknown error'}: ${messageOf(error)}`)

  switch (name) {
    case 'NotAuthorizedException':
      // Cognito gives lockout the same error name as a wrong password; only the message
      // ("Password attempts exceeded") tells them apart. This is the one place the app reads
      // message text, because no other signal exists. Wrong codes lead to the same lockout, so
      // it can also come at a code step, where it must not read as a lapsed session.
      if (/password attempts exceeded/i.test(messageOf(error))) {
        return step === 'password' || step === 'new-password' ? 'locked-out' : 'too-many-attempts'
      }
      if (step === 'password' || step === 'new-password') return 'bad-credentials'
      if (step === 'confirm-sign-up') return 'already-confirmed'
      if (step === 'sign-up') return 'unexpected'
      // After the password: the short-lived challenge session lapsed, or the access token
      // expired or was revoked (e.g. "sign out of all devices" elsewhere).
      return 'session-expired'
    case 'ExpiredCodeException':
      // At the TOTP step this means the code's 30-second step was already used (RFC 6238 §5.2).
      if (step === 'code' || step === 'setup') return 'code-reused'
      return 'code-expired'
    case 'InvalidParameterException':
      // Turning TOTP off is refused while the pool requires MFA.
      if (step === 'disable') return 'mfa-required-by-pool'
      // A malformed code (not 6 digits) fails validation before it is compared.
      if (step === 'code') return 'wrong-code'
      // At setup: no key awaits a code. The gateway never guesses that it was verified (ADR 015).
      if (step === 'setup') return 'setup-not-confirmed'
      if (step === 'sign-up' || step === 'new-password') return 'invalid-input'
      return 'unexpected'
    // Amplify's client-side sign-in state expires after 3 minutes, or was lost (reload);
    // confirmSignIn then throws this before any request.
    case 'SignInException':
      return step === 'password' ? 'unexpected' : 'session-expired'
    case 'UserUnAuthenticatedException':
      return 'session-expired'
    default:
      return byName.get(name) ?? 'unexpected'
  }
}

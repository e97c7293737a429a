import { toAuthFailure, type AuthFailure } from '../../auth/auth-failure.ts'

/**
 * What a refusal means while resetting a password. toAuthFailure reads errors for every flow; the
 * few names that mean something else here are read here, by name as it does, so that the first
 * screen (which carries toAuthFailure) does not carry them (ADR 003).
 */
export function toResetFailure(error: unknown, step: 'forgot-password' | 'reset-password'): AuthFailure {
  const failure = toAuthFailure(error, step)
  const name = error instanceof Error ? error.name : ''
  // A disabled user: nothing the user can do here (not a lapsed session, as after a password).
  if (name === 'NotAuthorizedException' && failure === 'session-expired') return 'unexpected'
  // ForgotPassword for a user with no verified address (legacy existence errors only;
  // docs/cognito-behaviour.md#forgotpassword).
  if (name === 'InvalidParameterException' && step === 'forgot-password') return 'no-recovery-address'
  // A code for a name that does not exist can only fail to match, as the pool answers with
  // PreventUserExistenceErrors (docs/cognito-behaviour.md#unknown-users).
  if (name === 'UserNotFoundException' && step === 'reset-password') return 'wrong-code'
  return failure
}

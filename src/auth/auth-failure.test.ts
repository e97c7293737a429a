import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { toAuthFailure } from './auth-failure.ts'

function cognitoError(name: string, message = 'raw server text') {
  const error = new Error(message)
  error.name = name
  return error
}

describe('toAuthFailure', () => {
  beforeEach(() => {
    vi.spyOn(console, 'debug').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  test.each([
    ['CodeMismatchException', 'code', 'wrong-code'],
    ['EnableSoftwareTokenMFAException', 'setup', 'wrong-code'],
    ['CodeMismatchException', 'confirm-sign-up', 'wrong-code'],
    ['ExpiredCodeException', 'code', 'code-reused'],
    ['ExpiredCodeException', 'confirm-sign-up', 'code-expired'],
    ['NotAuthorizedException', 'password', 'bad-credentials'],
    ['UserNotFoundException', 'password', 'bad-credentials'],
    ['NotAuthorizedException', 'code', 'session-expired'],
    ['NotAuthorizedException', 'setup', 'session-expired'],
    ['NotAuthorizedException', 'preference', 'session-expired'],
    ['NotAuthorizedException', 'confirm-sign-up', 'already-confirmed'],
    ['SignInException', 'code', 'session-expired'],
    ['UserNotConfirmedException', 'password', 'not-confirmed'],
    ['InvalidPasswordException', 'sign-up', 'invalid-password'],
    ['InvalidPasswordException', 'new-password', 'invalid-password'],
    ['UsernameExistsException', 'sign-up', 'username-exists'],
    ['InvalidParameterException', 'disable', 'mfa-required-by-pool'],
    ['InvalidParameterException', 'preference', 'unexpected'],
    ['InvalidParameterException', 'code', 'wrong-code'],
    ['InvalidParameterException', 'setup', 'setup-not-confirmed'],
    // Asking for a key involves no code: a refusal never reads as one about a code.
    ['InvalidParameterException', 'setup-key', 'unexpected'],
    ['NotAuthorizedException', 'setup-key', 'session-expired'],
    ['InvalidParameterException', 'sign-up', 'invalid-input'],
    ['SoftwareTokenMFANotFoundException', 'setup', 'totp-not-enabled-on-pool'],
    ['TooManyRequestsException', 'code', 'too-many-attempts'],
    ['LimitExceededException', 'confirm-sign-up', 'too-many-attempts'],
    ['TooManyFailedAttemptsException', 'code', 'too-many-attempts'],
    ['NetworkError', 'password', 'offline'],
    ['InternalErrorException', 'password', 'unexpected'],
  ] as const)('%s at step %s → %s', (name, step, expected) => {
    expect(toAuthFailure(cognitoError(name), step)).toBe(expected)
  })

  test('lockout is recognised from the one message Cognito gives it', () => {
    expect(toAuthFailure(cognitoError('NotAuthorizedException', 'Password attempts exceeded'), 'password')).toBe('locked-out')
  })

  test.each(['code', 'setup'] as const)(
    'a lockout at the %s step (wrong codes count toward it) is too many attempts, not a lapsed session',
    (step) => {
      expect(toAuthFailure(cognitoError('NotAuthorizedException', 'Password attempts exceeded'), step)).toBe('too-many-attempts')
    },
  )

  test('the message text alone never decides: a lockout-looking message under another name is not lockout', () => {
    expect(toAuthFailure(cognitoError('InternalErrorException', 'Password attempts exceeded'), 'password')).toBe('unexpected')
    expect(toAuthFailure(cognitoError('CodeMismatchException', 'Incorrect username or password.'), 'code')).toBe('wrong-code')
  })

  test('values that are not errors are unexpected', () => {
    expect(toAuthFailure(undefined, 'password')).toBe('unexpected')
    expect(toAuthFailure('boom', 'code')).toBe('unexpected')
    expect(toAuthFailure({ name: 42 }, 'code')).toBe('unexpected')
  })

  test('plain objects carrying a name are mapped (the fake gateway and Amplify both use name)', () => {
    expect(toAuthFailure({ name: 'CodeMismatchException', message: 'x' }, 'code')).toBe('wrong-code')
  })

  test('logs name and message to console.debug only', () => {
    const debug = vi.mocked(console.debug)
    toAuthFailure(cognitoError('CodeMismatchException', 'Invalid code received for user'), 'code')
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('CodeMismatchException: Invalid code received for user'))
  })
})

import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { toResetFailure } from './reset-failure.ts'

function cognitoError(name: string, message = 'raw server text') {
  const error = new Error(message)
  error.name = name
  return error
}

beforeEach(() => {
  vi.spyOn(console, 'debug').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
})

test.each([
  ['CodeMismatchException', 'reset-password', 'wrong-code'],
  ['ExpiredCodeException', 'reset-password', 'code-expired'],
  ['LimitExceededException', 'reset-password', 'too-many-attempts'],
  ['LimitExceededException', 'forgot-password', 'too-many-attempts'],
  ['InvalidPasswordException', 'reset-password', 'invalid-password'],
  ['UserNotFoundException', 'reset-password', 'wrong-code'],
  // The screen shows an unknown name the same "sent" step (use-password-reset.ts).
  ['UserNotFoundException', 'forgot-password', 'bad-credentials'],
  ['InvalidParameterException', 'forgot-password', 'no-recovery-address'],
  ['InvalidParameterException', 'reset-password', 'unexpected'],
  ['NotAuthorizedException', 'forgot-password', 'unexpected'],
  ['NotAuthorizedException', 'reset-password', 'unexpected'],
  ['NetworkError', 'reset-password', 'offline'],
] as const)('%s at %s is %s', (name, step, failure) => {
  expect(toResetFailure(cognitoError(name), step)).toBe(failure)
})

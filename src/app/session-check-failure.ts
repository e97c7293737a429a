// Why the session check failed, in the app's terms: loaded only when it fails, so that the failure
// reader (src/auth/auth-failure.ts) stays off the first screen (ADR 003).
import { toAuthFailure, type AuthFailure } from '../auth/auth-failure.ts'

export function sessionCheckFailure(error: unknown): AuthFailure {
  return toAuthFailure(error, 'preference')
}

// TOTP as Cognito's software-token MFA uses it: RFC 6238 defaults (HMAC-SHA1, 6 digits, 30 s)
// over the base32 SecretCode (docs/cognito-behaviour.md#totp-codes).
import { Secret, TOTP } from 'otpauth'

const PERIOD_SECONDS = 30
// AWS answers a UserCode that is not exactly six ASCII digits with a validation error
// (docs/cognito-behaviour.md#totp-codes).
const SIX_DIGITS = /^[0-9]{6}$/

/** New per-user secret as AWS issues it: 32 random bytes, upper-case unpadded base32 (52 chars). */
export function generateTotpSecret(): string {
  // RFC 4648 base32 of 32 bytes is 52 characters; otpauth emits it upper-case without padding.
  return new Secret({ size: 32 }).base32
}

/** RFC 6238 (SHA-1, 6 digits, 30 s). Returns the matched time step (floor(unixSeconds/30)+delta) if `code` is valid within ±1 step at nowMs, else null. Non-6-digit input → null. */
export function matchTotpStep(secret: string, code: string, nowMs: number): number | null {
  if (!SIX_DIGITS.test(code)) return null
  // A malformed secret throws rather than returning null: it is state we generated, so that is
  // a bug to surface, not a wrong code. ±1 step is AWS's "within 30 seconds before or after";
  // the step is returned so the caller can refuse a replayed code (step <= lastUsedTimeStep).
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    timestamp: nowMs,
    window: 1,
  })
  return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp: nowMs }) + delta
}

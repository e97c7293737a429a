import { Secret, TOTP } from 'otpauth'
import { generateTotpSecret, matchTotpStep } from './totp.ts'

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
const rfcVectors: Array<[unixSeconds: number, sixDigits: string]> = [
  [59, '287082'], // 94287082
  [1111111109, '081804'], // 07081804
  [1111111111, '050471'], // 14050471
  [1234567890, '005924'], // 89005924
  [2000000000, '279037'], // 69279037
]

describe('matchTotpStep', () => {
  test('the base32 test secret is the RFC seed', () => {
    expect(Buffer.from(Secret.fromBase32(RFC_SECRET).bytes).toString('latin1')).toBe('12345678901234567890')
  })

  test('the RFC 6238 8-digit value for t=59 ends in the 6-digit code', () => {
    const code = TOTP.generate({ secret: Secret.fromBase32(RFC_SECRET), digits: 8, timestamp: 59_000 })
    expect(code).toBe('94287082')
    expect(matchTotpStep(RFC_SECRET, code, 59_000)).toBeNull() // only 6 digits are accepted
  })

  test.each(rfcVectors)('RFC 6238 t=%i → %s, matched at its own step', (t, code) => {
    expect(matchTotpStep(RFC_SECRET, code, t * 1000)).toBe(Math.floor(t / 30))
  })

  test('accepts the previous and next step and reports which one matched', () => {
    const t = 1111111109 // step 37037036, 29 s into it
    const step = Math.floor(t / 30)
    expect(matchTotpStep(RFC_SECRET, '081804', (t + 30) * 1000)).toBe(step)
    expect(matchTotpStep(RFC_SECRET, '081804', (t - 30) * 1000)).toBe(step)
  })

  test('window edges: whole steps away, ±1 accepted, ±2 refused', () => {
    const stepStartMs = 37037036 * 30_000
    const secret = Secret.fromBase32(RFC_SECRET)
    const code = TOTP.generate({ secret, timestamp: stepStartMs })
    expect(matchTotpStep(RFC_SECRET, code, stepStartMs + 30_000 + 29_999)).toBe(37037036)
    expect(matchTotpStep(RFC_SECRET, code, stepStartMs - 1)).toBe(37037036)
    expect(matchTotpStep(RFC_SECRET, code, stepStartMs + 60_000)).toBeNull()
    expect(matchTotpStep(RFC_SECRET, code, stepStartMs - 30_001)).toBeNull()
  })

  test('a code is refused 60 s or more away', () => {
    const t = 1234567890
    expect(matchTotpStep(RFC_SECRET, '005924', (t + 60) * 1000)).toBeNull()
    expect(matchTotpStep(RFC_SECRET, '005924', (t - 60) * 1000)).toBeNull()
    expect(matchTotpStep(RFC_SECRET, '005924', (t + 90) * 1000)).toBeNull()
  })

  test.each(['', '12345', '1234567', '12345a', ' 05924', '٠٠٥٩٢٤', '+05924'])('%j is not a 6-digit code', (code) => {
    expect(matchTotpStep(RFC_SECRET, code, 1234567890_000)).toBeNull()
  })

  test('a wrong code is refused', () => {
    expect(matchTotpStep(RFC_SECRET, '005925', 1234567890_000)).toBeNull()
  })
})

describe('generateTotpSecret', () => {
  test('52 upper-case base32 characters encoding 32 bytes, fresh each call', () => {
    const secrets = Array.from({ length: 20 }, generateTotpSecret)
    for (const secret of secrets) {
      expect(secret).toHaveLength(52)
      expect(secret).toMatch(/^[A-Z2-7]+$/)
      expect(Secret.fromBase32(secret).bytes).toHaveLength(32)
    }
    expect(new Set(secrets).size).toBe(secrets.length)
  })

  test('a generated secret verifies its own current code', () => {
    const secret = generateTotpSecret()
    const now = 1_700_000_000_000
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now })
    expect(matchTotpStep(secret, code, now)).toBe(Math.floor(now / 30_000))
  })
})

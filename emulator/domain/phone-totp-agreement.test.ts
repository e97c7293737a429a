// Lives here rather than in tests/support because vitest's node project only collects
// emulator/, src/ and tests/contract/ tests.
import { randomBytes, randomInt } from 'node:crypto'
import { phoneCode } from '../../tests/support/phone-totp.ts'
import { generateTotpSecret, matchTotpStep } from './totp.ts'

const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'

describe('phoneCode', () => {
  test.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('RFC 6238 SHA-1 t=%i → %s', (t, code) => {
    expect(phoneCode(RFC_SECRET, t * 1000)).toBe(code)
  })

  test('accepts a setup key typed in lower case with spaces or dashes', () => {
    expect(phoneCode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq', 59_000)).toBe('287082')
    expect(phoneCode('GEZD-GNBV-GY3T-QOJQ-GEZD-GNBV-GY3T-QOJQ', 59_000)).toBe('287082')
  })

  test('refuses characters outside the base32 alphabet', () => {
    expect(() => phoneCode('GEZDGNBV1', 59_000)).toThrow(/base32/)
  })
})

describe('phoneCode agrees with the emulator', () => {
  test('on 50 random secrets and times', () => {
    for (let i = 0; i < 50; i++) {
      const secret = i % 2 === 0 ? generateTotpSecret() : base32(randomBytes(randomInt(10, 40)))
      const atMs = randomInt(0, 4_000_000_000) * 1000 + randomInt(0, 1000)
      expect(matchTotpStep(secret, phoneCode(secret, atMs), atMs)).toBe(Math.floor(atMs / 30_000))
    }
  })
})

// Unpadded RFC 4648 base32, so the random secrets include lengths AWS does not issue.
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0')
  return (bits.match(/.{1,5}/g) ?? []).map((chunk) => alphabet[parseInt(chunk.padEnd(5, '0'), 2)]).join('')
}

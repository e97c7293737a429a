// A second, independent TOTP implementation (RFC 4226 + RFC 6238 on node:crypto) that plays
// the user's phone in tests, so a bug shared with the emulator's otpauth-based code can't hide.
import { createHmac } from 'node:crypto'

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** The 6-digit code an authenticator app shows at `atMs` for a setup key (RFC 6238 §4, SHA-1, 30 s). */
export function phoneCode(base32Secret: string, atMs: number): string {
  const counter = Math.floor(atMs / 1000 / 30)
  return hotp(decodeBase32(base32Secret), counter)
}

// RFC 4226 §5.3: HMAC-SHA1 over the 8-byte big-endian counter, then dynamic truncation.
function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', key).update(message).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 1_000_000).padStart(6, '0')
}

// RFC 4648 §6, forgiving the way apps are: people type setup keys in lower case, in groups.
function decodeBase32(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/=+$/, '')
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char)
    if (value < 0) throw new Error(`Not a base32 setup key: unexpected ${JSON.stringify(char)}`)
    buffer = (buffer << 5) | value
    bits += 5
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  return Buffer.from(bytes)
}

// Server side of Cognito's SRP-6a variant (RFC 5054 group, RFC 2945/5054 roles), byte for byte
// as aws-amplify v6 computes the client side (docs/cognito-behaviour.md#srp). Exponentiation modulo N
// is OpenSSL's (ADR 027); the rest is BigInt, which is not constant-time: acceptable for a local
// emulator, not for a production server.
import { createDiffieHellman, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual, type DiffieHellman } from 'node:crypto'

/** RFC 3526 §4 / RFC 5054 appendix A 3072-bit MODP prime (docs/cognito-behaviour.md#srp-primitives). */
export const N: bigint = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1' +
    '29024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245' +
    'E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
    'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D' +
    '670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9' +
    'DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64' +
    'ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B' +
    'F12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31' +
    '43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
)
/** RFC 5054 appendix A generator for the 3072-bit group (docs/cognito-behaviour.md#srp-primitives). */
export const g: bigint = 2n

// Amplify labels the HKDF output with this fixed string (docs/cognito-behaviour.md#srp-exchange, step 3).
const KEY_INFO = 'Caldera Derived Key'
// A legitimate A is below N (768 hex digits); a few clients zero-pad it. The cap only stops
// a hostile megabyte-long SRP_A from costing a huge BigInt parse.
const MAX_SRP_A_HEX_LENGTH = 2048
const HEX = /^[0-9a-fA-F]+$/

/**
 * Amplify's byte encoding of a non-negative number: even-length hex, `00` prefix when the top bit is set
 * (docs/cognito-behaviour.md#srp-primitives).
 */
export function padHex(n: bigint): string {
  if (n < 0n) throw new RangeError('padHex: negative numbers never occur in Cognito SRP')
  let hex = n.toString(16)
  if (hex.length % 2 !== 0) hex = `0${hex}`
  // Amplify encodes numbers as two's-complement positives, so a leading byte >= 0x80 gains 00.
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex
}

/**
 * SRP pool name as Amplify derives it from the UserPoolId: the part after `_`
 * (docs/cognito-behaviour.md#srp-primitives).
 */
export function poolNameOf(userPoolId: string): string {
  return userPoolId.slice(userPoolId.indexOf('_') + 1)
}

/** RFC 5054 §2.6 multiplier k = H(N | PAD(g)) in Amplify's encoding (docs/cognito-behaviour.md#srp-primitives). */
export const k: bigint = BigInt(`0x${hashHex(padHex(N) + padHex(g))}`)

// `npm run bench` starts one local pool with the BigInt arithmetic, to show the speed-up side by side
// in one run (bench/local-pool.ts). Read once, at start-up; nothing else sets it.
const PLAIN_ARITHMETIC = process.env.COGNITO_LOCAL_SRP_ARITHMETIC === 'bigint'
let nGroup: DiffieHellman | undefined

/**
 * Modular exponentiation (RFC 5054 §2.5 arithmetic). Modulo N, OpenSSL computes it: a Diffie-Hellman
 * "shared secret" is exactly other^private mod prime, in native Montgomery arithmetic, about 7× faster
 * than BigInt square-and-multiply, which was most of a sign-in's time (ADR 027). Other moduli, and the
 * bases OpenSSL refuses as public keys (0, 1, N − 1), take the plain path.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus !== N || exponent <= 0n || PLAIN_ARITHMETIC) return modPowPlain(base, exponent, modulus)
  const b = ((base % N) + N) % N
  if (b <= 1n || b === N - 1n) return modPowPlain(b, exponent, N)
  const dh = (nGroup ??= createDiffieHellman(bigintBytes(N), bigintBytes(g)))
  // Synchronous and single-threaded: nothing can use the shared object between these two calls.
  dh.setPrivateKey(bigintBytes(exponent))
  return BigInt(`0x${dh.computeSecret(bigintBytes(b)).toString('hex')}`)
}

/** Square-and-multiply in BigInt: the reference the fast path is tested against (srp.test.ts). */
export function modPowPlain(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = ((base % modulus) + modulus) % modulus
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
    e >>= 1n
  }
  return result
}

function bigintBytes(n: bigint): Buffer {
  const hex = n.toString(16)
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex')
}

/**
 * Private key x = H(PAD(salt) | H(poolName | userIdForSrp | ":" | password))
 * (docs/cognito-behaviour.md#srp-verifier).
 */
export function computeX(poolName: string, userIdForSrp: string, password: string, saltHex: string): bigint {
  const identityHash = createHash('sha256').update(`${poolName}${userIdForSrp}:${password}`, 'utf8').digest('hex')
  // The client parses SALT as an integer and re-pads it, so the raw SALT text must not be hashed.
  return BigInt(`0x${hashHex(padHex(BigInt(`0x${saltHex}`)) + identityHash)}`)
}

/** Scrambling parameter u = H(PAD(A) | PAD(B)) (docs/cognito-behaviour.md#srp-exchange, step 2; RFC 5054 §2.6). */
export function computeU(A: bigint, B: bigint): bigint {
  return BigInt(`0x${hashHex(padHex(A) + padHex(B))}`)
}

/**
 * Session key K = first 16 bytes of HKDF-SHA256(S, salt u, "Caldera Derived Key")
 * (docs/cognito-behaviour.md#srp-exchange, step 3; RFC 5869).
 */
export function deriveKey(S: bigint, u: bigint): Buffer {
  // One RFC 5869 output block is HMAC(PRK, info | 0x01), exactly what Amplify computes by hand.
  return Buffer.from(hkdfSync('sha256', hexBytes(padHex(S)), hexBytes(padHex(u)), KEY_INFO, 16))
}

/** Server's K from S = (A · v^u)^b mod N (docs/cognito-behaviour.md#srp-exchange, step 2); null when u == 0. */
export function computeSessionKey(v: bigint, A: bigint, B: bigint, b: bigint): Buffer | null {
  const u = computeU(A, B)
  if (u === 0n) return null
  const S = modPow((A * modPow(v, u, N)) % N, b, N)
  return deriveKey(S, u)
}

/**
 * Makes salt + verifier (docs/cognito-behaviour.md#srp-verifier).
 * saltHex optional for tests; default 16 random bytes.
 */
export function createVerifier(
  poolName: string,
  userIdForSrp: string,
  password: string,
  saltHex: string = randomBytes(16).toString('hex'),
): { saltHex: string; verifierHex: string } {
  const x = computeX(poolName, userIdForSrp, password, saltHex)
  return { saltHex, verifierHex: padHex(modPow(g, x, N)) }
}

/** USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH / ChangePassword: recompute v from the password and compare in constant time. */
export function passwordMatchesVerifier(poolName: string, userIdForSrp: string, password: string, saltHex: string, verifierHex: string): boolean {
  if (!HEX.test(saltHex) || !HEX.test(verifierHex)) return false
  const candidate = Buffer.from(createVerifier(poolName, userIdForSrp, password, saltHex).verifierHex, 'hex')
  const stored = Buffer.from(padHex(BigInt(`0x${verifierHex}`)), 'hex')
  return candidate.length === stored.length && timingSafeEqual(candidate, stored)
}

/** Rejects A where A mod N == 0 or A is not hex (RFC 5054 §2.5.4 "A % N == 0" abort). */
export function isValidSrpA(aHex: string): boolean {
  if (aHex.length > MAX_SRP_A_HEX_LENGTH || !HEX.test(aHex)) return false
  return BigInt(`0x${aHex}`) % N !== 0n
}

/** Server's ephemeral: random b (>= 256 bits; bHex optional for tests), B = (k·v + g^b) mod N, redo if B mod N == 0. BHex is lower-case hex as sent in SRP_B. */
export function startServerExchange(verifierHex: string, bHex?: string): { bHex: string; BHex: string } {
  const v = BigInt(`0x${verifierHex}`)
  for (;;) {
    const b = bHex === undefined ? BigInt(`0x${randomBytes(32).toString('hex')}`) : BigInt(`0x${bHex}`)
    const B = (k * v + modPow(g, b, N)) % N
    if (B !== 0n) return { bHex: b.toString(16), BHex: B.toString(16) }
    // RFC 5054 §2.5.3 forbids B % N == 0; with a fixed b there is nothing to retry.
    if (bHex !== undefined) throw new Error('startServerExchange: this b yields B = 0 mod N')
  }
}

/**
 * Verifies PASSWORD_CLAIM_SIGNATURE (docs/cognito-behaviour.md#srp-exchange, steps 2-4).
 * Returns false (never throws) on any malformed input.
 */
export function verifyPasswordClaim(input: {
  poolName: string
  userIdForSrp: string
  verifierHex: string
  aHex: string
  bHex: string
  BHex: string
  secretBlock: string
  timestamp: string
  signature: string
}): boolean {
  try {
    const { verifierHex, aHex, bHex, BHex } = input
    if (!isValidSrpA(aHex) || ![verifierHex, bHex, BHex].every((h) => HEX.test(h))) return false
    const secretBlockBytes = decodeBase64Tolerantly(input.secretBlock)
    if (!secretBlockBytes) return false
    const B = BigInt(`0x${BHex}`)
    if (B % N === 0n) return false
    const key = computeSessionKey(BigInt(`0x${verifierHex}`), BigInt(`0x${aHex}`), B, BigInt(`0x${bHex}`))
    if (!key) return false
    // Signed message: poolName | USER_ID_FOR_SRP | raw SECRET_BLOCK bytes | TIMESTAMP
    // (docs/cognito-behaviour.md#srp-exchange, step 4).
    const expected = createHmac('sha256', key)
      .update(input.poolName, 'utf8')
      .update(input.userIdForSrp, 'utf8')
      .update(secretBlockBytes)
      .update(input.timestamp, 'utf8')
      .digest('base64')
    const received = Buffer.from(input.signature, 'utf8')
    const wanted = Buffer.from(expected, 'utf8')
    return received.length === wanted.length && timingSafeEqual(received, wanted)
  } catch {
    return false
  }
}

function hashHex(hex: string): string {
  return createHash('sha256').update(hexBytes(hex)).digest('hex')
}

function hexBytes(hex: string): Buffer {
  return Buffer.from(hex, 'hex')
}

// Amplify accepts the URL-safe alphabet and missing padding here (getSignatureString.ts), so we
// do too; anything else is not base64 and cannot be a block we issued.
function decodeBase64Tolerantly(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) return null
  const standard = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  if (standard.length % 4 === 1) return null
  return Buffer.from(standard, 'base64')
}

// Cognito-shaped RS256 JWTs (docs/cognito-behaviour.md#tokens) signed with one key per pool, via jose.
import { randomBytes } from 'node:crypto'
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK } from 'jose'

export type SigningKey = { kid: string; privateJwk: JsonWebKey; publicJwk: JsonWebKey } // JSON-serialisable so the store can persist it

type ImportedKeys = { privateKey: CryptoKey; publicKey: CryptoKey }

const ALG = 'RS256'
// Keyed by the SigningKey object: importing a JWK costs far more than a signature, and a
// WeakMap lets a key that the store has replaced be collected with its CryptoKeys.
const imported = new WeakMap<SigningKey, Promise<ImportedKeys>>()

/**
 * New RSA-2048 key for RS256 (RFC 7518 §3.3) with an RFC 7638 thumbprint as its kid
 * (docs/cognito-behaviour.md#token-claims).
 */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true })
  const { kty, n, e } = await exportJWK(publicKey)
  const publicJwk = { kty, n, e }
  const privateJwk = await exportJWK(privateKey)
  return { kid: await calculateJwkThumbprint(publicJwk), privateJwk: privateJwk as JsonWebKey, publicJwk }
}

/**
 * Signs claims as an RS256 JWT with header {kid, alg:'RS256'} (docs/cognito-behaviour.md#token-claims).
 * Caller supplies all claims incl. iat/exp.
 */
export async function signJwt(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await importKeys(key)
  return new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: ALG }).sign(privateKey)
}

/** Verifies signature with our key and exp against nowMs (no clock tolerance); returns the payload or null for anything invalid/expired/malformed. Never throws. */
export async function verifyJwt(key: SigningKey, token: string, nowMs: number): Promise<Record<string, unknown> | null> {
  try {
    const { publicKey } = await importKeys(key)
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
      algorithms: [ALG], // never let the token choose its own algorithm
      currentDate: new Date(nowMs),
      clockTolerance: 0,
      requiredClaims: ['exp'], // every token we issue expires; one without exp was not ours
    })
    return protectedHeader.kid === key.kid ? payload : null
  } catch {
    return null
  }
}

/**
 * JWKS document as AWS serves at /<poolId>/.well-known/jwks.json
 * (docs/cognito-behaviour.md#token-claims, RFC 7517 §5).
 */
export function toJwks(key: SigningKey): { keys: Array<Record<string, unknown>> } {
  const { kty, n, e } = key.publicJwk
  return { keys: [{ kid: key.kid, kty, alg: ALG, use: 'sig', n, e }] }
}

/** Opaque refresh token: random, pattern [A-Za-z0-9-_=.]+, at least 100 chars. */
export function newRefreshToken(): string {
  // Clients treat it as opaque (docs/cognito-behaviour.md#token-claims); 96 random bytes give 128 base64url characters.
  // Never a leading "-": the AWS CLI would read it as an option after --token / --refresh-token.
  return randomBytes(96).toString('base64url').replace(/^-/, 'A')
}

function importKeys(key: SigningKey): Promise<ImportedKeys> {
  let keys = imported.get(key)
  if (!keys) {
    keys = Promise.all([importJWK(key.privateJwk as JWK, ALG), importJWK(key.publicJwk as JWK, ALG)]).then(([privateKey, publicKey]) => ({
      privateKey: privateKey as CryptoKey,
      publicKey: publicKey as CryptoKey,
    }))
    // A failed import (corrupt stored JWK) must not be cached forever as a rejected promise.
    keys.catch(() => imported.delete(key))
    imported.set(key, keys)
  }
  return keys
}

import { createHash, createHmac } from 'node:crypto'
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider'
import { N, padHex } from '../domain/srp.ts'
import type { PoolRecord } from '../state/model.ts'
import { maskEmail } from './users.ts'

// With PreventUserExistenceErrors ENABLED a name the pool does not know is answered as if it were a
// user (docs/cognito-behaviour.md#unknown-users): a salt, a verifier and, in email-username pools, a
// USER_ID_FOR_SRP of its own, the same at every call for the same name in the same pool, derived from
// the name and a secret only this pool has (docs/decisions/012-unknown-users.md).

/** What a pool pretends to hold for a name it does not know. */
export type Decoy = Readonly<{
  /**
   * The name as the pool compares it, hashed (`unknownNameKey`): the key of its counts and what its
   * session remembers. Fixed-size, because a USERNAME may be 131,072 characters long.
   */
  key: string
  userIdForSrp: string
  saltHex: string
  verifierHex: string
}>

const LABEL = 'unknown-user-srp'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const EMAIL_SHAPED = /^[^@\s]+@[^@\s]+$/
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * The name as `Store.findUser` would match it: lower-cased in a case-insensitive pool, and an email
 * in a pool that signs in with email (emails are compared without case), so every spelling of one
 * name gets one decoy, as every spelling of a real user's name gets that user.
 */
export function normalisedName(pool: PoolRecord, name: string): string {
  const signsInWithEmail = pool.usernameAttributes.includes('email') || pool.aliasAttributes.includes('email')
  if (!pool.usernameCaseSensitive || (signsInWithEmail && name.includes('@'))) return name.toLowerCase()
  return name
}

/** What an unknown name's counts and session are kept under: its normalised form, hashed to a fixed size. */
export function unknownNameKey(pool: PoolRecord, typedName: string): string {
  return nameKey(normalisedName(pool, typedName))
}

function nameKey(name: string): string {
  return createHash('sha256').update(name).digest('base64url')
}

/** The salt, verifier and USER_ID_FOR_SRP a pool answers with for `typedName`, which it does not know. */
export function decoyFor(pool: PoolRecord, typedName: string): Decoy {
  const name = normalisedName(pool, typedName)
  // One derivation, cut in three.
  const bytes = derive(pool, 'decoy', name, 16 + 16 + 384)
  // A real verifier is g^x mod N for an x nobody outside knows; a uniform number below N is as good
  // for B = k·v + g^b, the only place it shows, and costs no exponentiation more than a real user's.
  const verifier = BigInt(`0x${bytes.subarray(32).toString('hex')}`) % N
  return {
    key: nameKey(name),
    userIdForSrp: userIdForSrp(pool, typedName, name, bytes.subarray(16, 32)),
    saltHex: bytes.subarray(0, 16).toString('hex'),
    verifierHex: padHex(verifier),
  }
}

/**
 * ResendConfirmationCode's CodeDeliveryDetails for a name the pool does not know. The emulator
 * delivers codes only by email, so this is an email destination, masked as a real one is: the name
 * itself when it is an address, else an address made up from the name (the same at every call).
 */
export function simulatedDelivery(pool: PoolRecord, typedName: string): CodeDeliveryDetailsType {
  const name = normalisedName(pool, typedName)
  let address = name
  if (!EMAIL_SHAPED.test(name)) {
    const [local, domain] = derive(pool, 'delivery', name, 2)
    address = `${LETTERS[local % 26]}@${LETTERS[domain % 26]}`
  }
  return { Destination: maskEmail(address), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
}

/**
 * `length` bytes for `name` and `purpose`: SHAKE256 (FIPS 202) of the pool secret, the purpose and the
 * name, a keyed extendable-output function in one call (the secret and purpose are fixed-length or
 * NUL-ended, so no two inputs run together). One call matters: a real user's path has no such step.
 */
function derive(pool: PoolRecord, purpose: string, name: string, length: number): Buffer {
  return createHash('shake256', { outputLength: length }).update(poolSecret(pool)).update(`${purpose}\u0000`).update(name, 'utf8').digest()
}

// Keyed by the key object, as tokens.ts keys its imported keys: a replaced key's secret goes with it.
const secrets = new WeakMap<PoolRecord['signingKey'], Buffer>()

/**
 * The pool's secret for decoys: HMAC-SHA256 keyed with a hash of the pool's private signing key. It
 * is persisted with the pool already, so decoys survive a restart and differ from pool to pool.
 */
function poolSecret(pool: PoolRecord): Buffer {
  let secret = secrets.get(pool.signingKey)
  if (!secret) {
    const jwk = pool.signingKey.privateJwk as Record<string, unknown>
    const keyHash = createHash('sha256')
      .update(JSON.stringify(jwk, Object.keys(jwk).sort()))
      .digest()
    secret = createHmac('sha256', keyHash).update(LABEL).digest()
    secrets.set(pool.signingKey, secret)
  }
  return secret
}

/**
 * In a pool whose usernames are emails the stored username, and so USER_ID_FOR_SRP, is a UUID
 * (docs/cognito-behaviour.md#usernames-and-user-ids): a decoy gets one too, as Cognito's do. A name
 * that already is a UUID is what a real user's would be (sign-in by sub) and comes back as it is.
 * Elsewhere a real user's USER_ID_FOR_SRP is the name, and so is a decoy's.
 */
function userIdForSrp(pool: PoolRecord, typedName: string, name: string, bytes: Buffer): string {
  if (!pool.usernameAttributes.includes('email')) return typedName
  if (UUID.test(name)) return name
  // RFC 9562 version 4 and variant bits, as crypto.randomUUID() sets them for real users.
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

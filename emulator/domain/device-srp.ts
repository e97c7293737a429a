// Device SRP: a remembered device proves it holds the secret it chose at ConfirmDevice with the same
// SRP-6a exchange as a password, the DeviceGroupKey standing for the pool name and the DeviceKey for
// the user (docs/cognito-behaviour.md#device-srp). Everything here reuses srp.ts: only the names and
// the encodings of ConfirmDevice's DeviceSecretVerifierConfig differ.
import { randomBytes, randomUUID } from 'node:crypto'
import { N, startServerExchange, verifyPasswordClaim } from './srp.ts'

/** A device's stored SRP values, hex as in the user's `srp`. */
export type DeviceVerifier = { saltHex: string; verifierHex: string }

// A verifier is a number below N (384 bytes, 385 with Amplify's sign byte); a salt of 16 bytes in
// every client. 1 KiB of either is far above any client's and far below a cost worth worrying about.
const MAX_DECODED_BYTES = 1024
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** `<region>_<uuid>`, as Cognito's DeviceKey (docs/cognito-behaviour.md#device-keys). */
export function newDeviceKey(region: string): string {
  return `${region}_${randomUUID()}`
}

/** A short opaque group key such as Cognito's `-wt2ha1Zd` (docs/cognito-behaviour.md#device-keys). */
export function newDeviceGroupKey(): string {
  return `-${randomBytes(6).toString('base64url')}`
}

/**
 * ConfirmDevice's `PasswordVerifier` and `Salt` (base64 of the bytes of the hex numbers, where the SRP
 * challenge parameters are hex; docs/cognito-behaviour.md#device-srp) as stored hex, or null when either
 * is not base64 of a usable number: a verifier of 0 or not below N could never be proven against.
 */
export function decodeDeviceVerifier(passwordVerifier: string, salt: string): DeviceVerifier | null {
  const verifier = decodeNumber(passwordVerifier)
  const saltBytes = decodeNumber(salt)
  if (!verifier || !saltBytes) return null
  const v = BigInt(`0x${verifier}`)
  if (v === 0n || v >= N) return null
  return { saltHex: saltBytes, verifierHex: verifier }
}

function decodeNumber(text: string): string | null {
  if (text.length === 0 || text.length > Math.ceil(MAX_DECODED_BYTES / 3) * 4 || !BASE64.test(text) || text.length % 4 !== 0) return null
  const hex = Buffer.from(text, 'base64').toString('hex')
  return hex.length > 0 && /[1-9a-f]/.test(hex) ? hex : null
}

/** B for DEVICE_PASSWORD_VERIFIER, from the device's verifier (bHex only for tests). */
export function startDeviceExchange(device: DeviceVerifier, bHex?: string): { bHex: string; BHex: string } {
  return startServerExchange(device.verifierHex, bHex)
}

/**
 * Verifies a DEVICE_PASSWORD_VERIFIER signature: the password claim of srp.ts with DeviceGroupKey as the
 * pool name and DeviceKey as the user id (the message signed is groupKey | deviceKey | SECRET_BLOCK |
 * TIMESTAMP). False, never a throw, on any malformed input.
 */
export function verifyDeviceClaim(input: {
  deviceKey: string
  deviceGroupKey: string
  device: DeviceVerifier
  aHex: string
  bHex: string
  BHex: string
  secretBlock: string
  timestamp: string
  signature: string
}): boolean {
  return verifyPasswordClaim({
    poolName: input.deviceGroupKey,
    userIdForSrp: input.deviceKey,
    verifierHex: input.device.verifierHex,
    aHex: input.aHex,
    bHex: input.bHex,
    BHex: input.BHex,
    secretBlock: input.secretBlock,
    timestamp: input.timestamp,
    signature: input.signature,
  })
}

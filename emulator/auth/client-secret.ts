import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { notAuthorized } from '../errors.ts'
import type { ClientRecord } from '../state/model.ts'

// App clients with a secret (GenerateSecret: true): every call that names a user carries
// SECRET_HASH = base64(HMAC-SHA256(key: the secret, message: username + client id))
// (docs/cognito-behaviour.md#client-secrets, ADR 021).

const SECRET_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'
const SECRET_LENGTH = 52

/** A new client secret: 52 lower-case letters and digits (about 268 bits), the shape Cognito's have. */
export function newClientSecret(): string {
  let secret = ''
  for (let i = 0; i < SECRET_LENGTH; i++) secret += SECRET_CHARS[randomInt(SECRET_CHARS.length)]
  return secret
}

/** The SECRET_HASH a client computes for `username` (Computing secret hash values, AWS developer guide). */
export function secretHash(secret: string, username: string, clientId: string): string {
  return createHmac('sha256', secret)
    .update(username + clientId, 'utf8')
    .digest('base64')
}

/**
 * Checks `sent` against the hash of each name the caller may have used (the name it sent, and the
 * user's username or sub where the user is known): nothing to check for a client without a secret.
 * `wrongMessage` differs for refresh, where Cognito words it otherwise.
 */
export function requireSecretHash(
  client: ClientRecord,
  sent: string | undefined,
  names: ReadonlyArray<string | undefined>,
  wrongMessage: 'sign-in' | 'refresh' = 'sign-in',
): void {
  const secret = client.clientSecret
  if (secret === undefined) return
  if (sent === undefined) throw notAuthorized(`Client ${client.clientId} is configured with secret but SECRET_HASH was not received`)
  const given = Buffer.from(sent, 'utf8')
  const matches = names.some((name) => {
    if (name === undefined) return false
    const expected = Buffer.from(secretHash(secret, name, client.clientId), 'utf8')
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
  if (matches) return
  throw notAuthorized(
    wrongMessage === 'refresh'
      ? `SecretHash does not match for the client: ${client.clientId}`
      : `Unable to verify secret hash for client ${client.clientId}`,
  )
}

/** GetTokensFromRefreshToken and RevokeToken send the secret itself (`ClientSecret`). */
export function requireClientSecret(client: ClientRecord, sent: string | undefined): void {
  const secret = client.clientSecret
  if (secret === undefined) return
  if (sent === undefined) throw notAuthorized(`Client ${client.clientId} is configured with secret but ClientSecret was not received`)
  const given = Buffer.from(sent, 'utf8')
  const expected = Buffer.from(secret, 'utf8')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`)
  }
}

import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { createSigningKey, newRefreshToken, signJwt, toJwks, verifyJwt, type SigningKey } from './tokens.ts'

const NOW_MS = 1_700_000_000_000
const iat = NOW_MS / 1000
const claims = { sub: 'b5c8a2e4-0000-4000-8000-000000000001', token_use: 'access', iat, exp: iat + 3600 }

let key: SigningKey
let otherKey: SigningKey
beforeAll(async () => {
  ;[key, otherKey] = await Promise.all([createSigningKey(), createSigningKey()])
})

describe('signJwt / verifyJwt', () => {
  test('round-trips the claims with the Cognito header', async () => {
    const token = await signJwt(key, claims)
    expect(token.split('.')).toHaveLength(3)
    expect(decodeProtectedHeader(token)).toEqual({ kid: key.kid, alg: 'RS256' })
    expect(await verifyJwt(key, token, NOW_MS)).toEqual(claims)
  })

  test('valid up to exp, null from exp on (no clock tolerance)', async () => {
    const token = await signJwt(key, claims)
    expect(await verifyJwt(key, token, (claims.exp - 1) * 1000)).not.toBeNull()
    expect(await verifyJwt(key, token, claims.exp * 1000)).toBeNull()
    expect(await verifyJwt(key, token, (claims.exp + 3600) * 1000)).toBeNull()
  })

  test('a token without exp is refused', async () => {
    const { exp: _exp, ...rest } = claims
    expect(await verifyJwt(key, await signJwt(key, rest), NOW_MS)).toBeNull()
  })

  test('a tampered payload is refused', async () => {
    const [header, , signature] = (await signJwt(key, claims)).split('.')
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')
    expect(await verifyJwt(key, `${header}.${forged}.${signature}`, NOW_MS)).toBeNull()
  })

  test("another key's token is refused", async () => {
    expect(await verifyJwt(key, await signJwt(otherKey, claims), NOW_MS)).toBeNull()
  })

  test.each(['', 'garbage', 'a.b.c', 'a.b', '..', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'])('garbage %j → null', async (token) => {
    expect(await verifyJwt(key, token, NOW_MS)).toBeNull()
  })

  test('survives a JSON round-trip of the key, as the store persists it', async () => {
    const restored: SigningKey = JSON.parse(JSON.stringify(key))
    expect(await verifyJwt(restored, await signJwt(key, claims), NOW_MS)).toEqual(claims)
    expect(await verifyJwt(key, await signJwt(restored, claims), NOW_MS)).toEqual(claims)
  })
})

describe('toJwks', () => {
  test('publishes only the public RSA key, in the shape AWS serves', () => {
    const jwks = toJwks(key)
    expect(jwks.keys).toHaveLength(1)
    expect(Object.keys(jwks.keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use'])
    expect(jwks.keys[0]).toMatchObject({ kid: key.kid, kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' })
  })

  test("a generic JWKS verifier accepts our token and rejects another key's", async () => {
    const jwks = createLocalJWKSet(JSON.parse(JSON.stringify(toJwks(key))))
    const { payload } = await jwtVerify(await signJwt(key, claims), jwks, { currentDate: new Date(NOW_MS) })
    expect(payload).toEqual(claims)
    await expect(jwtVerify(await signJwt(otherKey, claims), jwks, { currentDate: new Date(NOW_MS) })).rejects.toThrow()
  })
})

describe('newRefreshToken', () => {
  test('opaque, long, in the Cognito pattern, and fresh each time', () => {
    const tokens = Array.from({ length: 10 }, newRefreshToken)
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9-_=.]+$/)
      expect(token.length).toBeGreaterThanOrEqual(100)
    }
    expect(new Set(tokens).size).toBe(tokens.length)
  })
})

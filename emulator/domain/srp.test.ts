import { createHmac, randomBytes, randomInt } from 'node:crypto'
import {
  N,
  computeSessionKey,
  computeU,
  computeX,
  createVerifier,
  deriveKey,
  g,
  isValidSrpA,
  k,
  modPow,
  modPowPlain,
  padHex,
  passwordMatchesVerifier,
  poolNameOf,
  startServerExchange,
  verifyPasswordClaim,
} from './srp.ts'

// docs/cognito-behaviour.md#srp-test-vector, checked against aws-amplify 6.22.1.
const vector = {
  userPoolId: 'us-east-1_AbCdEf123',
  userIdForSrp: 'alice',
  password: 'Corr3ct-Horse!',
  saltHex: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  aHex: '3'.repeat(64),
  bHex: '7'.repeat(64),
  secretBlock: 'b3BhcXVlLXNlY3JldC1ibG9jay0wMDAx',
  timestamp: 'Tue Mar 4 05:06:07 UTC 2025',
  x: '96cc8901381cab5d199b3e7edf5190d8ad2d807f0dd549d5321bdac0e4b12313',
  verifierPrefix: '00a657fed1fb3ef36514cc0a7ae318e3',
  srpAPrefix: '76136a71c69ee94724be3f6839b580d0',
  srpBPrefix: '9705aa53e8aba108a9155097ab60759e',
  u: 'acb26b0fe55ec61cd7284487b6d4e0bec46626731f2f81fd13717a08f49b2a6f',
  K: '219ffe5ebf981778cf6e282f35aa73a8',
  signature: 'tUSQZvHKaZZDItKbuY5Qh7sDlyc/8UhFjT9y1GOkz98=',
}
const poolName = poolNameOf(vector.userPoolId)
const { verifierHex } = createVerifier(poolName, vector.userIdForSrp, vector.password, vector.saltHex)
const srpA = modPow(g, BigInt(`0x${vector.aHex}`), N).toString(16) // as Amplify sends SRP_A
const server = startServerExchange(verifierHex, vector.bHex)
const claim = {
  poolName,
  userIdForSrp: vector.userIdForSrp,
  verifierHex,
  aHex: srpA,
  bHex: server.bHex,
  BHex: server.BHex,
  secretBlock: vector.secretBlock,
  timestamp: vector.timestamp,
  signature: vector.signature,
}

describe('primitives (docs/cognito-behaviour.md#srp-primitives)', () => {
  test('N is the RFC 3526 3072-bit prime, hashed as 385 bytes', () => {
    expect(N.toString(2)).toHaveLength(3072)
    expect(padHex(N)).toMatch(/^00ffffffffffffffffc90fdaa22168c234/)
    expect(padHex(N)).toHaveLength(770)
    expect(padHex(g)).toBe('02')
  })

  test('k matches the value Amplify derives', () => {
    expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6')
  })

  test('padHex pads to whole bytes and keeps the number positive', () => {
    expect(padHex(0x1n)).toBe('01')
    expect(padHex(0x7fn)).toBe('7f')
    expect(padHex(0x80n)).toBe('0080')
    expect(padHex(0xabcn)).toBe('0abc')
    expect(padHex(0x8abcn)).toBe('008abc')
  })

  test('pool name is the part of the UserPoolId after the underscore', () => {
    expect(poolNameOf('us-east-1_AbCdEf123')).toBe('AbCdEf123')
  })
})

describe('the test vector of docs/cognito-behaviour.md#srp-test-vector', () => {
  test('x', () => {
    expect(computeX(poolName, vector.userIdForSrp, vector.password, vector.saltHex).toString(16)).toBe(vector.x)
  })

  test('verifier, SRP_A and SRP_B', () => {
    expect(verifierHex.startsWith(vector.verifierPrefix)).toBe(true)
    expect(srpA).toHaveLength(768)
    expect(srpA.startsWith(vector.srpAPrefix)).toBe(true)
    expect(server.bHex).toBe(vector.bHex)
    expect(server.BHex.startsWith(vector.srpBPrefix)).toBe(true)
  })

  test('u and K, with the client-side formula agreeing with the server-side one', () => {
    const A = BigInt(`0x${srpA}`)
    const B = BigInt(`0x${server.BHex}`)
    const u = computeU(A, B)
    expect(u.toString(16)).toBe(vector.u)
    const serverKey = computeSessionKey(BigInt(`0x${verifierHex}`), A, B, BigInt(`0x${vector.bHex}`))
    expect(serverKey?.toString('hex')).toBe(vector.K)
    // What Amplify computes: S = (B - k·g^x)^(a + u·x) mod N.
    const x = BigInt(`0x${vector.x}`)
    const clientS = modPow(B - k * modPow(g, x, N), BigInt(`0x${vector.aHex}`) + u * x, N)
    expect(deriveKey(clientS, u).toString('hex')).toBe(vector.K)
  })

  test('accepts the signature Amplify produced', () => {
    expect(verifyPasswordClaim(claim)).toBe(true)
  })

  test('rejects a signature with one character changed', () => {
    const tampered = `${claim.signature[0] === 'A' ? 'B' : 'A'}${claim.signature.slice(1)}`
    expect(verifyPasswordClaim({ ...claim, signature: tampered })).toBe(false)
  })

  test("rejects the claim against a wrong password's verifier", () => {
    const wrong = createVerifier(poolName, vector.userIdForSrp, 'Wr0ng-Horse!', vector.saltHex).verifierHex
    const exchange = startServerExchange(wrong, vector.bHex)
    expect(verifyPasswordClaim({ ...claim, verifierHex: wrong, BHex: exchange.BHex })).toBe(false)
    expect(verifyPasswordClaim({ ...claim, verifierHex: wrong })).toBe(false)
  })

  test('rejects a different timestamp', () => {
    expect(verifyPasswordClaim({ ...claim, timestamp: 'Tue Mar 4 05:06:08 UTC 2025' })).toBe(false)
  })

  test('signs the secret block bytes, so its URL-safe unpadded spelling verifies too', () => {
    const block = Buffer.from([0xfb, 0xff, 0xbf, 0x01]).toString('base64') // "+/+/AQ=="
    const standard = signClaim({ ...claim, secretBlock: block })
    const urlSafe = block.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    expect(verifyPasswordClaim({ ...claim, secretBlock: urlSafe, signature: standard })).toBe(true)
  })
})

describe('malformed input never throws', () => {
  test.each([
    ['A not hex', { aHex: 'xyz' }],
    ['A = 0', { aHex: '0' }],
    ['A = N', { aHex: N.toString(16) }],
    ['B = N', { BHex: N.toString(16) }],
    ['empty verifier', { verifierHex: '' }],
    ['secret block not base64', { secretBlock: 'not base64!' }],
    ['empty signature', { signature: '' }],
  ])('%s → false', (_label, override) => {
    expect(verifyPasswordClaim({ ...claim, ...override })).toBe(false)
  })
})

describe('modPow modulo N (native, ADR 027) equals square-and-multiply', () => {
  const random = (maxBytes: number) => BigInt(`0x00${randomBytes(randomInt(1, maxBytes + 1)).toString('hex')}`)
  const edges = [0n, 1n, 2n, N - 2n, N - 1n, N, N + 1n, -1n, -N - 5n, 2n * N + 3n]

  test('for random bases and exponents of every size SRP uses (and larger than N)', () => {
    for (let i = 0; i < 150; i++) {
      // Exponents: b and u (32 bytes), a + u·x (64 bytes), now and then beyond N's 384 bytes.
      const exponent = random(i % 30 === 0 ? 400 : [32, 64][i % 2])
      const base = i % 5 === 0 ? -random(400) : random(400)
      expect(modPow(base, exponent, N)).toBe(modPowPlain(base, exponent, N))
    }
  })

  test('for the bases OpenSSL refuses as public keys, negative bases and exponents 0 and 1', () => {
    for (const base of edges) {
      for (const exponent of [0n, 1n, 2n, 3n, random(32), random(64)]) {
        expect(modPow(base, exponent, N)).toBe(modPowPlain(base, exponent, N))
      }
    }
  })

  test('another modulus takes the plain path', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n)
    expect(modPow(-3n, 3n, 7n)).toBe(modPowPlain(-3n, 3n, 7n))
  })
})

describe('verifiers and ephemerals', () => {
  test('createVerifier picks a fresh 16-byte salt by default', () => {
    const first = createVerifier(poolName, 'bob', 'pw')
    const second = createVerifier(poolName, 'bob', 'pw')
    expect(first.saltHex).toMatch(/^[0-9a-f]{32}$/)
    expect(first.saltHex).not.toBe(second.saltHex)
    expect(first.verifierHex).not.toBe(second.verifierHex)
  })

  test('passwordMatchesVerifier accepts only the right password and identity', () => {
    const { saltHex, verifierHex: v } = createVerifier(poolName, 'bob', 'Secret-1')
    expect(passwordMatchesVerifier(poolName, 'bob', 'Secret-1', saltHex, v)).toBe(true)
    expect(passwordMatchesVerifier(poolName, 'bob', 'Secret-2', saltHex, v)).toBe(false)
    expect(passwordMatchesVerifier(poolName, 'Bob', 'Secret-1', saltHex, v)).toBe(false)
    expect(passwordMatchesVerifier('OtherPool', 'bob', 'Secret-1', saltHex, v)).toBe(false)
    expect(passwordMatchesVerifier(poolName, 'bob', 'Secret-1', saltHex, 'zz')).toBe(false)
  })

  test('a salt whose first digit is 8-f is hashed with the 00 prefix the client adds', () => {
    const highSalt = 'f'.repeat(32)
    const x = computeX(poolName, 'bob', 'pw', highSalt)
    expect(computeX(poolName, 'bob', 'pw', `00${highSalt}`)).toBe(x)
  })

  test('isValidSrpA', () => {
    expect(isValidSrpA(srpA)).toBe(true)
    expect(isValidSrpA(srpA.toUpperCase())).toBe(true)
    expect(isValidSrpA('')).toBe(false)
    expect(isValidSrpA('0')).toBe(false)
    expect(isValidSrpA((N * 3n).toString(16))).toBe(false)
    expect(isValidSrpA('12g4')).toBe(false)
    expect(isValidSrpA('0x12')).toBe(false)
  })

  test('startServerExchange draws a fresh b of at most 256 bits and a lower-case B', () => {
    const one = startServerExchange(verifierHex)
    const two = startServerExchange(verifierHex)
    expect(one.bHex).not.toBe(two.bHex)
    expect(BigInt(`0x${one.bHex}`) < 2n ** 256n).toBe(true)
    expect(one.BHex).toMatch(/^[0-9a-f]+$/)
    expect(BigInt(`0x${one.BHex}`) < N).toBe(true)
  })

  test('a full exchange with a random b verifies a client-computed signature', () => {
    const exchange = startServerExchange(verifierHex)
    const fresh = { ...claim, bHex: exchange.bHex, BHex: exchange.BHex }
    expect(verifyPasswordClaim({ ...fresh, signature: signClaim(fresh) })).toBe(true)
  })
})

// Client side as Amplify computes it (docs/cognito-behaviour.md#srp-exchange, steps 2-4), using the vector's a and x.
function signClaim(c: typeof claim): string {
  const A = BigInt(`0x${c.aHex}`)
  const B = BigInt(`0x${c.BHex}`)
  const u = computeU(A, B)
  const x = BigInt(`0x${vector.x}`)
  const S = modPow(B - k * modPow(g, x, N), BigInt(`0x${vector.aHex}`) + u * x, N)
  const secretBlockBytes = Buffer.from(c.secretBlock.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  return createHmac('sha256', deriveKey(S, u))
    .update(Buffer.concat([Buffer.from(c.poolName + c.userIdForSrp), secretBlockBytes, Buffer.from(c.timestamp)]))
    .digest('base64')
}

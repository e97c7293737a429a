import { decodeDeviceVerifier, newDeviceGroupKey, newDeviceKey } from './device-srp.ts'
import { createVerifier, N, padHex } from './srp.ts'

// ConfirmDevice's DeviceSecretVerifierConfig as stored (docs/cognito-behaviour.md#device-srp); the exchange
// itself is srp.ts's, run end to end in operations/devices.test.ts and through real clients.

const base64OfHex = (hex: string) => Buffer.from(hex, 'hex').toString('base64')

describe('decodeDeviceVerifier', () => {
  test('base64 of the padded hex salt and verifier comes back as that hex', () => {
    const { saltHex, verifierHex } = createVerifier(
      '-AbCdEf12',
      'us-east-1_0b5e6a3c-0d1e-4f2a-9b8c-7d6e5f4a3b2c',
      'secret',
      'f1e2d3c4b5a697887766554433221100',
    )
    const salt = padHex(BigInt(`0x${saltHex}`))
    expect(salt).toBe('00f1e2d3c4b5a697887766554433221100')
    expect(decodeDeviceVerifier(base64OfHex(verifierHex), base64OfHex(salt))).toEqual({ saltHex: salt, verifierHex })
  })

  test.each([
    ['not base64', 'not base64!', 'AAAA'],
    ['an empty verifier', '', 'AAAA'],
    ['a zero verifier', base64OfHex('0000'), 'AAAA'],
    ['a verifier not below N', base64OfHex(padHex(N)), 'AAAA'],
    ['a zero salt', base64OfHex('01'), base64OfHex('00')],
    ['a verifier over 1 KiB', Buffer.alloc(2000, 1).toString('base64'), 'AAAA'],
  ])('%s is refused', (_, verifier, salt) => {
    expect(decodeDeviceVerifier(verifier, salt)).toBeNull()
  })
})

test('device keys are <region>_<uuid>, within DeviceKeyType; group keys are short and differ', () => {
  const key = newDeviceKey('eu-west-1')
  expect(key).toMatch(/^eu-west-1_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(key.length).toBeLessThanOrEqual(55)
  expect(newDeviceGroupKey()).not.toBe(newDeviceGroupKey())
})

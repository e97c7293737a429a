import { describe, expect, test } from 'vitest'
import { buildOtpauthUri, formatSetupKey } from './otpauth-uri.ts'

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/** Reads a URI back the way an authenticator app does. */
function parse(uri: string) {
  const url = new URL(uri)
  const label = decodeURIComponent(url.pathname.replace(/^\//, ''))
  const rawLabel = url.pathname.replace(/^\//, '')
  const separator = rawLabel.indexOf(':')
  return {
    protocol: url.protocol,
    type: url.host,
    label,
    labelIssuer: separator === -1 ? undefined : decodeURIComponent(rawLabel.slice(0, separator)),
    account: decodeURIComponent(separator === -1 ? rawLabel : rawLabel.slice(separator + 1)),
    secret: url.searchParams.get('secret'),
    issuer: url.searchParams.get('issuer'),
  }
}

describe('buildOtpauthUri', () => {
  test('plain issuer and account', () => {
    expect(buildOtpauthUri({ secret, issuer: 'Example', accountName: 'alice' })).toBe(`otpauth://totp/Example:alice?secret=${secret}&issuer=Example`)
  })

  test('spaces become %20, never +', () => {
    const uri = buildOtpauthUri({ secret, issuer: 'Cognito TOTP', accountName: 'Alice Smith' })
    expect(uri).toBe(`otpauth://totp/Cognito%20TOTP:Alice%20Smith?secret=${secret}&issuer=Cognito%20TOTP`)
  })

  test('a colon inside the issuer or account is escaped; only the separator stays literal', () => {
    const uri = buildOtpauthUri({ secret, issuer: 'Acme: Prod', accountName: 'ops:alice' })
    expect(uri).toBe(`otpauth://totp/Acme%3A%20Prod:ops%3Aalice?secret=${secret}&issuer=Acme%3A%20Prod`)
    expect(uri.match(/:/g)).toHaveLength(2) // "otpauth:" and the label separator
  })

  test("'&', '+', '@', '#' and '?' cannot break out into the query", () => {
    const uri = buildOtpauthUri({ secret, issuer: 'A&B+C', accountName: 'a+b@example.com#?x=1' })
    expect(uri).toBe(`otpauth://totp/A%26B%2BC:a%2Bb%40example.com%23%3Fx%3D1?secret=${secret}&issuer=A%26B%2BC`)
  })

  test('Japanese is UTF-8 percent-encoded', () => {
    const uri = buildOtpauthUri({ secret, issuer: '社内ポータル', accountName: '山田 太郎' })
    expect(uri).toBe(
      `otpauth://totp/%E7%A4%BE%E5%86%85%E3%83%9D%E3%83%BC%E3%82%BF%E3%83%AB:%E5%B1%B1%E7%94%B0%20%E5%A4%AA%E9%83%8E?secret=${secret}&issuer=%E7%A4%BE%E5%86%85%E3%83%9D%E3%83%BC%E3%82%BF%E3%83%AB`,
    )
    expect(uri).toMatch(/^[\x21-\x7e]+$/) // nothing but printable ASCII
  })

  test.each([
    ['Example', 'alice'],
    ['Cognito TOTP', 'alice@example.com'],
    ['Acme: Prod', 'ops:alice'],
    ['A&B+C', 'a+b@example.com'],
    ['100% Secure', 'user%20name'],
    ['社内ポータル', '山田 太郎'],
    ['Ünïcødé 😀', 'émile'],
  ])('round-trips through new URL: %j / %j', (issuer, accountName) => {
    const parsed = parse(buildOtpauthUri({ secret, issuer, accountName }))
    expect(parsed).toEqual({
      protocol: 'otpauth:',
      type: 'totp',
      label: `${issuer}:${accountName}`,
      labelIssuer: issuer,
      account: accountName,
      secret,
      issuer,
    })
  })

  test('the secret is sent as apps expect it: no spaces, no padding, upper case', () => {
    const uri = buildOtpauthUri({ secret: 'jbsw y3dp ehpk 3pxp====', issuer: 'X', accountName: 'a' })
    expect(parse(uri).secret).toBe('JBSWY3DPEHPK3PXP')
  })

  test('without an issuer the label is just the account and there is no issuer parameter', () => {
    const uri = buildOtpauthUri({ secret, issuer: ' ', accountName: 'alice' })
    expect(uri).toBe(`otpauth://totp/alice?secret=${secret}`)
    expect(parse(uri).issuer).toBeNull()
  })
})

describe('formatSetupKey', () => {
  test('groups of four', () => {
    expect(formatSetupKey(secret)).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')
  })

  test('a short last group and messy input', () => {
    expect(formatSetupKey('abcd efgh ij')).toBe('ABCD EFGH IJ')
    expect(formatSetupKey('')).toBe('')
  })
})

// Some readers decode the whole label before splitting at the first ':', so a colon in the
// *issuer* (which the Key URI Format forbids) is read ambiguously by them however it is
// encoded; a colon in the account is fine. Keep colons out of the configured issuer name.
describe('an independent reader (the otpauth library) agrees', () => {
  test.each([
    ['Cognito TOTP', 'alice@example.com'],
    ['Acme', 'ops:alice'],
    ['A&B+C', 'a+b@example.com'],
    ['社内ポータル', '山田 太郎'],
  ])('%j / %j', async (issuer, accountName) => {
    const { URI, TOTP } = await import('otpauth')
    const otp = URI.parse(buildOtpauthUri({ secret, issuer, accountName }))
    expect(otp).toBeInstanceOf(TOTP)
    expect(otp).toMatchObject({ issuer, label: accountName, algorithm: 'SHA1', digits: 6 })
    expect((otp as InstanceType<typeof TOTP>).period).toBe(30)
    expect(otp.secret.base32).toBe(secret)
  })
})

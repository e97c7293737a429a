// The Key URI Format (github.com/google/google-authenticator/wiki/Key-Uri-Format), which every
// authenticator app reads from the QR code:
//   otpauth://totp/<Issuer>:<Account>?secret=<base32>&issuer=<Issuer>
// Issuer and account are percent-encoded separately, so a ':' inside either becomes %3A and
// only the separator stays literal; encodeURIComponent writes a space as %20 (never '+', which
// the query part would read back as a space) and '&', '+' and Japanese as UTF-8 escapes.
// SHA-1, 6 digits and 30 seconds are every app's defaults and all Cognito supports, so they are
// left out: a shorter URI makes a less dense, easier to scan QR code.

export type OtpauthParts = { secret: string; issuer: string; accountName: string }

/** Base32 as apps want it: no spaces, upper case, no '=' padding. */
export function normaliseSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase()
}

export function buildOtpauthUri({ secret, issuer, accountName }: OtpauthParts): string {
  const issuerName = issuer.trim()
  const account = encodeURIComponent(accountName.trim())
  const label = issuerName ? `${encodeURIComponent(issuerName)}:${account}` : account
  const query = `secret=${normaliseSecret(secret)}` + (issuerName ? `&issuer=${encodeURIComponent(issuerName)}` : '')
  return `otpauth://totp/${label}?${query}`
}

/** The setup key as people read and type it: groups of four ("JBSW Y3DP EHPK 3PXP"). */
export function formatSetupKey(secret: string): string {
  return (
    normaliseSecret(secret)
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  )
}

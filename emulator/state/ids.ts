import { randomBytes } from 'node:crypto'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789'

function pick(alphabet: string, length: number): string {
  const bytes = randomBytes(length)
  return [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('')
}

/** `<region>_<9 alnum>` like AWS; Amplify derives the SRP pool name from the part after `_`. */
export function newPoolId(region = 'us-east-1'): string {
  return `${region}_${pick(ALNUM, 9)}`
}

/** The region a pool id names (`<region>_…`, as newPoolId makes them): its ARN's, and its device keys'. */
export function regionOfPoolId(poolId: string): string {
  return poolId.split('_')[0]
}

/** 26 lower-case alphanumerics, as AWS issues client ids. */
export function newClientId(): string {
  return pick(LOWER, 26)
}

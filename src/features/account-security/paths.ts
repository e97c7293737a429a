// The signed-in screens' addresses (ADR 020). Apart from security-urls.ts, which the account page
// loads later: the first screen needs only these, to correct an address the app does not have.

export const securityPath = '/security'
export const setupPath = '/security/setup'

/** An address the app has: sign-in at `/`, the signed-in screens below. Anything else is corrected. */
export const isAppPath = (path: string): boolean => path === '/' || path === securityPath || path === setupPath

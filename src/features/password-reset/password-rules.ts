// The pool's password policy as rules the screen can tick off while the user types. The app cannot
// read a pool's policy (DescribeUserPool needs administrator credentials), so these are Cognito's
// default rules, which the local pools keep and sign-up's hint describes
// (docs/cognito-behaviour.md#signup-and-password-policy). The pool stays the judge: a password it
// refuses anyway is its InvalidPasswordException, shown as such.

export type PasswordRule = 'length' | 'upper' | 'lower' | 'number' | 'symbol'

/** Cognito's symbol characters (the space counts, though not first or last). */
const symbol = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/

const checks: Record<PasswordRule, (password: string) => boolean> = {
  length: (p) => p.length >= 8,
  upper: (p) => /[A-Z]/.test(p),
  lower: (p) => /[a-z]/.test(p),
  number: (p) => /[0-9]/.test(p),
  symbol: (p) => symbol.test(p.trim()),
}

export const passwordRules = Object.keys(checks) as PasswordRule[]

/** Which of the rules this password meets. */
export function metRules(password: string): Set<PasswordRule> {
  return new Set(passwordRules.filter((rule) => checks[rule](password)))
}

// What this browser has seen of the signed-in user's authenticator, so the Security page can tell
// "on" from "suspended". No Cognito API reports the suspension: while an AssociateSoftwareToken is
// unverified, the verified token is not asked for at sign-in, yet GetUser keeps listing
// SOFTWARE_TOKEN_MFA (docs/cognito-behaviour.md#authenticator-setup). So the gateway records the
// evidence it meets and reads it back beside GetUser's list (ADR 015):
//
// - 'asked-for-code': the latest sign-in here answered SOFTWARE_TOKEN_MFA, or finished MFA_SETUP,
//   or a VerifySoftwareToken here succeeded since: the authenticator works.
// - 'not-asked': the latest sign-in here finished with no MFA challenge at all.
// - 'association-pending': an AssociateSoftwareToken here succeeded and was not verified yet.
//
// It is a one-word, non-secret record, kept where the tokens are (ADR 010), per pool and username,
// like device-names.ts. The setup key itself is never written anywhere.
import type { TokenStorage } from '../config/app-config.ts'

export type AuthenticatorEvidence = 'asked-for-code' | 'not-asked' | 'association-pending'

const evidences: readonly AuthenticatorEvidence[] = ['asked-for-code', 'not-asked', 'association-pending']
const prefix = 'cognito-totp.authenticator-evidence.'
const key = (userPoolId: string, username: string) => `${prefix}${userPoolId}.${username}`

// Read when called: a browser that refuses storage throws here, inside each caller's try.
const store = (storage: TokenStorage): Storage => (storage === 'session' ? sessionStorage : localStorage)

export function recallEvidence(userPoolId: string, username: string, storage: TokenStorage = 'local'): AuthenticatorEvidence | undefined {
  try {
    const value = store(storage).getItem(key(userPoolId, username))
    return evidences.find((e) => e === value)
  } catch {
    return undefined
  }
}

export function recordEvidence(userPoolId: string, username: string, evidence: AuthenticatorEvidence, storage: TokenStorage = 'local'): void {
  try {
    store(storage).setItem(key(userPoolId, username), evidence)
  } catch {
    // Not recorded: the page then trusts GetUser's list, as for a session from before this record.
  }
}

export function forgetEvidence(userPoolId: string, username: string, storage: TokenStorage = 'local'): void {
  try {
    store(storage).removeItem(key(userPoolId, username))
  } catch {
    // nothing to forget
  }
}

/**
 * Whether the authenticator GetUser lists is really asked for at sign-in. Listed but the latest
 * sign-in here went in without a code, or a new key awaits its code: suspended. No evidence (a
 * session from before this record, or storage refused): the list is trusted.
 */
export function isSuspended(listed: boolean, evidence: AuthenticatorEvidence | undefined): boolean {
  return listed && (evidence === 'not-asked' || evidence === 'association-pending')
}

/** At sign-out with session storage: every record of this pool there goes, as device names do. */
export function forgetAllEvidence(userPoolId: string, storage: TokenStorage): void {
  try {
    const s = store(storage)
    const mine = Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k) => k?.startsWith(`${prefix}${userPoolId}.`))
    for (const k of mine) s.removeItem(k!)
  } catch {
    // nothing to forget
  }
}

// What this browser has seen of the signed-in user's authenticator, so the Security page can tell
// "on" from "suspended". No Cognito API reports the suspension: while an AssociateSoftwareToken is
// unverified, the verified token is not asked for at sign-in, yet GetUser keeps listing
// SOFTWARE_TOKEN_MFA (docs/cognito-behaviour.md#authenticator-setup). So the gateway records the
// evidence it meets and reads it back beside GetUser's list (ADR 015):
//
// - 'asked-for-code': the latest sign-in here answered SOFTWARE_TOKEN_MFA, or finished MFA_SETUP,
//   or a VerifySoftwareToken here succeeded since: the authenticator works.
// - 'not-asked': the latest sign-in here finished with no MFA challenge at all.
// - 'association-pending': an AssociateSoftwareToken was asked for here (recorded before the call:
//   its answer may be lost after Cognito made it), or a sign-in here met MFA_SETUP (Amplify made
//   one), and no code from it was verified yet. A later MFA_SETUP then says its key replaced that
//   one (issue 11, item 5).
// - 'other-factor-only': the latest sign-in here asked for an SMS or email code directly, with no
//   choice that included the authenticator: it was not available then, unless another factor is
//   preferred (then sign-in asks for that one anyway, and says nothing about the authenticator).
//
// - 'not-asked-known-browser': the latest sign-in here finished with no MFA challenge while this
//   browser presented the device key it already held (held-device-keys.ts). A remembered browser
//   skips the code (DEVICE_SRP_AUTH), so this is evidence of a suspension only if this browser is
//   not remembered; fetchMfaStatus asks ListDevices (ADR 025).
//
// A SELECT_MFA_TYPE that offered the authenticator counts as 'asked-for-code', whichever factor the
// user chose: the authenticator was active at that sign-in.
//
// It is a one-word, non-secret record, kept where the tokens are (ADR 010), per pool and username,
// like device-names.ts. The setup key itself is never written anywhere.
import type { TokenStorage } from '../config/app-config.ts'
import { userRecords } from './user-records.ts'

export type AuthenticatorEvidence = 'asked-for-code' | 'not-asked' | 'association-pending' | 'other-factor-only' | 'not-asked-known-browser'

const evidences: readonly AuthenticatorEvidence[] = [
  'asked-for-code',
  'not-asked',
  'association-pending',
  'other-factor-only',
  'not-asked-known-browser',
]
const records = userRecords('authenticator-evidence')

export function recallEvidence(userPoolId: string, username: string, storage: TokenStorage = 'local'): AuthenticatorEvidence | undefined {
  const value = records.recall(userPoolId, username, storage)
  return evidences.find((e) => e === value)
}

/** Not recorded (storage refused): the page then trusts GetUser's list, as for a session from before this record. */
export function recordEvidence(userPoolId: string, username: string, evidence: AuthenticatorEvidence, storage: TokenStorage = 'local'): void {
  records.record(userPoolId, username, evidence, storage)
}

export function forgetEvidence(userPoolId: string, username: string, storage: TokenStorage = 'local'): void {
  records.forget(userPoolId, username, storage)
}

/** Restores what was recorded before a call that the server refused: `previous` undefined forgets. */
export function restoreEvidence(
  userPoolId: string,
  username: string,
  previous: AuthenticatorEvidence | undefined,
  storage: TokenStorage = 'local',
): void {
  if (previous) recordEvidence(userPoolId, username, previous, storage)
  else forgetEvidence(userPoolId, username, storage)
}

/**
 * What a finished sign-in that asked for no authenticator code leaves. A key issued here that awaits
 * its code stays recorded: such a sign-in is exactly what it predicts, and the page must still
 * offer to finish with the entry scanned (ADR 015).
 */
export function seenWithoutAuthenticator(
  previous: AuthenticatorEvidence | undefined,
  seen: 'not-asked' | 'other-factor-only' | 'not-asked-known-browser',
): AuthenticatorEvidence {
  return previous === 'association-pending' ? previous : seen
}

/**
 * Whether an error is Cognito's definite refusal (its exception name), so the call changed nothing.
 * A network error, a timeout or Cognito's internal error may follow a request that was carried out
 * and whose answer was lost.
 */
export function refusedByServer(error: unknown): boolean {
  const name = error instanceof Error ? error.name : ''
  return /Exception$/.test(name) && name !== 'InternalErrorException'
}

/**
 * Whether the authenticator GetUser lists is really asked for at sign-in. Listed but the latest
 * sign-in here went in without a code, or a new key awaits its code: suspended. Listed, and the
 * latest sign-in asked for SMS or email directly while no other factor is preferred: suspended too
 * (with the authenticator active, sign-in would have asked for it or offered it). No evidence (a
 * session from before this record, or storage refused): the list is trusted. A sign-in that
 * presented this browser's device key and was asked for no code is explained when this browser is
 * remembered (`thisBrowserRemembered`: it skips the code), and then says nothing (ADR 025).
 */
export function isSuspended(
  listed: boolean,
  evidence: AuthenticatorEvidence | undefined,
  otherFactorPreferred = false,
  thisBrowserRemembered = false,
): boolean {
  if (!listed) return false
  if (evidence === 'not-asked' || evidence === 'association-pending') return true
  if (evidence === 'not-asked-known-browser') return !thisBrowserRemembered
  return evidence === 'other-factor-only' && !otherFactorPreferred
}

/** At sign-out with session storage: every record of this pool there goes, as device names do. */
export function forgetAllEvidence(userPoolId: string, storage: TokenStorage): void {
  records.forgetAll(userPoolId, storage)
}

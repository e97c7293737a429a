// Cognito stores the authenticator's friendly device name (VerifySoftwareToken's
// FriendlyDeviceName) but no user-facing API reads it back: GetUser does not return it. So this
// browser remembers the name it sent, per pool and username, and the security page shows it only
// when known. It is a label the user typed, not a secret.
//
// It is kept where the tokens are (ADR 010): with 'local', in localStorage for good (forgetting it
// at sign-out would lose it, as Cognito never gives it back); with 'session', in sessionStorage,
// so it ends with the tab, and it is forgotten at sign-out too (forgetDeviceNames), so that a tab
// left open on a shared computer keeps no trace of who used it (the key names the user).
import type { TokenStorage } from '../config/app-config.ts'
import { userRecords } from './user-records.ts'

const names = userRecords('device-name')

/** Not remembered (storage refused): the page then simply does not show a name. */
export function recallDeviceName(userPoolId: string, username: string, storage: TokenStorage = 'local'): string | undefined {
  return names.recall(userPoolId, username, storage)
}

export function rememberDeviceName(userPoolId: string, username: string, deviceName: string, storage: TokenStorage = 'local'): void {
  if (deviceName.trim()) names.record(userPoolId, username, deviceName.trim(), storage)
  else names.forget(userPoolId, username, storage)
}

export function forgetDeviceName(userPoolId: string, username: string, storage: TokenStorage = 'local'): void {
  names.forget(userPoolId, username, storage)
}

/**
 * Forgets every name remembered for this pool in the given storage, whoever they belong to: at
 * sign-out the tokens may already be refused (a session ended elsewhere), so the username cannot
 * be relied on.
 */
export function forgetDeviceNames(userPoolId: string, storage: TokenStorage): void {
  names.forgetAll(userPoolId, storage)
}

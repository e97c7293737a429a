// Which device key this browser held for a user when its latest sign-in there finished, so the next
// sign-in can tell whether it presented that same key (ADR 025). A sign-in that presents a remembered
// device's key skips the authenticator's code (DEVICE_SRP_AUTH), and must not be taken for a
// suspended authenticator (ADR 015); a new device (NewDeviceMetadata) comes with a new key instead.
// Amplify sends the key without saying whether Cognito answered with DEVICE_SRP_AUTH, so this is
// how the gateway learns that a known key went along.
//
// A device key names a device record, not a secret (the device's secret is the random password
// Amplify keeps beside it). Kept where the tokens are (ADR 010), per pool and username, like
// device-names.ts, and removed with them at sign-out in session mode.
import type { TokenStorage } from '../config/app-config.ts'
import { userRecords } from './user-records.ts'

const keys = userRecords('held-device-key')

export function recallHeldDeviceKey(userPoolId: string, username: string, storage: TokenStorage = 'local'): string | undefined {
  return keys.recall(userPoolId, username, storage)
}

/** Not recorded (storage refused): the next sign-in without a code then counts as one (the safe direction). */
export function recordHeldDeviceKey(userPoolId: string, username: string, deviceKey: string, storage: TokenStorage = 'local'): void {
  keys.record(userPoolId, username, deviceKey, storage)
}

/** At sign-out with session storage, as device names and evidence go (ADR 010). */
export function forgetHeldDeviceKeys(userPoolId: string, storage: TokenStorage): void {
  keys.forgetAll(userPoolId, storage)
}

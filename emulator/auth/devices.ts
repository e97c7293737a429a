import type { DeviceType } from '@aws-sdk/client-cognito-identity-provider'
import { newDeviceGroupKey, newDeviceKey } from '../domain/device-srp.ts'
import { cognitoError } from '../errors.ts'
import type { Deps } from '../deps.ts'
import { regionOfPoolId } from '../state/ids.ts'
import type { DeviceRecord, PoolRecord, UserRecord } from '../state/model.ts'

// A user's devices (docs/cognito-behaviour.md#remembered-devices): kept on the user record, so they
// are saved, journaled, loaded and deleted with the user, and GlobalSignOut (which revokes tokens)
// leaves them alone.

export type DeviceConfiguration = { ChallengeRequiredOnNewDevice: boolean; DeviceOnlyRememberedOnUserPrompt: boolean }

/**
 * Issued keys that no ConfirmDevice has followed, kept per user: a client without device support (the
 * AWS CLI, a script) gets a new key at every sign-in and never confirms one, so only the latest few are
 * worth keeping for a late ConfirmDevice. **Undocumented: our choice** (docs/cognito-behaviour.md#remembered-devices).
 */
export const MAX_UNCONFIRMED_DEVICES = 5

/** The pool's device tracking, or undefined when it has none: any member set turns it on (DeviceConfigurationType). */
export function deviceTracking(pool: PoolRecord): DeviceConfiguration | undefined {
  const config = pool.settings?.DeviceConfiguration as Partial<DeviceConfiguration> | undefined
  if (!config || (config.ChallengeRequiredOnNewDevice === undefined && config.DeviceOnlyRememberedOnUserPrompt === undefined)) return undefined
  return {
    ChallengeRequiredOnNewDevice: config.ChallengeRequiredOnNewDevice === true,
    DeviceOnlyRememberedOnUserPrompt: config.DeviceOnlyRememberedOnUserPrompt === true,
  }
}

/** The user's confirmed devices (what ListDevices shows), oldest first. */
export function confirmedDevices(user: UserRecord): DeviceRecord[] {
  return (user.devices ?? []).filter((device) => device.srp !== undefined)
}

/** A device issued to `user` (confirmed or not), by key. */
export function findDevice(user: UserRecord, key: string): DeviceRecord | undefined {
  return user.devices?.find((device) => device.key === key)
}

/** A confirmed device of `user`; otherwise `Device does not exist.` (docs/cognito-behaviour.md#unknown-devices). */
export function requireConfirmedDevice(user: UserRecord, key: string): DeviceRecord & { srp: NonNullable<DeviceRecord['srp']> } {
  const device = findDevice(user, key)
  if (!device?.srp) throw cognitoError('ResourceNotFoundException', 'Device does not exist.')
  return device as DeviceRecord & { srp: NonNullable<DeviceRecord['srp']> }
}

/** A new, unconfirmed device for a sign-in that ends in tokens (NewDeviceMetadata); returns the user as stored. */
export function issueDevice(deps: Deps, user: UserRecord): { user: UserRecord; device: DeviceRecord } {
  const now = deps.clock.now()
  const device: DeviceRecord = {
    key: newDeviceKey(regionOfPoolId(user.poolId)),
    groupKey: newDeviceGroupKey(),
    createdAt: now,
    lastModifiedAt: now,
    lastAuthenticatedAt: now,
    remembered: false,
  }
  const devices = [...(user.devices ?? []), device]
  const unconfirmed = devices.filter((item) => item.srp === undefined)
  const dropped = new Set(unconfirmed.slice(0, Math.max(unconfirmed.length - MAX_UNCONFIRMED_DEVICES, 0)))
  return { user: deps.store.updateUser(user, { devices: devices.filter((item) => !dropped.has(item)) }), device }
}

/** Replaces one device of `user` by `changes` applied to it; returns the user as stored. */
export function updateDevice(deps: Deps, user: UserRecord, key: string, changes: Partial<Omit<DeviceRecord, 'key' | 'groupKey'>>): UserRecord {
  const devices = (user.devices ?? []).map((device) => (device.key === key ? { ...device, ...changes } : device))
  return deps.store.updateUser(user, { devices })
}

/**
 * Binds to a device just confirmed the refresh tokens of the sign-in it was issued to: from now on they
 * need its key, and end when it is forgotten (auth/refresh.ts).
 */
export function bindDeviceFamilies(deps: Deps, user: UserRecord, key: string): void {
  for (const family of deps.store.findUnconfirmedDeviceFamilies(user, key)) deps.store.updateRefreshToken(family, { deviceUnconfirmed: false })
}

/** Forgets one device (ForgetDevice); its refresh tokens stop working with it (auth/refresh.ts). */
export function forgetDevice(deps: Deps, user: UserRecord, key: string): UserRecord {
  const devices = (user.devices ?? []).filter((device) => device.key !== key)
  return deps.store.updateUser(user, devices.length > 0 ? { devices } : { devices: undefined })
}

/** A device on the wire (DeviceType): dates in epoch seconds with their fraction, the attributes Cognito lists. */
export function deviceType(device: DeviceRecord): Omit<DeviceType, 'DeviceCreateDate' | 'DeviceLastModifiedDate' | 'DeviceLastAuthenticatedDate'> & {
  DeviceCreateDate: number
  DeviceLastModifiedDate: number
  DeviceLastAuthenticatedDate: number
} {
  return {
    DeviceKey: device.key,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      ...(device.name !== undefined ? [{ Name: 'device_name', Value: device.name }] : []),
      { Name: 'dev:device_remembered_status', Value: device.remembered ? 'remembered' : 'not_remembered' },
    ],
    DeviceCreateDate: device.createdAt / 1000,
    DeviceLastModifiedDate: device.lastModifiedAt / 1000,
    DeviceLastAuthenticatedDate: device.lastAuthenticatedAt / 1000,
  }
}

import type { DeviceType } from '@aws-sdk/client-cognito-identity-provider'
import { confirmedDevices, deviceType, forgetDevice, requireConfirmedDevice, updateDevice } from '../auth/devices.ts'
import type { Deps } from '../deps.ts'
import type { UserRecord } from '../state/model.ts'
import { optionalEnum, optionalNumber, optionalString, requiredString, type Untrusted } from '../validate.ts'
import type { Wire } from './operation.ts'
import { paginate } from './paginate.ts'

// What the device operations and their Admin twins share (docs/cognito-behaviour.md#device-operations):
// the user's own (access token) and the administrator's (pool and username) differ only in how they
// find the user.

/** ListDevices / AdminListDevices: the confirmed devices, by Limit (0 to 60; absent or 0 is 60) and PaginationToken. */
export function listDevicesOf(
  user: UserRecord,
  input: Untrusted<{ Limit?: number; PaginationToken?: string }>,
): { Devices: Wire<DeviceType>[]; PaginationToken?: string } {
  const limit = optionalNumber(input, 'Limit', { min: 0, max: 60, integer: true }) || 60
  const { page, next } = paginate(confirmedDevices(user), limit, optionalString(input, 'PaginationToken'))
  return { Devices: page.map(deviceType), ...(next ? { PaginationToken: next } : {}) }
}

/** GetDevice / AdminGetDevice. */
export function getDeviceOf(user: UserRecord, input: Untrusted<{ DeviceKey: string | undefined }>): { Device: Wire<DeviceType> } {
  return { Device: deviceType(requireConfirmedDevice(user, requiredString(input, 'DeviceKey'))) }
}

/** UpdateDeviceStatus / AdminUpdateDeviceStatus: remembered or not; absent leaves the status as it is. */
export function updateDeviceStatusOf(
  deps: Deps,
  user: UserRecord,
  input: Untrusted<{ DeviceKey: string | undefined; DeviceRememberedStatus?: string }>,
): Record<string, never> {
  const key = requiredString(input, 'DeviceKey')
  const status = optionalEnum(input, 'DeviceRememberedStatus', ['remembered', 'not_remembered'])
  const device = requireConfirmedDevice(user, key)
  updateDevice(deps, user, key, {
    remembered: status === undefined ? device.remembered : status === 'remembered',
    lastModifiedAt: deps.clock.now(),
  })
  return {}
}

/** ForgetDevice / AdminForgetDevice: the device is gone, and the refresh tokens bound to it stop working. */
export function forgetDeviceOf(deps: Deps, user: UserRecord, input: Untrusted<{ DeviceKey: string | undefined }>): Record<string, never> {
  const key = requiredString(input, 'DeviceKey')
  requireConfirmedDevice(user, key)
  forgetDevice(deps, user, key)
  return {}
}

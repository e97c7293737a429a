import type { ConfirmDeviceRequest, ConfirmDeviceResponse } from '@aws-sdk/client-cognito-identity-provider'
import { bindDeviceFamilies, deviceTracking, findDevice, updateDevice } from '../auth/devices.ts'
import { requireAccessToken } from '../auth/tokens.ts'
import { decodeDeviceVerifier } from '../domain/device-srp.ts'
import { cognitoError, invalidParameter } from '../errors.ts'
import { optionalObject, optionalString, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/**
 * Stores the SRP verifier and salt of a device the user's sign-in was issued (NewDeviceMetadata), which
 * makes it tracked: remembered at once, or only on UpdateDeviceStatus when the pool asks the user
 * (DeviceOnlyRememberedOnUserPrompt; docs/cognito-behaviour.md#device-operations).
 */
export const confirmDevice: Operation<ConfirmDeviceRequest, ConfirmDeviceResponse> = async (input, deps) => {
  const { user, pool, claims } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  const key = requiredString(input, 'DeviceKey')
  const config = optionalObject(input, 'DeviceSecretVerifierConfig')
  const name = optionalString(input, 'DeviceName')
  const device = findDevice(user, key)
  if (!device) throw cognitoError('ResourceNotFoundException', 'Device does not exist.')
  // Only the sign-in the key was issued to may confirm it: its access token names the key (device_key).
  // Another token of the user (another browser's, a stolen one) must not take over a key issued elsewhere.
  if (claims.device_key !== key) throw invalidParameter('Invalid device key given.')
  // A confirmed device keeps its verifier: replacing it would hand the device to whoever holds a token.
  if (device.srp) throw invalidParameter('Device has already been confirmed.')
  const verifier = config && decodeDeviceVerifier(optionalString(config, 'PasswordVerifier') ?? '', optionalString(config, 'Salt') ?? '')
  if (!verifier) throw invalidParameter('Invalid DeviceSecretVerifierConfig: PasswordVerifier and Salt must be base64-encoded numbers.')
  const askUser = deviceTracking(pool)?.DeviceOnlyRememberedOnUserPrompt ?? false
  bindDeviceFamilies(deps, user, key)
  updateDevice(deps, user, key, {
    srp: verifier,
    ...(name !== undefined ? { name } : {}),
    remembered: !askUser,
    lastModifiedAt: deps.clock.now(),
  })
  return { UserConfirmationNecessary: askUser }
}

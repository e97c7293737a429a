import type { UpdateDeviceStatusRequest, UpdateDeviceStatusResponse } from '@aws-sdk/client-cognito-identity-provider'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredString } from '../validate.ts'
import { updateDeviceStatusOf } from './devices.ts'
import type { Operation } from './operation.ts'

/** Marks one of the user's own devices remembered or not remembered. (docs/cognito-behaviour.md#device-operations) */
export const updateDeviceStatus: Operation<UpdateDeviceStatusRequest, UpdateDeviceStatusResponse> = async (input, deps) => {
  const { user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  return updateDeviceStatusOf(deps, user, input)
}

import type { ListDevicesRequest, ListDevicesResponse } from '@aws-sdk/client-cognito-identity-provider'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredString } from '../validate.ts'
import { listDevicesOf } from './devices.ts'
import type { Operation } from './operation.ts'

/** The user's own confirmed devices, remembered or not, a page at a time. (docs/cognito-behaviour.md#device-operations) */
export const listDevices: Operation<ListDevicesRequest, ListDevicesResponse> = async (input, deps) => {
  const { user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  return listDevicesOf(user, input)
}

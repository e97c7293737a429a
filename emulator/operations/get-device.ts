import type { GetDeviceRequest, GetDeviceResponse } from '@aws-sdk/client-cognito-identity-provider'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredString } from '../validate.ts'
import { getDeviceOf } from './devices.ts'
import type { Operation } from './operation.ts'

/** One of the user's own confirmed devices. (docs/cognito-behaviour.md#device-operations) */
export const getDevice: Operation<GetDeviceRequest, GetDeviceResponse> = async (input, deps) => {
  const { user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  return getDeviceOf(user, input)
}

import type { ForgetDeviceRequest } from '@aws-sdk/client-cognito-identity-provider'
import { requireAccessToken } from '../auth/tokens.ts'
import { requiredString } from '../validate.ts'
import { forgetDeviceOf } from './devices.ts'
import type { NoMembers, Operation } from './operation.ts'

/** Forgets one of the user's own devices. (docs/cognito-behaviour.md#device-operations) */
export const forgetDevice: Operation<ForgetDeviceRequest, NoMembers> = async (input, deps) => {
  const { user } = await requireAccessToken(deps, requiredString(input, 'AccessToken'))
  return forgetDeviceOf(deps, user, input)
}

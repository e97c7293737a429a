import type { AdminForgetDeviceRequest } from '@aws-sdk/client-cognito-identity-provider'
import { forgetDeviceOf } from './devices.ts'
import type { NoMembers, Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/** ForgetDevice's signed twin, for any user of the pool, named by username, alias or sub (docs/cognito-behaviour.md#device-operations). */
export const adminForgetDevice: Operation<AdminForgetDeviceRequest, NoMembers> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  return forgetDeviceOf(deps, user, input)
}

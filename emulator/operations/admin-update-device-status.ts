import type { AdminUpdateDeviceStatusRequest, AdminUpdateDeviceStatusResponse } from '@aws-sdk/client-cognito-identity-provider'
import { updateDeviceStatusOf } from './devices.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/** UpdateDeviceStatus's signed twin, for any user of the pool, named by username, alias or sub (docs/cognito-behaviour.md#device-operations). */
export const adminUpdateDeviceStatus: Operation<AdminUpdateDeviceStatusRequest, AdminUpdateDeviceStatusResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  return updateDeviceStatusOf(deps, user, input)
}

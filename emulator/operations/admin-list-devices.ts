import type { AdminListDevicesRequest, AdminListDevicesResponse } from '@aws-sdk/client-cognito-identity-provider'
import { listDevicesOf } from './devices.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/** ListDevices's signed twin, for any user of the pool, named by username, alias or sub (docs/cognito-behaviour.md#device-operations). */
export const adminListDevices: Operation<AdminListDevicesRequest, AdminListDevicesResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  return listDevicesOf(user, input)
}

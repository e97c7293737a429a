import type { AdminGetDeviceRequest, AdminGetDeviceResponse } from '@aws-sdk/client-cognito-identity-provider'
import { getDeviceOf } from './devices.ts'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'

/** GetDevice's signed twin, for any user of the pool, named by username, alias or sub (docs/cognito-behaviour.md#device-operations). */
export const adminGetDevice: Operation<AdminGetDeviceRequest, AdminGetDeviceResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  return getDeviceOf(user, input)
}

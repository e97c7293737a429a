import type { AdminGetUserRequest, AdminGetUserResponse } from '@aws-sdk/client-cognito-identity-provider'
import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'
import { attributeList, mfaSettings } from './shapes.ts'

export const adminGetUser: Operation<AdminGetUserRequest, AdminGetUserResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const user = requestedUser(pool, input, deps)
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: user.createdAt,
    UserLastModifiedDate: user.lastModifiedAt,
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaSettings(user),
  }
}

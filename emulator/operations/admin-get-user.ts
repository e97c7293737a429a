import type { Operation } from './operation.ts'
import { requestedPool, requestedUser } from './request-targets.ts'
import { attributeList, mfaSettings } from './shapes.ts'

export const adminGetUser: Operation = async (input, deps) => {
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

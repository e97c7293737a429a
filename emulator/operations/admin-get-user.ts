import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { attributeList, mfaSettings } from './shapes.ts'

export const adminGetUser: Operation = async (input, deps) => {
  const pool = deps.store.requirePool(requiredString(input, 'UserPoolId', { min: 1, max: 55 }))
  const user = deps.store.requireUser(pool, requiredString(input, 'Username', { min: 1, max: 128 }))
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

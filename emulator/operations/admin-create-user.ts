import type { AdminCreateUserRequest, AdminCreateUserResponse } from '@aws-sdk/client-cognito-identity-provider'
import { randomBytes } from 'node:crypto'
import { enforcePasswordPolicy } from '../auth/password.ts'
import { createUser } from '../auth/users.ts'
import { cognitoError } from '../errors.ts'
import { optionalAttributeList, optionalEnum, optionalString, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'
import { userType } from './shapes.ts'

/** A FORCE_CHANGE_PASSWORD user: the first sign-in answers NEW_PASSWORD_REQUIRED. */
export const adminCreateUser: Operation<AdminCreateUserRequest, AdminCreateUserResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const username = requiredString(input, 'Username')
  const attributes = optionalAttributeList(input, 'UserAttributes')
  const action = optionalEnum(input, 'MessageAction', ['RESEND', 'SUPPRESS'] as const)
  let temporary = optionalString(input, 'TemporaryPassword')
  if (action === 'RESEND') {
    const existing = deps.store.requireUser(pool, username)
    if (existing.status !== 'FORCE_CHANGE_PASSWORD') {
      throw cognitoError('UnsupportedUserStateException', 'Resend not possible. User has already changed their password.')
    }
    return { User: userType(existing) }
  }
  if (temporary === undefined) {
    // No mail is sent from here: the generated password goes to the emulator's log.
    temporary = `Tmp-${randomBytes(6).toString('base64url')}9a!`
    deps.log(`Temporary password for ${username}: ${temporary}`)
  } else {
    enforcePasswordPolicy(pool.passwordPolicy, temporary)
  }
  // AdminCreateUser's own text for a taken username; SignUp says "User already exists" (docs/cognito-behaviour.md#user-attributes).
  const user = createUser(deps, pool, username, attributes, 'FORCE_CHANGE_PASSWORD', temporary, 'User account already exists')
  deps.store.saveUser(user)
  return { User: userType(user) }
}

import type { SignUpRequest, SignUpResponse } from '@aws-sdk/client-cognito-identity-provider'
import { refuseUnauthorized } from '../auth/attribute-updates.ts'
import { enforcePasswordPolicy } from '../auth/password.ts'
import { createUser, issueConfirmationCode } from '../auth/users.ts'
import { requireSecretHash } from '../auth/client-secret.ts'
import { invalidParameter } from '../errors.ts'
import { optionalAttributeList, optionalString, requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requiredAttributes } from '../auth/schema-attributes.ts'
import { requestedClient } from './request-targets.ts'
import { signUpDelivery } from './sign-up-delivery.ts'

/**
 * A new UNCONFIRMED user; the confirmation code goes to the emulator's log
 * (docs/cognito-behaviour.md#signup-and-password-policy).
 */
export const signUp: Operation<SignUpRequest, SignUpResponse> = async (input, deps) => {
  const { client, pool } = requestedClient(input, deps)
  const username = requiredString(input, 'Username')
  requireSecretHash(client, optionalString(input, 'SecretHash'), [username])
  const password = requiredString(input, 'Password')
  const attributes = optionalAttributeList(input, 'UserAttributes')
  refuseUnauthorized(Object.keys(attributes), 'user')
  // An attribute the pool's schema requires must come with the sign-up (docs/cognito-behaviour.md#pool-schema).
  const missing = requiredAttributes(pool).find((name) => !attributes[name])
  if (missing) throw invalidParameter(`Attributes did not conform to the schema: ${missing}: The attribute is required`)
  enforcePasswordPolicy(pool.passwordPolicy, password)
  const user = createUser(deps, pool, username, attributes, 'UNCONFIRMED', password)
  // The code is printed whatever the pool verifies (only the terminal ever shows it), but the answer
  // names a delivery only when Cognito would send one (docs/cognito-behaviour.md#signup-code-delivery).
  // UserConfirmed is always false: only a PreSignUp trigger confirms at sign-up, and there are none here.
  const { confirmationCode } = issueConfirmationCode(deps, user)
  deps.store.saveUser({ ...user, confirmationCode })
  const delivery = signUpDelivery(pool, user)
  return { UserConfirmed: false, UserSub: user.sub, ...(delivery ? { CodeDeliveryDetails: delivery } : {}) }
}

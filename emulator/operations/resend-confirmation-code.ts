import { issueConfirmationCode } from '../auth/users.ts'
import { invalidParameter } from '../errors.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

export const resendConfirmationCode: Operation = async (input, deps) => {
  const client = deps.store.requireClient(requiredString(input, 'ClientId', { min: 1, max: 128 }))
  const pool = deps.store.requirePool(client.poolId)
  const user = deps.store.requireUser(pool, requiredString(input, 'Username', { min: 1, max: 128 }))
  if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.')
  const delivery = issueConfirmationCode(deps, user)
  deps.store.saveUser(user)
  return delivery ? { CodeDeliveryDetails: delivery } : {}
}

import type { UpdateUserPoolClientRequest, UpdateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider'
import { optionalString, requiredString } from '../validate.ts'
import { clientSettings } from './client-settings.ts'
import type { Operation } from './operation.ts'
import { userPoolClientType } from './shapes.ts'

/** Like AWS, members left out return to their defaults (the browser tests shorten AuthSessionValidity with it). */
export const updateUserPoolClient: Operation<UpdateUserPoolClientRequest, UpdateUserPoolClientResponse> = async (input, deps) => {
  const poolId = requiredString(input, 'UserPoolId', { min: 1, max: 55 })
  deps.store.requirePool(poolId)
  const existing = deps.store.requireClient(requiredString(input, 'ClientId', { min: 1, max: 128 }), poolId)
  const client = {
    ...existing,
    ...clientSettings(input),
    name: optionalString(input, 'ClientName', { min: 1, max: 128 }) ?? existing.name,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  }
  deps.store.saveClient(client)
  return { UserPoolClient: userPoolClientType(client) }
}

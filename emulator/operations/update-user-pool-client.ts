import type { UpdateUserPoolClientRequest, UpdateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider'
import { optionalString, requiredString } from '../validate.ts'
import { clientSettings } from './client-settings.ts'
import type { Operation } from './operation.ts'
import { userPoolClientType } from './shapes.ts'

/** Like AWS, members left out return to their defaults (the browser tests shorten AuthSessionValidity with it). */
export const updateUserPoolClient: Operation<UpdateUserPoolClientRequest, UpdateUserPoolClientResponse> = async (input, deps) => {
  const poolId = requiredString(input, 'UserPoolId')
  deps.store.requirePool(poolId)
  const existing = deps.store.requireClient(requiredString(input, 'ClientId'), poolId)
  const client = {
    ...existing,
    ...clientSettings(input),
    name: optionalString(input, 'ClientName') ?? existing.name,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  }
  deps.store.saveClient(client)
  return { UserPoolClient: userPoolClientType(client) }
}

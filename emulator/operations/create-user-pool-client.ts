import type { CreateUserPoolClientRequest, CreateUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider'
import { newClientId } from '../state/ids.ts'
import type { ClientRecord } from '../state/model.ts'
import { newClientSecret } from '../auth/client-secret.ts'
import { optionalBoolean, requiredString } from '../validate.ts'
import { clientSettings } from './client-settings.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'
import { userPoolClientType } from './shapes.ts'

export const createUserPoolClient: Operation<CreateUserPoolClientRequest, CreateUserPoolClientResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  const name = requiredString(input, 'ClientName')
  const now = Math.floor(deps.clock.now() / 1000)
  // A secret is for server-side apps; the app's local mode never picks such a client (seed.ts localPools).
  const secret = optionalBoolean(input, 'GenerateSecret') === true ? { clientSecret: newClientSecret() } : {}
  const client: ClientRecord = {
    clientId: newClientId(),
    poolId: pool.id,
    name,
    createdAt: now,
    lastModifiedAt: now,
    ...clientSettings(input),
    ...secret,
  }
  deps.store.saveClient(client)
  return { UserPoolClient: userPoolClientType(client) }
}

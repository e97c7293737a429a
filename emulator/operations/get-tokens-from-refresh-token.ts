import { refreshTokens } from '../auth/refresh.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/** What aws-amplify ≥ 6.15.4 refreshes with (contract §7.8). */
export const getTokensFromRefreshToken: Operation = async (input, deps) => {
  const refreshToken = requiredString(input, 'RefreshToken', { min: 1 })
  const client = deps.store.requireClient(requiredString(input, 'ClientId', { min: 1, max: 128 }))
  const pool = deps.store.requirePool(client.poolId)
  return { AuthenticationResult: await refreshTokens(deps, pool, client, refreshToken) }
}

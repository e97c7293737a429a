import { refuseUnusableAccount } from '../auth/sign-in.ts'
import { issueTokens, requireRefreshFamily } from '../auth/tokens.ts'
import { cognitoError } from '../errors.ts'
import { requiredString } from '../validate.ts'
import type { Operation } from './operation.ts'

/** What aws-amplify ≥ 6.15.4 refreshes with (contract §7.8). No rotation: no new RefreshToken. */
export const getTokensFromRefreshToken: Operation = async (input, deps) => {
  const refreshToken = requiredString(input, 'RefreshToken', { min: 1 })
  const clientId = requiredString(input, 'ClientId', { min: 1, max: 128 })
  const client = deps.store.requireClient(clientId)
  const pool = deps.store.requirePool(client.poolId)
  const family = requireRefreshFamily(deps, refreshToken, clientId)
  const user = deps.store.findUserBySub(pool.id, family.sub)
  if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
  refuseUnusableAccount(user)
  return { AuthenticationResult: await issueTokens(deps, pool, client, user, family) }
}

import type { ListUsersRequest, ListUsersResponse } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import type { UserRecord } from '../state/model.ts'
import { optionalNumber, optionalString } from '../validate.ts'
import type { Operation } from './operation.ts'
import { requestedPool } from './request-targets.ts'
import { paginate } from './paginate.ts'
import { userType } from './shapes.ts'

// Cognito's filter grammar: `attribute = "value"` or `attribute ^= "prefix"`.
const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/

export const listUsers: Operation<ListUsersRequest, ListUsersResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  // 0 is allowed by the model; like an absent Limit it means a full page (an empty page with
  // a token would send a paging client round forever).
  const limit = optionalNumber(input, 'Limit', { min: 0, max: 60 }) || 60
  const filter = optionalString(input, 'Filter')
  let users = deps.store.listUsers(pool.id)
  if (filter) {
    const match = FILTER.exec(filter)
    if (!match) throw invalidParameter('Error while parsing filter.')
    const [, name, operator, value] = match
    users = users.filter((user) => {
      const actual = filterValue(user, name)
      return actual !== undefined && (operator === '=' ? actual === value : actual.startsWith(value))
    })
  }
  const { page, next } = paginate(users, limit, optionalString(input, 'PaginationToken'))
  return { Users: page.map(userType), ...(next ? { PaginationToken: next } : {}) }
}

function filterValue(user: UserRecord, name: string): string | undefined {
  if (name === 'username') return user.username
  if (name === 'sub') return user.sub
  if (name === 'status') return user.enabled ? 'Enabled' : 'Disabled'
  if (name === 'cognito:user_status') return user.status
  // Own attributes only: "constructor" or "toString" would otherwise find Object.prototype's functions.
  return Object.hasOwn(user.attributes, name) ? user.attributes[name] : undefined
}

import type { ListUsersRequest, ListUsersResponse } from '@aws-sdk/client-cognito-identity-provider'
import { attributeSchema } from '../auth/attributes.ts'
import { invalidParameter } from '../errors.ts'
import type { PoolRecord, UserRecord } from '../state/model.ts'
import { optionalAttributeNames, optionalNumber, optionalString } from '../validate.ts'
import type { Operation, Wire } from './operation.ts'
import { requestedPool } from './request-targets.ts'
import { paginate } from './paginate.ts'
import { userType } from './shapes.ts'

// Cognito's filter grammar: `attribute = "value"` or `attribute ^= "prefix"`.
const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/

/** The only names a filter may search (docs/cognito-behaviour.md#listusers); custom attributes are not searchable. */
const SEARCHABLE: ReadonlySet<string> = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
])

const NO_SUCH_ATTRIBUTES = 'One or more requested attributes do not exist.'

export const listUsers: Operation<ListUsersRequest, ListUsersResponse> = async (input, deps) => {
  const pool = requestedPool(input, deps)
  // 0 is allowed by the model; like an absent Limit it means a full page (an empty page with
  // a token would send a paging client round forever).
  const limit = optionalNumber(input, 'Limit', { min: 0, max: 60 }) || 60
  const filter = optionalString(input, 'Filter')
  const wanted = optionalAttributeNames(input, 'AttributesToGet')
  let users = deps.store.listUsers(pool.id)
  if (filter) users = users.filter(matcher(filter))
  const { page, next } = paginate(users, limit, optionalString(input, 'PaginationToken'))
  const shown = wanted === undefined ? page.map(userType) : page.map(withOnly(pool, page, wanted))
  return { Users: shown, ...(next ? { PaginationToken: next } : {}) }
}

function matcher(filter: string): (user: UserRecord) => boolean {
  const match = FILTER.exec(filter)
  if (!match) throw invalidParameter('Error while parsing filter.')
  const [, name, operator, value] = match
  // AWS's message for a custom or other unsearchable name is not published: this one names it.
  if (!SEARCHABLE.has(name)) throw invalidParameter(`Invalid search attribute: ${name}`)
  // The user status is matched without regard to case; everything else as it is written.
  const fold = name === 'cognito:user_status' ? (text: string) => text.toUpperCase() : (text: string) => text
  const expected = fold(value)
  return (user) => {
    const actual = filterValue(user, name)
    return actual !== undefined && (operator === '=' ? fold(actual) === expected : fold(actual).startsWith(expected))
  }
}

function filterValue(user: UserRecord, name: string): string | undefined {
  if (name === 'username') return user.username
  if (name === 'sub') return user.sub
  if (name === 'status') return user.enabled ? 'Enabled' : 'Disabled'
  if (name === 'cognito:user_status') return user.status
  // Own attributes only: "constructor" or "toString" would otherwise find Object.prototype's functions.
  return Object.hasOwn(user.attributes, name) ? user.attributes[name] : undefined
}

/**
 * UserType with only the `wanted` attributes. AWS refuses a name the pool does not have, and a name
 * any user of the page has no value for, with one message (docs/cognito-behaviour.md#listusers).
 */
function withOnly(pool: PoolRecord, page: readonly UserRecord[], wanted: readonly string[]): (user: UserRecord) => Wire<ReturnType<typeof userType>> {
  const schema = attributeSchema(pool)
  if (wanted.some((name) => !schema.find(name))) throw invalidParameter(NO_SUCH_ATTRIBUTES)
  const has = (user: UserRecord, name: string) => name === 'sub' || Object.hasOwn(user.attributes, name)
  if (page.some((user) => wanted.some((name) => !has(user, name)))) throw invalidParameter(NO_SUCH_ATTRIBUTES)
  return (user) => {
    const full = userType(user)
    return { ...full, Attributes: (full.Attributes ?? []).filter((attribute) => wanted.includes(attribute.Name ?? '')) }
  }
}

import { cognitoError, invalidParameter } from '../errors.ts'
import { STANDARD_ATTRIBUTES } from '../member-rules.ts'
import type { PoolRecord, UserRecord } from '../state/model.ts'

// What a pool's schema says about each user attribute, and the value formats Cognito checks
// (docs/cognito-behaviour.md#user-attributes).

/** One attribute of a pool's schema, as far as writing a user's attributes needs it. */
export type SchemaAttribute = Readonly<{ name: string; mutable: boolean; required: boolean }>

/** The schema as CreateUserPool stores it once it keeps one: SchemaAttributeType, custom names with their `custom:` prefix. */
type StoredSchema = { readonly schemaAttributes?: ReadonlyArray<Readonly<{ Name: string; Mutable: boolean; Required: boolean }>> }

/**
 * The attributes `pool` declares (the `Name`, `Mutable` and `Required` of DescribeUserPool's
 * SchemaAttributes), read in this one place. A pool that stores no schema (every pool on a state file
 * written before CreateUserPool kept one) has the standard attributes with AWS's defaults, and any
 * `custom:` name is taken as declared, mutable and optional.
 */
export function attributeSchema(pool: PoolRecord): PoolSchema {
  // Read by shape: the member is optional, and a pool record without it is one of the pools above.
  const stored = (pool as PoolRecord & StoredSchema).schemaAttributes
  return new PoolSchema(stored?.map(({ Name, Mutable, Required }) => ({ name: Name, mutable: Mutable, required: Required })))
}

export class PoolSchema {
  private readonly byName = new Map<string, SchemaAttribute>()

  constructor(private readonly declared?: readonly SchemaAttribute[]) {
    for (const name of STANDARD_ATTRIBUTES) {
      // AWS's defaults: only `sub` is required, and only `sub` can never change.
      this.byName.set(name, { name, mutable: name !== 'sub', required: name === 'sub' })
    }
    for (const attribute of declared ?? []) this.byName.set(attribute.name, attribute)
  }

  /** The attribute `name`, or undefined when the pool does not declare it. */
  find(name: string): SchemaAttribute | undefined {
    const known = this.byName.get(name)
    if (known) return known
    // No stored schema: the local pool cannot know which custom attributes were meant, so it takes them all.
    if (this.declared === undefined && name.startsWith('custom:')) return { name, mutable: true, required: false }
    return undefined
  }

  /** The names `attributes` holds that the pool does not declare: what AdminCreateUser and SignUp refuse. */
  requireDeclared(names: Iterable<string>): void {
    for (const name of names) {
      if (!this.find(name)) throw invalidParameter(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`)
    }
  }
}

/**
 * `+` and the country code, then digits only: 2 to 15 digits in all, the first not 0 (E.164, which
 * AWS's format rule follows; docs/cognito-behaviour.md#user-attributes).
 */
export function isPhoneNumber(text: string): boolean {
  return /^\+[1-9][0-9]{1,14}$/.test(text)
}

/** The attributes that can be verified, and the flag that says each one is. */
export const VERIFIED_FLAG = { email: 'email_verified', phone_number: 'phone_number_verified' } as const
export type VerifiableAttribute = keyof typeof VERIFIED_FLAG

/** The verifiable attributes a user signs in with (username or alias attributes): unique in the pool. */
export function signInAttributes(pool: PoolRecord): VerifiableAttribute[] {
  return (['email', 'phone_number'] as const).filter(
    (name) => pool.usernameAttributes.includes(name) || (pool.aliasAttributes as readonly string[]).includes(name),
  )
}

/**
 * Refuses `value` for `name` when another user of the pool signs in with it already: the message
 * SignUp and AdminCreateUser give, under `type` (UsernameExistsException for a new user,
 * AliasExistsException for a change).
 */
export function refuseTakenSignInValue(
  pool: PoolRecord,
  users: readonly UserRecord[],
  name: VerifiableAttribute,
  value: string,
  type: 'UsernameExistsException' | 'AliasExistsException',
  self?: UserRecord,
): void {
  if (!signInAttributes(pool).includes(name)) return
  const wanted = name === 'email' ? value.toLowerCase() : value
  const taken = users.some((user) => {
    if (user === self || user.sub === self?.sub) return false
    const theirs = user.attributes[name]
    return theirs !== undefined && (name === 'email' ? theirs.toLowerCase() : theirs) === wanted
  })
  if (taken) throw cognitoError(type, `An account with the given ${name} already exists.`)
}

/** UserAttributeUpdateSettings as CreateUserPool and UpdateUserPool store it, among the pool's kept settings. */
type StoredUpdateSettings = { readonly settings?: { readonly UserAttributeUpdateSettings?: unknown } }

/**
 * The attributes whose new value waits for verification before it replaces the current one
 * (UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate), read by shape like the
 * schema: none for a pool that stores no such setting.
 */
export function verifiedBeforeUpdate(pool: PoolRecord): VerifiableAttribute[] {
  const setting = (pool as PoolRecord & StoredUpdateSettings).settings?.UserAttributeUpdateSettings
  const names =
    typeof setting === 'object' && setting !== null ? (setting as Record<string, unknown>).AttributesRequireVerificationBeforeUpdate : undefined
  if (!Array.isArray(names)) return []
  return (['email', 'phone_number'] as const).filter((name) => names.includes(name))
}

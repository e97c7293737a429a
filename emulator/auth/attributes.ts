import { cognitoError, invalidParameter } from '../errors.ts'
import { STANDARD_SCHEMA } from './schema-attributes.ts'
import type { PoolRecord, SchemaAttribute, UserRecord } from '../state/model.ts'

// What a pool's schema says about each user attribute, and the value formats Cognito checks
// (docs/cognito-behaviour.md#user-attributes).

/**
 * The attributes `pool` declares, read from the schema CreateUserPool stored
 * (DescribeUserPool's SchemaAttributes, docs/cognito-behaviour.md#pool-schema). A pool that stores
 * no schema (every pool on a state file written before CreateUserPool kept one) has the standard
 * attributes with AWS's defaults, and any `custom:` name is taken as declared, mutable, optional and
 * an unconstrained string.
 */
export function attributeSchema(pool: PoolRecord): PoolSchema {
  return new PoolSchema(pool.schemaAttributes)
}

export class PoolSchema {
  private readonly byName = new Map<string, SchemaAttribute>()

  constructor(private readonly declared?: readonly SchemaAttribute[]) {
    // A stored schema lists every standard attribute; the standard list still backs one that does not.
    for (const attribute of [...STANDARD_SCHEMA, ...(declared ?? [])]) this.byName.set(attribute.Name, attribute)
  }

  /** The attribute `name`, or undefined when the pool does not declare it. */
  find(name: string): SchemaAttribute | undefined {
    const known = this.byName.get(name)
    if (known) return known
    // No stored schema: the local pool cannot know which custom attributes were meant, so it takes them all.
    if (this.declared === undefined && name.startsWith('custom:')) {
      return { Name: name, AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false }
    }
    return undefined
  }

  /** The names `attributes` holds that the pool does not declare: what AdminCreateUser and SignUp refuse. */
  requireDeclared(names: Iterable<string>): void {
    for (const name of names) {
      if (!this.find(name)) throw nonConforming(name, 'Attribute does not exist in the schema.')
    }
  }

  /**
   * Each value against its attribute's AttributeDataType and its String- or NumberAttributeConstraints,
   * on every write (ADR 022: a kept constraint is honoured). A blank value deletes and is not checked.
   */
  checkValues(attributes: Readonly<Record<string, string>>): void {
    for (const [name, value] of Object.entries(attributes)) {
      const attribute = this.find(name)
      if (attribute && value !== '') checkValue(attribute, value)
    }
  }
}

/** Cognito's prefix for an attribute the schema refuses; the text after the name is ours where AWS's is unpublished. */
function nonConforming(name: string, reason: string): Error {
  return invalidParameter(`Attributes did not conform to the schema: ${name}: ${reason}`)
}

function checkValue(attribute: SchemaAttribute, value: string): void {
  const name = attribute.Name
  switch (attribute.AttributeDataType) {
    case 'String': {
      const { MinLength, MaxLength } = attribute.StringAttributeConstraints ?? {}
      if (MaxLength !== undefined && value.length > Number(MaxLength)) {
        throw nonConforming(name, `String must be no longer than ${MaxLength} characters`)
      }
      if (MinLength !== undefined && value.length < Number(MinLength)) {
        throw nonConforming(name, `String must be no shorter than ${MinLength} characters`)
      }
      return
    }
    case 'Number': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw nonConforming(name, 'Number must be a number')
      const { MinValue, MaxValue } = attribute.NumberAttributeConstraints ?? {}
      if (MinValue !== undefined && Number(value) < Number(MinValue)) throw nonConforming(name, `Number must be no less than ${MinValue}`)
      if (MaxValue !== undefined && Number(value) > Number(MaxValue)) throw nonConforming(name, `Number must be no greater than ${MaxValue}`)
      return
    }
    case 'Boolean':
      if (value !== 'true' && value !== 'false') throw nonConforming(name, 'Boolean must be true or false')
      return
    case 'DateTime':
      // AWS does not publish the format it takes for a DateTime attribute: any value is kept.
      return
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

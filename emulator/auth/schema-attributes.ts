import type { PoolRecord, SchemaAttribute } from '../state/model.ts'

// A pool's attribute schema (docs/cognito-behaviour.md#pool-schema): the standard attributes every
// pool has, as Cognito lists them for a new pool, plus the custom attributes CreateUserPool's
// `Schema` declares. An entry named like a standard attribute changes that attribute (Required,
// Mutable, its length); any other name declares `custom:<name>`.

const text = (MinLength: string, MaxLength: string) => ({ StringAttributeConstraints: { MinLength, MaxLength } })
const standard = (Name: string, extra: Partial<SchemaAttribute> = {}): SchemaAttribute => ({
  Name,
  AttributeDataType: 'String',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
  ...text('0', '2048'),
  ...extra,
})
const flag = (Name: string): SchemaAttribute => ({
  Name,
  AttributeDataType: 'Boolean',
  DeveloperOnlyAttribute: false,
  Mutable: true,
  Required: false,
})

/** The standard attributes, in the order and with the constraints Cognito returns for a new pool. */
export const STANDARD_SCHEMA: readonly SchemaAttribute[] = [
  standard('sub', { Mutable: false, Required: true, ...text('1', '2048') }),
  standard('name'),
  standard('given_name'),
  standard('family_name'),
  standard('middle_name'),
  standard('nickname'),
  standard('preferred_username'),
  standard('profile'),
  standard('picture'),
  standard('website'),
  standard('email'),
  flag('email_verified'),
  standard('gender'),
  standard('birthdate', text('10', '10')),
  standard('zoneinfo'),
  standard('locale'),
  standard('phone_number'),
  flag('phone_number_verified'),
  standard('address'),
  {
    Name: 'updated_at',
    AttributeDataType: 'Number',
    DeveloperOnlyAttribute: false,
    Mutable: true,
    Required: false,
    NumberAttributeConstraints: { MinValue: '0' },
  },
]

/** The schema of a pool: what CreateUserPool stored, or the standard attributes for a pool stored before. */
export function schemaOf(pool: PoolRecord): readonly SchemaAttribute[] {
  return pool.schemaAttributes ?? STANDARD_SCHEMA
}

/** The names of the standard attributes a pool requires (sign-up must supply them). */
export function requiredAttributes(pool: PoolRecord): string[] {
  return schemaOf(pool)
    .filter((attribute) => attribute.Required && attribute.Name !== 'sub')
    .map((attribute) => attribute.Name)
}

/** The attributes `pool` requires that `attributes` lacks or holds blank: what NEW_PASSWORD_REQUIRED asks for. */
export function missingRequiredAttributes(pool: PoolRecord, attributes: Readonly<Record<string, string>>): string[] {
  return requiredAttributes(pool).filter((name) => !attributes[name])
}

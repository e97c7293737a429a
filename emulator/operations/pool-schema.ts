import type { CreateUserPoolRequest, SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import { CUSTOM_ATTRIBUTE_NAME } from '../member-rules.ts'
import { STANDARD_SCHEMA } from '../auth/schema-attributes.ts'
import type { SchemaAttribute } from '../state/model.ts'
import { checkString, optionalArray, type Input } from '../validate.ts'

// CreateUserPool's `Schema` input, read and checked (docs/cognito-behaviour.md#pool-schema). What a
// stored schema holds, and the standard attributes under it, are auth/schema-attributes.ts's.

const DATA_TYPES = ['String', 'Number', 'DateTime', 'Boolean'] as const
/** The service model's limit on `Schema` (SchemaAttributesListType); custom attributes are counted in it. */
export const MAX_SCHEMA_ENTRIES = 50
/** A string attribute's value is at most this long, whatever its constraints say. */
const MAX_STRING_LENGTH = 2048

/** CreateUserPool's `Schema`, checked as Cognito checks it, applied to the standard attributes. */
export function poolSchema(input: Readonly<Input> & { readonly Schema?: unknown }): SchemaAttribute[] {
  const entries = optionalArray<CreateUserPoolRequest>(input, 'Schema')
  const schema = [...STANDARD_SCHEMA]
  if (entries === undefined) return schema
  if (entries.length < 1 || entries.length > MAX_SCHEMA_ENTRIES) {
    const bound = entries.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_SCHEMA_ENTRIES}`
    throw invalidParameter(`1 validation error detected: Value at 'schema' failed to satisfy constraint: Member must have length ${bound}`)
  }
  const seen = new Set<string>()
  entries.forEach((item, index) => {
    const path = `schema.${index + 1}.member`
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw invalidParameter(`1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must be a structure`)
    }
    const entry = readEntry(item as Input, path)
    if (seen.has(entry.name)) throw invalidParameter(`Duplicate schema attribute name: ${entry.name}.`)
    seen.add(entry.name)
    const at = schema.findIndex((attribute) => attribute.Name === entry.name)
    if (at >= 0) schema[at] = changedStandard(schema[at], entry)
    else schema.push(customAttribute(entry))
  })
  return schema
}

type Entry = {
  name: string
  type?: SchemaAttribute['AttributeDataType']
  developerOnly?: boolean
  mutable?: boolean
  required?: boolean
  stringConstraints?: { MinLength?: string; MaxLength?: string }
  numberConstraints?: { MinValue?: string; MaxValue?: string }
}

/** One `Schema` entry's members, each of its type and within the service model's limits. */
function readEntry(item: Input, path: string): Entry {
  const name = item.Name
  if (name === undefined || name === null) {
    throw invalidParameter(`1 validation error detected: Value null at '${path}.name' failed to satisfy constraint: Member must not be null`)
  }
  if (typeof name !== 'string') throw shapeError(`${path}.name`, 'Member must be a string')
  checkString(name, CUSTOM_ATTRIBUTE_NAME, `${path}.name`)
  const type = item.AttributeDataType
  if (type !== undefined && type !== null && !DATA_TYPES.includes(type as SchemaAttribute['AttributeDataType'])) {
    const shown = typeof type === 'string' ? ` '${type.slice(0, 256)}'` : ''
    throw invalidParameter(
      `1 validation error detected: Value${shown} at '${path}.attributeDataType' failed to satisfy constraint: Member must satisfy enum value set: [${DATA_TYPES.join(', ')}]`,
    )
  }
  return {
    name,
    type: (type ?? undefined) as SchemaAttribute['AttributeDataType'] | undefined,
    developerOnly: booleanAt(item, 'DeveloperOnlyAttribute', path),
    mutable: booleanAt(item, 'Mutable', path),
    required: booleanAt(item, 'Required', path),
    stringConstraints: constraintsAt(item, 'StringAttributeConstraints', ['MinLength', 'MaxLength'], path),
    numberConstraints: constraintsAt(item, 'NumberAttributeConstraints', ['MinValue', 'MaxValue'], path),
  }
}

/** A standard attribute keeps its type; Required, Mutable and a string's length may change. */
function changedStandard(attribute: SchemaAttribute, entry: Entry): SchemaAttribute {
  if ((entry.type !== undefined && entry.type !== attribute.AttributeDataType) || entry.developerOnly === true) {
    throw invalidParameter(`You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${attribute.Name}`)
  }
  const changed: SchemaAttribute = {
    ...attribute,
    Mutable: entry.mutable ?? attribute.Mutable,
    Required: entry.required ?? attribute.Required,
  }
  if (attribute.AttributeDataType === 'String' && entry.stringConstraints) {
    return { ...changed, StringAttributeConstraints: stringLimits(attribute.Name, entry.stringConstraints) }
  }
  return changed
}

function customAttribute(entry: Entry): SchemaAttribute {
  const name = `custom:${entry.name}`
  // A name that is no standard attribute, sent without a type (e.g. "username"), is Cognito's message for a custom attribute without one.
  if (entry.type === undefined) throw invalidParameter('Invalid AttributeDataType input, consider using the provided AttributeDataType enum.')
  if (entry.required === true) throw invalidParameter('Required custom attributes are not supported currently.')
  if (entry.developerOnly === true) {
    throw invalidParameter(`DeveloperOnlyAttribute (dev: attributes) is not supported by the local pool: ${name}.`)
  }
  const attribute: SchemaAttribute = {
    Name: name,
    AttributeDataType: entry.type,
    DeveloperOnlyAttribute: false,
    Mutable: entry.mutable ?? true,
    Required: false,
  }
  if (entry.type === 'String') return { ...attribute, StringAttributeConstraints: stringLimits(name, entry.stringConstraints ?? {}) }
  if (entry.type === 'Number') return { ...attribute, NumberAttributeConstraints: numberLimits(name, entry.numberConstraints ?? {}) }
  return attribute
}

function stringLimits(name: string, limits: { MinLength?: string; MaxLength?: string }): { MinLength?: string; MaxLength?: string } {
  const min = whole(limits.MinLength, 'StringAttributeConstraints', name)
  const max = whole(limits.MaxLength, 'StringAttributeConstraints', name)
  if ((min ?? 0) > MAX_STRING_LENGTH || (max ?? 0) > MAX_STRING_LENGTH) {
    throw invalidParameter(`user.${name}: String attributes cannot have a length of more than ${MAX_STRING_LENGTH}`)
  }
  if (min !== undefined && max !== undefined && min > max) throw invalidParameter(`user.${name}: Max length cannot be less than min length.`)
  return limits
}

function numberLimits(name: string, limits: { MinValue?: string; MaxValue?: string }): { MinValue?: string; MaxValue?: string } {
  const min = whole(limits.MinValue, 'NumberAttributeConstraints', name)
  const max = whole(limits.MaxValue, 'NumberAttributeConstraints', name)
  if (min !== undefined && max !== undefined && min > max) throw invalidParameter(`user.${name}: Max value cannot be less than min value.`)
  return limits
}

/** A limit is a whole number written as a string; anything else is refused with the attribute named. */
function whole(value: string | undefined, constraint: string, name: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,15}$/.test(value)) throw invalidParameter(`Invalid ${constraint} for schema attribute ${name}`)
  return Number(value)
}

function booleanAt(item: Input, name: keyof SchemaAttributeType, path: string): boolean | undefined {
  const value = Object.hasOwn(item, name) ? item[name] : undefined
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw shapeError(`${path}.${lowerFirst(name)}`, 'Member must be a boolean')
  return value
}

function constraintsAt<K extends string>(item: Input, name: string, members: readonly K[], path: string): Partial<Record<K, string>> | undefined {
  const value = Object.hasOwn(item, name) ? item[name] : undefined
  if (value === undefined || value === null) return undefined
  const at = `${path}.${lowerFirst(name)}`
  if (typeof value !== 'object' || Array.isArray(value)) throw shapeError(at, 'Member must be a structure')
  const limits: Partial<Record<K, string>> = {}
  for (const member of members) {
    const limit = Object.hasOwn(value, member) ? (value as Input)[member] : undefined
    if (limit === undefined || limit === null) continue
    if (typeof limit !== 'string') throw shapeError(`${at}.${lowerFirst(member)}`, 'Member must be a string')
    // StringAttributeConstraintsType / NumberAttributeConstraintsType: 0 to 131072 characters.
    checkString(limit, { max: 131072 }, `${at}.${lowerFirst(member)}`)
    limits[member] = limit
  }
  return limits
}

function shapeError(path: string, constraint: string): Error {
  return invalidParameter(`1 validation error detected: Value at '${path}' failed to satisfy constraint: ${constraint}`)
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}

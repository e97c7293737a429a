import { invalidParameter } from './errors.ts'

/** An operation's raw JSON body: an object whose members are still unchecked. */
export type Input = Record<string, unknown>

type StringRule = { min?: number; max?: number; pattern?: RegExp }

// AWS names the member in camelCase in its validation text ("at 'userCode'").
const memberPath = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

function missing(name: string): Error {
  return invalidParameter(
    `1 validation error detected: Value null at '${memberPath(name)}' failed to satisfy constraint: Member must not be null`,
  )
}

function badValue(name: string, constraint: string): Error {
  return invalidParameter(
    `1 validation error detected: Value at '${memberPath(name)}' failed to satisfy constraint: ${constraint}`,
  )
}

/** Absent and null are the same thing on the wire (docs/cognito-behaviour.md#requests). */
export function optionalString(input: Input, name: string, rule: StringRule = {}): string | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw badValue(name, 'Member must be a string')
  if (rule.min !== undefined && value.length < rule.min) {
    throw badValue(name, `Member must have length greater than or equal to ${rule.min}`)
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw badValue(name, `Member must have length less than or equal to ${rule.max}`)
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw badValue(name, `Member must satisfy regular expression pattern: ${rule.pattern.source}`)
  }
  return value
}

export function requiredString(input: Input, name: string, rule: StringRule = {}): string {
  const value = optionalString(input, name, rule)
  if (value === undefined) throw missing(name)
  return value
}

export function optionalBoolean(input: Input, name: string): boolean | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw badValue(name, 'Member must be a boolean')
  return value
}

export function optionalNumber(input: Input, name: string, range: { min?: number; max?: number } = {}): number | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badValue(name, 'Member must be a number')
  if (range.min !== undefined && value < range.min) {
    throw badValue(name, `Member must have value greater than or equal to ${range.min}`)
  }
  if (range.max !== undefined && value > range.max) {
    throw badValue(name, `Member must have value less than or equal to ${range.max}`)
  }
  return value
}

export function optionalEnum<T extends string>(input: Input, name: string, values: readonly T[]): T | undefined {
  const value = optionalString(input, name)
  if (value === undefined) return undefined
  if (!(values as readonly string[]).includes(value)) {
    throw invalidParameter(
      `1 validation error detected: Value '${value}' at '${memberPath(name)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
    )
  }
  return value as T
}

export function requiredEnum<T extends string>(input: Input, name: string, values: readonly T[]): T {
  const value = optionalEnum(input, name, values)
  if (value === undefined) throw missing(name)
  return value
}

/** A string → string map such as AuthParameters or ChallengeResponses. */
export function optionalStringMap(input: Input, name: string): Record<string, string> {
  const value = input[name]
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw badValue(name, 'Member must be a map')
  for (const entry of Object.values(value)) {
    if (typeof entry !== 'string') throw badValue(name, 'Map values must be strings')
  }
  return value as Record<string, string>
}

export function optionalObject(input: Input, name: string): Input | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw badValue(name, 'Member must be a structure')
  return value as Input
}

export function optionalArray(input: Input, name: string): unknown[] | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw badValue(name, 'Member must be a list')
  return value
}

/** `[{Name, Value}]` as in UserAttributes. */
export function optionalAttributeList(input: Input, name: string): Record<string, string> {
  const list = optionalArray(input, name) ?? []
  const attributes: Record<string, string> = {}
  for (const item of list) {
    if (typeof item !== 'object' || item === null) throw badValue(name, 'Member must be a list of attributes')
    const { Name, Value } = item as Input
    if (typeof Name !== 'string' || Name.length === 0) throw badValue(name, 'Attribute Name must be a non-empty string')
    if (Value !== undefined && Value !== null && typeof Value !== 'string') {
      throw badValue(name, 'Attribute Value must be a string')
    }
    attributes[Name] = typeof Value === 'string' ? Value : ''
  }
  return attributes
}

/** A key inside AuthParameters or ChallengeResponses (wording: docs/cognito-behaviour.md#error-responses). */
export function requiredParameter(map: Record<string, string>, key: string): string {
  const value = map[key]
  if (value === undefined || value === '') throw invalidParameter(`Missing required parameter ${key}`)
  return value
}

import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from './errors.ts'

/** An operation's raw JSON body: an object whose members are still unchecked. */
export type Input = Record<string, unknown>

declare const request: unique symbol

/**
 * The raw body of a request whose type is `Request` (the SDK's, e.g. VerifySoftwareTokenRequest):
 * still untrusted JSON, but the functions below read a member only by a name `Request` has and
 * with the reader that fits the member's SDK type (`optionalBoolean` for a boolean …), and hand
 * back the checked value or throw Cognito's InvalidParameterException. That is the only way from
 * unknown to typed: the request type is carried along (never present at run time) just for them.
 */
export type Untrusted<Request> = Readonly<Input> & { readonly [request]?: Request }

/**
 * The names of `Request`'s members whose SDK type is `Value`. NoInfer: `Request` comes from the
 * input alone, so a plain `Input` (no request type) accepts no name at all.
 */
type MemberOf<Request, Value> = NoInfer<
  { [Name in keyof Request]-?: NonNullable<Request[Name]> extends Value ? Name : never }[keyof Request] & string
>

type StringRule = { min?: number; max?: number; pattern?: RegExp }

// AWS names the member in camelCase in its validation text ("at 'userCode'").
const memberPath = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

function missing(name: string): Error {
  return invalidParameter(`1 validation error detected: Value null at '${memberPath(name)}' failed to satisfy constraint: Member must not be null`)
}

function badValue(name: string, constraint: string): Error {
  return invalidParameter(`1 validation error detected: Value at '${memberPath(name)}' failed to satisfy constraint: ${constraint}`)
}

/** Absent and null are the same thing on the wire (docs/cognito-behaviour.md#requests). */
export function optionalString<R>(input: Untrusted<R>, name: MemberOf<R, string>, rule: StringRule = {}): string | undefined {
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

export function requiredString<R>(input: Untrusted<R>, name: MemberOf<R, string>, rule: StringRule = {}): string {
  const value = optionalString(input, name, rule)
  if (value === undefined) throw missing(name)
  return value
}

export function optionalBoolean<R>(input: Untrusted<R>, name: MemberOf<R, boolean>): boolean | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw badValue(name, 'Member must be a boolean')
  return value
}

export function optionalNumber<R>(input: Untrusted<R>, name: MemberOf<R, number>, range: { min?: number; max?: number } = {}): number | undefined {
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

/** `values` are the ones the emulator accepts: the SDK's enum, or a part of it. */
export function optionalEnum<R, Name extends MemberOf<R, string>, T extends NonNullable<R[Name]> & string>(
  input: Untrusted<R>,
  name: Name,
  values: readonly T[],
): T | undefined {
  const value = optionalString(input, name)
  if (value === undefined) return undefined
  if (!(values as readonly string[]).includes(value)) {
    throw invalidParameter(
      `1 validation error detected: Value '${value}' at '${memberPath(name)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
    )
  }
  return value as T
}

export function requiredEnum<R, Name extends MemberOf<R, string>, T extends NonNullable<R[Name]> & string>(
  input: Untrusted<R>,
  name: Name,
  values: readonly T[],
): T {
  const value = optionalEnum(input, name, values)
  if (value === undefined) throw missing(name)
  return value
}

/** A string → string map such as AuthParameters or ChallengeResponses. */
export function optionalStringMap<R>(input: Untrusted<R>, name: MemberOf<R, Record<string, string>>): Record<string, string> {
  const value = input[name]
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw badValue(name, 'Member must be a map')
  for (const entry of Object.values(value)) {
    if (typeof entry !== 'string') throw badValue(name, 'Map values must be strings')
  }
  return value as Record<string, string>
}

/** A nested structure, itself still untrusted: its members are read with these same functions. */
export function optionalObject<R, Name extends MemberOf<R, object>>(input: Untrusted<R>, name: Name): Untrusted<NonNullable<R[Name]>> | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw badValue(name, 'Member must be a structure')
  return value as Input
}

/** A list whose items are still unchecked. */
export function optionalArray<R>(input: Untrusted<R>, name: MemberOf<R, readonly unknown[]>): unknown[] | undefined {
  return listAt(input, name)
}

function listAt(input: Input, name: string): unknown[] | undefined {
  const value = input[name]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw badValue(name, 'Member must be a list')
  return value
}

/** `[{Name, Value}]` as in UserAttributes. */
export function optionalAttributeList<R>(input: Untrusted<R>, name: MemberOf<R, AttributeType[]>): Record<string, string> {
  const list = listAt(input, name) ?? []
  const attributes: Record<string, string> = {}
  for (const item of list) {
    if (typeof item !== 'object' || item === null) throw badValue(name, 'Member must be a list of attributes')
    const { Name, Value } = item as Untrusted<AttributeType>
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

import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from './errors.ts'
import {
  ATTRIBUTE_NAME,
  ATTRIBUTE_VALUE,
  CUSTOM_ATTRIBUTE_NAME,
  MAP_ENTRY,
  MEMBER_RULES,
  STANDARD_ATTRIBUTES,
  type MemberRule,
  type StringMember,
} from './member-rules.ts'

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

// AWS names the member in camelCase in its validation text ("at 'userCode'"); nested members by
// their path, list items 1-based ("at 'userAttributes.2.member.value'").
const memberPath = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

/** At most this many characters of a bad value are quoted in a message (docs/cognito-behaviour.md#input-limits). */
export const QUOTED_VALUE_MAX = 256

/** A request value as AWS quotes it in a message: cut to QUOTED_VALUE_MAX characters, never inside a surrogate pair. */
export function quoted(value: string): string {
  if (value.length <= QUOTED_VALUE_MAX) return `'${value}'`
  const cut = /[\ud800-\udbff]/.test(value.charAt(QUOTED_VALUE_MAX - 1)) ? QUOTED_VALUE_MAX - 1 : QUOTED_VALUE_MAX
  return `'${value.slice(0, cut)}...'`
}

function missing(path: string): Error {
  return invalidParameter(`1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`)
}

/** `value` is quoted unless the member is sensitive, as AWS does. */
function badValue(path: string, constraint: string, value?: string): Error {
  const shown = value === undefined ? '' : ` ${quoted(value)}`
  return invalidParameter(`1 validation error detected: Value${shown} at '${path}' failed to satisfy constraint: ${constraint}`)
}

// Compiled once per pattern; anchored because AWS matches the whole value (see member-rules.ts).
const compiled = new Map<string, RegExp>()
function patternOf(source: string): RegExp {
  let pattern = compiled.get(source)
  if (!pattern) {
    pattern = new RegExp(`^(?:${source})$`, 'u')
    compiled.set(source, pattern)
  }
  return pattern
}

/**
 * `value` checked against `rule`: the length first, so a pattern only ever runs on a value the
 * length bounds (or on a single character class, which is linear).
 */
export function checkString(value: string, rule: MemberRule, path: string): string {
  const shown = rule.sensitive ? undefined : value
  if (rule.min !== undefined && value.length < rule.min) {
    throw badValue(path, `Member must have length greater than or equal to ${rule.min}`, shown)
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw badValue(path, `Member must have length less than or equal to ${rule.max}`, shown)
  }
  if (rule.pattern !== undefined && !patternOf(rule.pattern).test(value)) {
    throw badValue(path, `Member must satisfy regular expression pattern: ${rule.pattern}`, shown)
  }
  return value
}

/** A string member without its rule: only for enums, whose value set is the rule. */
function rawString(input: Input, name: string): string | undefined {
  const value = own(input, name)
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw badValue(memberPath(name), 'Member must be a string')
  return value
}

/** `input[name]` if `input` has it itself: a name such as "constructor" never reaches Object.prototype. */
function own(input: Input, name: string): unknown {
  return Object.hasOwn(input, name) ? input[name] : undefined
}

/**
 * Absent and null are the same thing on the wire (docs/cognito-behaviour.md#requests). The member's
 * limits come from MEMBER_RULES; a string member without an entry there does not type-check.
 */
export function optionalString<R>(input: Untrusted<R>, name: MemberOf<R, string> & StringMember): string | undefined {
  const value = rawString(input, name)
  return value === undefined ? undefined : checkString(value, MEMBER_RULES[name], memberPath(name))
}

export function requiredString<R>(input: Untrusted<R>, name: MemberOf<R, string> & StringMember): string {
  const value = optionalString(input, name)
  if (value === undefined) throw missing(memberPath(name))
  return value
}

export function optionalBoolean<R>(input: Untrusted<R>, name: MemberOf<R, boolean>): boolean | undefined {
  const value = own(input, name)
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw badValue(memberPath(name), 'Member must be a boolean')
  return value
}

/** `integer`: the service model types the member as an integer, so a fraction is refused, not rounded. */
export function optionalNumber<R>(
  input: Untrusted<R>,
  name: MemberOf<R, number>,
  range: { min?: number; max?: number; integer?: boolean } = {},
): number | undefined {
  const value = own(input, name)
  const path = memberPath(name)
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badValue(path, 'Member must be a number')
  if (range.integer && !Number.isInteger(value)) throw badValue(path, 'Member must be an integer')
  if (range.min !== undefined && value < range.min) {
    throw badValue(path, `Member must have value greater than or equal to ${range.min}`)
  }
  if (range.max !== undefined && value > range.max) {
    throw badValue(path, `Member must have value less than or equal to ${range.max}`)
  }
  return value
}

function enumError(path: string, shown: string, values: readonly string[], inList = false): Error {
  const constraint = `Member must satisfy enum value set: [${values.join(', ')}]`
  return badValue(path, inList ? `Member must satisfy constraint: [${constraint}]` : constraint, shown)
}

/** `values` are the ones the emulator accepts: the SDK's enum, or a part of it. */
export function optionalEnum<R, Name extends MemberOf<R, string>, T extends NonNullable<R[Name]> & string>(
  input: Untrusted<R>,
  name: Name,
  values: readonly T[],
): T | undefined {
  const value = rawString(input, name)
  if (value === undefined) return undefined
  if (!(values as readonly string[]).includes(value)) throw enumError(memberPath(name), value, values)
  return value as T
}

export function requiredEnum<R, Name extends MemberOf<R, string>, T extends NonNullable<R[Name]> & string>(
  input: Untrusted<R>,
  name: Name,
  values: readonly T[],
): T {
  const value = optionalEnum(input, name, values)
  if (value === undefined) throw missing(memberPath(name))
  return value
}

/**
 * A list of enum values such as ExplicitAuthFlows. Items are checked by type before anything is
 * quoted: an item that is itself a list (nested 100,000 deep, say) is refused without being
 * turned into text, which would recurse as deep as it goes.
 */
export function optionalEnumList<R, Name extends MemberOf<R, readonly string[]>, T extends string>(
  input: Untrusted<R>,
  name: Name,
  values: readonly T[],
): T[] | undefined {
  const list = listAt(input, name)
  if (list === undefined) return undefined
  const path = memberPath(name)
  list.forEach((item, index) => {
    if (typeof item !== 'string') throw badValue(`${path}.${index + 1}.member`, 'Member must be a string')
  })
  const items = list as string[]
  if (items.some((item) => !(values as readonly string[]).includes(item))) throw enumError(path, `[${items.join(', ')}]`, values, true)
  return items as T[]
}

/**
 * A string → string map such as AuthParameters or ChallengeResponses, copied into an object without
 * a prototype, so a key looked up later ("constructor" …) is only ever one the request sent.
 */
export function optionalStringMap<R>(input: Untrusted<R>, name: MemberOf<R, Record<string, string>>): Record<string, string> {
  const value = own(input, name)
  const path = memberPath(name)
  const map: Record<string, string> = Object.create(null) as Record<string, string>
  if (value === undefined || value === null) return map
  if (typeof value !== 'object' || Array.isArray(value)) throw badValue(path, 'Member must be a map')
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw badValue(path, 'Map values must be strings')
    checkString(key, MAP_ENTRY, `${path}.key`)
    map[key] = checkString(entry, MAP_ENTRY, `${path}.value`)
  }
  return map
}

/** A nested structure, itself still untrusted: its members are read with these same functions. */
export function optionalObject<R, Name extends MemberOf<R, object>>(input: Untrusted<R>, name: Name): Untrusted<NonNullable<R[Name]>> | undefined {
  const value = own(input, name)
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw badValue(memberPath(name), 'Member must be a structure')
  return value as Input
}

/** A list whose items are still unchecked. */
export function optionalArray<R>(input: Untrusted<R>, name: MemberOf<R, readonly unknown[]>): unknown[] | undefined {
  return listAt(input, name)
}

function listAt(input: Input, name: string): unknown[] | undefined {
  const value = own(input, name)
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw badValue(memberPath(name), 'Member must be a list')
  return value
}

/**
 * `[{Name, Value}]` as in UserAttributes, each checked against AttributeType's limits (a name of
 * 1 to 32 characters, a value of at most 2048) and the pool's schema: a standard attribute or
 * `custom:` and a name of 1 to 20 characters (docs/cognito-behaviour.md#input-limits). The result
 * has no prototype, so reading an attribute by a name from a request finds only attributes.
 */
export function optionalAttributeList<R>(input: Untrusted<R>, name: MemberOf<R, AttributeType[]>): Record<string, string> {
  const list = listAt(input, name) ?? []
  const path = memberPath(name)
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>
  list.forEach((item, index) => {
    const at = `${path}.${index + 1}.member`
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw badValue(at, 'Member must be a structure')
    const entry = item as Input
    const attributeName = rawString(entry, 'Name')
    if (attributeName === undefined) throw missing(`${at}.name`)
    attributes[attributeName] = checkAttribute(attributeName, rawString(entry, 'Value') ?? '', at)
  })
  return attributes
}

/**
 * A list of attribute names such as AttributesToGet or UserAttributeNames, each held to AttributeType's
 * name limits (1 to 32 characters of the model's pattern); whether the pool has them is the caller's check.
 */
export function optionalAttributeNames<R>(input: Untrusted<R>, name: MemberOf<R, readonly string[]>): string[] | undefined {
  const list = listAt(input, name)
  if (list === undefined) return undefined
  const path = memberPath(name)
  return list.map((item, index) => {
    if (typeof item !== 'string') throw badValue(`${path}.${index + 1}.member`, 'Member must be a string')
    return checkString(item, ATTRIBUTE_NAME, `${path}.${index + 1}.member`)
  })
}

export function requiredAttributeNames<R>(input: Untrusted<R>, name: MemberOf<R, readonly string[]>): string[] {
  const names = optionalAttributeNames(input, name)
  if (names === undefined) throw missing(memberPath(name))
  return names
}

/**
 * One attribute's name and value against AttributeType and the schema (see optionalAttributeList);
 * also for the `userAttributes.<name>` answers of NEW_PASSWORD_REQUIRED. Returns the value.
 */
export function checkAttribute(attributeName: string, value: string, path: string): string {
  checkString(attributeName, ATTRIBUTE_NAME, `${path}.name`)
  checkString(value, ATTRIBUTE_VALUE, `${path}.value`)
  if (!inSchema(attributeName)) {
    throw invalidParameter(`Attributes did not conform to the schema: ${attributeName}: Attribute does not exist in the schema.`)
  }
  return value
}

function inSchema(attributeName: string): boolean {
  if (STANDARD_ATTRIBUTES.has(attributeName)) return true
  if (!attributeName.startsWith('custom:')) return false
  try {
    checkString(attributeName.slice('custom:'.length), CUSTOM_ATTRIBUTE_NAME, 'name')
    return true
  } catch {
    return false
  }
}

/** A key inside AuthParameters or ChallengeResponses (wording: docs/cognito-behaviour.md#error-responses). */
export function requiredParameter(map: Record<string, string>, key: string): string {
  const value = Object.hasOwn(map, key) ? map[key] : undefined
  if (value === undefined || value === '') throw invalidParameter(`Missing required parameter ${key}`)
  return value
}

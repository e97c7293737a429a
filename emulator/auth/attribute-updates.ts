import { randomInt } from 'node:crypto'
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider'
import type { Deps } from '../deps.ts'
import { cognitoError, invalidParameter, notAuthorized } from '../errors.ts'
import type { PoolRecord, UserRecord } from '../state/model.ts'
import { VERIFIED_FLAG, attributeSchema, refuseTakenSignInValue, verifiedBeforeUpdate, type VerifiableAttribute } from './attributes.ts'
import { attemptCounted, refuseOverLimit } from './confirmation-limits.ts'
import { checkAttributeValues, maskEmail, maskPhone } from './users.ts'

// Changing and deleting a user's attributes, by an administrator (Admin*, IAM) or by the user
// (an access token), and verifying a changed email address or phone number with a code
// (docs/cognito-behaviour.md#attribute-updates, docs/cognito-behaviour.md#attribute-verification).

/** Who writes: an administrator may set the `_verified` flags, an app client may not. */
export type Writer = 'admin' | 'user'

const CODE_VALIDITY_MS = 24 * 3600_000
/** As for sign-up codes: ten wrong codes and five new codes per user and hour (docs/cognito-behaviour.md#attribute-verification). */
const LIMITS = { wrongCodes: 10, resends: 5 } as const
const VERIFIABLE: readonly VerifiableAttribute[] = ['email', 'phone_number']

function immutable(name: string): Error {
  return invalidParameter(`user.${name}: Attribute cannot be updated.`)
}

/**
 * An app client (SignUp, UpdateUserAttributes, DeleteUserAttributes) never writes a `_verified` flag:
 * Cognito refuses it as an attribute the client may not write (docs/cognito-behaviour.md#attribute-updates).
 */
export function refuseUnauthorized(names: Iterable<string>, writer: Writer): void {
  if (writer === 'admin') return
  for (const name of names) {
    if (name === VERIFIED_FLAG.email || name === VERIFIED_FLAG.phone_number) {
      throw notAuthorized('A client attempted to write unauthorized attribute')
    }
  }
}

/**
 * AdminUpdateUserAttributes and UpdateUserAttributes: the user with `updates` applied (a blank value
 * deletes), stored, and the verification codes sent for the email or phone number that changed to an
 * unverified value in a pool that auto-verifies it.
 */
export function updateAttributes(
  deps: Deps,
  pool: PoolRecord,
  user: UserRecord,
  updates: Readonly<Record<string, string>>,
  writer: Writer,
): { user: UserRecord; deliveries: CodeDeliveryDetailsType[] } {
  const schema = attributeSchema(pool)
  const names = Object.keys(updates)
  schema.requireDeclared(names)
  refuseUnauthorized(names, writer)
  for (const name of names) {
    const attribute = schema.find(name)
    if (attribute && !attribute.Mutable) throw immutable(name)
    if (updates[name] === '' && attribute?.Required) throw invalidParameter(`user.${name}: Required attribute cannot be deleted.`)
  }
  checkAttributeValues(updates)
  schema.checkValues(updates)
  const others = deps.store.listUsers(pool.id)
  for (const name of VERIFIABLE) {
    if (updates[name]) refuseTakenSignInValue(pool, others, name, updates[name], 'AliasExistsException', user)
  }

  const attributes: Record<string, string> = { ...user.attributes }
  for (const name of names) {
    if (updates[name] === '') delete attributes[name]
    else attributes[name] = updates[name]
  }
  const codes = { ...user.attributeCodes }
  const pending: Partial<Record<VerifiableAttribute, string>> = { ...user.pendingAttributes }
  const waits = verifiedBeforeUpdate(pool)
  const toVerify: Array<{ name: VerifiableAttribute; value: string }> = []
  for (const name of VERIFIABLE) {
    const flag = VERIFIED_FLAG[name]
    if (!Object.hasOwn(updates, name) || updates[name] === user.attributes[name]) continue
    // A new or removed address is not verified, unless the administrator says so in the same request;
    // a code or a pending value for the old one no longer counts (docs/cognito-behaviour.md#attribute-updates).
    delete codes[name]
    delete pending[name]
    if (attributes[name] === undefined) {
      delete attributes[flag]
      continue
    }
    if (Object.hasOwn(updates, flag) && updates[flag] === 'true') continue
    if (waits.includes(name) && pool.autoVerifiedAttributes.includes(name) && user.attributes[name] !== undefined) {
      // Keep the current value (and its flag) until the new one is verified (UserAttributeUpdateSettings).
      attributes[name] = user.attributes[name]
      if (user.attributes[flag] === undefined) delete attributes[flag]
      else attributes[flag] = user.attributes[flag]
      pending[name] = updates[name]
      toVerify.push({ name, value: updates[name] })
      continue
    }
    if (!Object.hasOwn(updates, flag)) attributes[flag] = 'false'
    if (attributes[flag] !== 'true' && pool.autoVerifiedAttributes.includes(name)) toVerify.push({ name, value: attributes[name] })
  }
  const deliveries: CodeDeliveryDetailsType[] = []
  for (const { name, value } of toVerify) {
    const { code, delivery } = newCode(deps, user, name, value)
    codes[name] = code
    deliveries.push(delivery)
  }
  const updated = deps.store.updateUser(user, {
    attributes,
    attributeCodes: Object.keys(codes).length > 0 ? codes : undefined,
    pendingAttributes: Object.keys(pending).length > 0 ? pending : undefined,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
  return { user: updated, deliveries }
}

/** AdminDeleteUserAttributes and DeleteUserAttributes: the user without the attributes `names`, stored. */
export function deleteAttributes(deps: Deps, pool: PoolRecord, user: UserRecord, names: readonly string[], writer: Writer): UserRecord {
  const schema = attributeSchema(pool)
  schema.requireDeclared(names)
  refuseUnauthorized(names, writer)
  for (const name of names) {
    const attribute = schema.find(name)
    if (attribute?.Required) throw invalidParameter(`user.${name}: Required attribute cannot be deleted.`)
    if (attribute && !attribute.Mutable) throw immutable(name)
  }
  const attributes: Record<string, string> = { ...user.attributes }
  const codes = { ...user.attributeCodes }
  const pending = { ...user.pendingAttributes }
  for (const name of names) {
    delete attributes[name]
    // Without the address, neither its verified flag, a code sent for it nor a value waiting for one means anything.
    if (name === 'email' || name === 'phone_number') {
      delete attributes[VERIFIED_FLAG[name]]
      delete codes[name]
      delete pending[name]
    }
  }
  return deps.store.updateUser(user, {
    attributes,
    attributeCodes: Object.keys(codes).length > 0 ? codes : undefined,
    pendingAttributes: Object.keys(pending).length > 0 ? pending : undefined,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
}

/** `name` as an attribute that can be verified, or Cognito's refusal. */
export function verifiableAttribute(name: string): VerifiableAttribute {
  if (name === 'email' || name === 'phone_number') return name
  throw invalidParameter(`Attribute ${name} cannot be verified: only email and phone_number can be verified.`)
}

/** GetUserAttributeVerificationCode: a new code for `name`, printed, within the hour's limit. */
export function sendVerificationCode(deps: Deps, user: UserRecord, name: VerifiableAttribute): CodeDeliveryDetailsType {
  // A value waiting for verification is the one a new code is for.
  const value = user.pendingAttributes?.[name] ?? user.attributes[name]
  if (!value) throw invalidParameter(`The user has no ${name} to verify.`)
  refuseOverLimit(user.attributeCodeAttempts, 'resends', LIMITS, deps.clock)
  const { code, delivery } = newCode(deps, user, name, value)
  deps.store.updateUser(user, {
    attributeCodes: { ...user.attributeCodes, [name]: code },
    attributeCodeAttempts: attemptCounted(user.attributeCodeAttempts, 'resends', deps.clock),
  })
  return delivery
}

/** VerifyUserAttribute: `name` becomes verified when `code` is the one last sent for it. */
export function verifyAttribute(deps: Deps, pool: PoolRecord, user: UserRecord, name: VerifiableAttribute, code: string): void {
  const expected = user.attributeCodes?.[name]
  if (!expected || expected.expiresAt <= deps.clock.now() || !user.attributes[name]) {
    throw cognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.')
  }
  refuseOverLimit(user.attributeCodeAttempts, 'wrongCodes', LIMITS, deps.clock)
  if (code !== expected.code) {
    deps.store.updateUser(user, { attributeCodeAttempts: attemptCounted(user.attributeCodeAttempts, 'wrongCodes', deps.clock) })
    throw cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.')
  }
  const { [name]: _used, ...codes } = user.attributeCodes ?? {}
  const { [name]: waiting, ...pending } = user.pendingAttributes ?? {}
  // Another user may have taken the waiting value as their sign-in value since it was asked for.
  if (waiting !== undefined) refuseTakenSignInValue(pool, deps.store.listUsers(pool.id), name, waiting, 'AliasExistsException', user)
  deps.store.updateUser(user, {
    // A value that waited for this code replaces the current one now (UserAttributeUpdateSettings).
    attributes: { ...user.attributes, ...(waiting === undefined ? {} : { [name]: waiting }), [VERIFIED_FLAG[name]]: 'true' },
    attributeCodes: Object.keys(codes).length > 0 ? codes : undefined,
    pendingAttributes: Object.keys(pending).length > 0 ? pending : undefined,
    lastModifiedAt: Math.floor(deps.clock.now() / 1000),
  })
}

/** A six-digit code for `value`, printed (nothing is sent), and how CodeDeliveryDetails describes its delivery. */
function newCode(
  deps: Deps,
  user: UserRecord,
  name: VerifiableAttribute,
  value: string,
): { code: { code: string; expiresAt: number }; delivery: CodeDeliveryDetailsType } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  deps.log(`Verification code for ${user.username} <${value}>: ${code}`)
  const delivery: CodeDeliveryDetailsType =
    name === 'email'
      ? { Destination: maskEmail(value), DeliveryMedium: 'EMAIL', AttributeName: 'email' }
      : { Destination: maskPhone(value), DeliveryMedium: 'SMS', AttributeName: 'phone_number' }
  return { code: { code, expiresAt: deps.clock.now() + CODE_VALIDITY_MS }, delivery }
}

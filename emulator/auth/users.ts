import { randomInt, randomUUID } from 'node:crypto'
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider'
import { cognitoError, invalidParameter } from '../errors.ts'
import type { Deps } from '../deps.ts'
import type { PoolRecord, UserRecord, UserStatus } from '../state/model.ts'
import { isPhoneNumber, attributeSchema, refuseTakenSignInValue } from './attributes.ts'
import { passwordVerifier } from './password.ts'

/**
 * `local@domain.tld`: one @, no white space, a dot inside the domain. A plain scan, linear in the
 * length: the regular expression it replaces (`[^\s@]+\.[^\s@]+` after the @) backtracked over
 * every dot, so 128,000 of them held the server for seconds (docs/cognito-behaviour.md#input-limits).
 */
export function isEmailAddress(text: string): boolean {
  const at = text.indexOf('@')
  if (at <= 0 || at !== text.lastIndexOf('@') || /\s/u.test(text)) return false
  const domain = text.slice(at + 1)
  // A dot with at least one character on each side: the first dot after the domain's first
  // character, if that one is last, no other dot is inside.
  const dot = domain.indexOf('.', 1)
  return dot !== -1 && dot < domain.length - 1
}

/** Cognito's format checks on the values a request writes: email and phone number (docs/cognito-behaviour.md#user-attributes). */
export function checkAttributeValues(attributes: Readonly<Record<string, string>>): void {
  if (attributes.email !== undefined && attributes.email !== '' && !isEmailAddress(attributes.email)) {
    throw invalidParameter('Invalid email address format.')
  }
  if (attributes.phone_number !== undefined && attributes.phone_number !== '' && !isPhoneNumber(attributes.phone_number)) {
    throw invalidParameter('Invalid phone number format.')
  }
}

/**
 * The attribute a pool with UsernameAttributes takes the typed name as: `email` for an address,
 * `phone_number` for an E.164 number (docs/cognito-behaviour.md#usernames-and-user-ids).
 */
function usernameAttributeOf(pool: PoolRecord, requestedName: string): 'email' | 'phone_number' {
  const email = pool.usernameAttributes.includes('email')
  const phone = pool.usernameAttributes.includes('phone_number')
  if (email && isEmailAddress(requestedName)) return 'email'
  if (phone && isPhoneNumber(requestedName)) return 'phone_number'
  if (email && phone) throw invalidParameter('Username should be either an email or a phone number.')
  throw invalidParameter(email ? 'Username should be an email.' : 'Username should be a phone number.')
}

/**
 * A new user record. With `UsernameAttributes` (email and/or phone_number) the sign-in name is the
 * email or phone number and the stored username is a UUID, as AWS does
 * (docs/cognito-behaviour.md#usernames-and-user-ids). `existsMessage` is the operation's text for a
 * taken username (SignUp's and AdminCreateUser's differ).
 */
export function createUser(
  deps: Deps,
  pool: PoolRecord,
  requestedName: string,
  attributes: Record<string, string>,
  status: UserStatus,
  password: string,
  existsMessage: 'User already exists' | 'User account already exists' = 'User already exists',
): UserRecord {
  const schema = attributeSchema(pool)
  schema.requireDeclared(Object.keys(attributes))
  const signsInWithAttribute = pool.usernameAttributes.length > 0
  if (signsInWithAttribute) attributes = { ...attributes, [usernameAttributeOf(pool, requestedName)]: requestedName }
  checkAttributeValues(attributes)
  schema.checkValues(attributes)
  if (deps.store.findUser(pool, requestedName)) throw cognitoError('UsernameExistsException', existsMessage)
  const others = deps.store.listUsers(pool.id)
  for (const name of ['email', 'phone_number'] as const) {
    if (attributes[name]) refuseTakenSignInValue(pool, others, name, attributes[name], 'UsernameExistsException')
  }
  const sub = randomUUID()
  const username = signsInWithAttribute ? sub : requestedName
  const now = Math.floor(deps.clock.now() / 1000)
  const { sub: _ignored, ...rest } = attributes
  return {
    poolId: pool.id,
    username,
    sub,
    attributes: rest,
    status,
    enabled: true,
    createdAt: now,
    lastModifiedAt: now,
    srp: passwordVerifier(pool, username, password),
    mfa: { enabled: [] },
    totp: {},
    failedPasswordAttempts: 0,
  }
}

/**
 * A sign-up confirmation code, valid 24 h, as the user's new `confirmationCode` (the caller
 * stores it); this emulator sends no mail, it prints the code.
 */
export function issueConfirmationCode(
  deps: Deps,
  user: UserRecord,
): { confirmationCode: UserRecord['confirmationCode']; delivery?: CodeDeliveryDetailsType } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const confirmationCode = { code, expiresAt: deps.clock.now() + 24 * 3600_000, triesLeft: 5 }
  const email = user.attributes.email
  deps.log(`Confirmation code for ${user.username}${email ? ` <${email}>` : ''}: ${code}`)
  if (!email) return { confirmationCode }
  return { confirmationCode, delivery: { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' } }
}

/** An address as CodeDeliveryDetails shows it: its first letter and the domain's, the rest hidden. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@')
  return `${local.charAt(0)}***@${domain.charAt(0)}***`
}

/** A phone number as CodeDeliveryDetails shows it: its last four digits, the rest hidden. */
export function maskPhone(phone: string): string {
  return `+${'*'.repeat(Math.max(phone.length - 5, 0))}${phone.slice(-4)}`
}

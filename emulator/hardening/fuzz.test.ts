// Issue 9: a bounded, seeded fuzz run through the real HTTP server. Every operation gets bodies
// that mix plausible members (real pool, client and user names, so requests get past the first
// checks) with hostile ones: huge strings, lists nested 100,000 deep, prototype names as values
// and as keys, wrong types, control characters, lone surrogates. Whatever comes in, the answer
// is Cognito-shaped, never a 500, never slow, and the server still works afterwards
// (docs/cognito-behaviour.md#input-limits).
import { failOnConsoleError, useLocalPool } from '../../tests/contract/harness.ts'
import { operations } from '../operations/index.ts'

const SEED = 0x9e3779b9
const REQUESTS = 2_000
/** Per answer; generous, for a loaded two-core CI machine (a healthy answer takes milliseconds). */
const ANSWER_BOUND_MS = 2_000
const TARGET = 'AWSCognitoIdentityProviderService'

failOnConsoleError()
const local = useLocalPool()

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (probability: number) => next() < probability,
  }
}
type Random = ReturnType<typeof generator>

// The members of each operation's request in the service model (those the emulator reads or could
// be asked to), so hostile values land where they are read.
const MEMBERS: Readonly<Record<string, readonly string[]>> = {
  AdminAddUserToGroup: ['UserPoolId', 'Username', 'GroupName'],
  AdminConfirmSignUp: ['UserPoolId', 'Username'],
  AdminCreateUser: ['UserPoolId', 'Username', 'UserAttributes', 'TemporaryPassword', 'MessageAction'],
  AdminDeleteSoftwareToken: ['UserPoolId', 'Username'],
  AdminDeleteUser: ['UserPoolId', 'Username'],
  AdminDeleteUserAttributes: ['UserPoolId', 'Username', 'UserAttributeNames'],
  AdminDisableUser: ['UserPoolId', 'Username'],
  AdminEnableUser: ['UserPoolId', 'Username'],
  AdminGetUser: ['UserPoolId', 'Username'],
  AdminInitiateAuth: ['UserPoolId', 'ClientId', 'AuthFlow', 'AuthParameters', 'Session'],
  AdminListGroupsForUser: ['UserPoolId', 'Username', 'Limit', 'NextToken'],
  AdminRemoveUserFromGroup: ['UserPoolId', 'Username', 'GroupName'],
  AdminResetUserPassword: ['UserPoolId', 'Username'],
  AdminRespondToAuthChallenge: ['UserPoolId', 'ClientId', 'ChallengeName', 'ChallengeResponses', 'Session'],
  AdminSetUserMFAPreference: ['SMSMfaSettings', 'SoftwareTokenMfaSettings', 'EmailMfaSettings', 'Username', 'UserPoolId'],
  AdminSetUserPassword: ['UserPoolId', 'Username', 'Password', 'Permanent'],
  AdminUpdateUserAttributes: ['UserPoolId', 'Username', 'UserAttributes', 'ClientMetadata'],
  AdminUserGlobalSignOut: ['UserPoolId', 'Username'],
  AssociateSoftwareToken: ['AccessToken', 'Session'],
  ChangePassword: ['PreviousPassword', 'ProposedPassword', 'AccessToken'],
  ConfirmSignUp: ['ClientId', 'Username', 'ConfirmationCode', 'Session'],
  CreateGroup: ['UserPoolId', 'GroupName', 'Description', 'RoleArn', 'Precedence'],
  CreateUserPool: [
    'PoolName',
    'Policies',
    'AutoVerifiedAttributes',
    'AliasAttributes',
    'UsernameAttributes',
    'MfaConfiguration',
    'SmsConfiguration',
    'UsernameConfiguration',
  ],
  CreateUserPoolClient: [
    'UserPoolId',
    'ClientName',
    'GenerateSecret',
    'RefreshTokenValidity',
    'AccessTokenValidity',
    'IdTokenValidity',
    'TokenValidityUnits',
    'ExplicitAuthFlows',
    'PreventUserExistenceErrors',
    'EnableTokenRevocation',
    'AuthSessionValidity',
  ],
  ConfirmForgotPassword: ['ClientId', 'Username', 'ConfirmationCode', 'Password'],
  DeleteGroup: ['UserPoolId', 'GroupName'],
  DeleteUserPool: ['UserPoolId'],
  DeleteUserPoolClient: ['UserPoolId', 'ClientId'],
  DescribeUserPool: ['UserPoolId'],
  DescribeUserPoolClient: ['UserPoolId', 'ClientId'],
  DeleteUserAttributes: ['UserAttributeNames', 'AccessToken'],
  ForgotPassword: ['ClientId', 'Username'],
  GetGroup: ['UserPoolId', 'GroupName'],
  GetTokensFromRefreshToken: ['RefreshToken', 'ClientId', 'DeviceKey'],
  GetUser: ['AccessToken'],
  GetUserAttributeVerificationCode: ['AccessToken', 'AttributeName', 'ClientMetadata'],
  GetUserPoolMfaConfig: ['UserPoolId'],
  GlobalSignOut: ['AccessToken'],
  InitiateAuth: ['AuthFlow', 'AuthParameters', 'ClientId', 'Session'],
  ListGroups: ['UserPoolId', 'Limit', 'NextToken'],
  ListUserPoolClients: ['UserPoolId', 'MaxResults', 'NextToken'],
  ListUserPools: ['NextToken', 'MaxResults'],
  ListUsers: ['UserPoolId', 'AttributesToGet', 'Limit', 'PaginationToken', 'Filter'],
  ListUsersInGroup: ['UserPoolId', 'GroupName', 'Limit', 'NextToken'],
  ResendConfirmationCode: ['ClientId', 'Username'],
  RespondToAuthChallenge: ['ClientId', 'ChallengeName', 'Session', 'ChallengeResponses'],
  RevokeToken: ['Token', 'ClientId'],
  SetUserMFAPreference: ['SMSMfaSettings', 'SoftwareTokenMfaSettings', 'EmailMfaSettings', 'AccessToken'],
  SetUserPoolMfaConfig: ['UserPoolId', 'SmsMfaConfiguration', 'SoftwareTokenMfaConfiguration', 'EmailMfaConfiguration', 'MfaConfiguration'],
  SignUp: ['ClientId', 'Username', 'Password', 'UserAttributes'],
  UpdateUserAttributes: ['UserAttributes', 'AccessToken', 'ClientMetadata'],
  UpdateGroup: ['UserPoolId', 'GroupName', 'Description', 'RoleArn', 'Precedence'],
  UpdateUserPool: ['UserPoolId', 'PoolName', 'Policies', 'AutoVerifiedAttributes', 'MfaConfiguration', 'SmsConfiguration', 'UserPoolTags'],
  UpdateUserPoolClient: [
    'UserPoolId',
    'ClientId',
    'ClientName',
    'RefreshTokenValidity',
    'AccessTokenValidity',
    'IdTokenValidity',
    'TokenValidityUnits',
    'ExplicitAuthFlows',
    'PreventUserExistenceErrors',
    'EnableTokenRevocation',
    'AuthSessionValidity',
  ],
  VerifySoftwareToken: ['AccessToken', 'Session', 'UserCode', 'FriendlyDeviceName'],
  VerifyUserAttribute: ['AccessToken', 'AttributeName', 'Code'],
  // Device tracking (docs/cognito-behaviour.md#device-operations).
  AdminForgetDevice: ['UserPoolId', 'Username', 'DeviceKey'],
  AdminGetDevice: ['UserPoolId', 'Username', 'DeviceKey'],
  AdminListDevices: ['UserPoolId', 'Username', 'Limit', 'PaginationToken'],
  AdminUpdateDeviceStatus: ['UserPoolId', 'Username', 'DeviceKey', 'DeviceRememberedStatus'],
  ConfirmDevice: ['AccessToken', 'DeviceKey', 'DeviceSecretVerifierConfig', 'DeviceName'],
  ForgetDevice: ['AccessToken', 'DeviceKey'],
  GetDevice: ['AccessToken', 'DeviceKey'],
  ListDevices: ['AccessToken', 'Limit', 'PaginationToken'],
  UpdateDeviceStatus: ['AccessToken', 'DeviceKey', 'DeviceRememberedStatus'],
}
const ALL_MEMBERS = [...new Set(Object.values(MEMBERS).flat())]

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__']
const NASTY_TEXT = [
  '\nREADY http://evil.example',
  '\u001b[2J\u001b[31mred',
  '\u009b31m',
  '\u0000',
  '\u007f',
  '\u2028\u2029',
  '\u202eevil',
  '\ud800',
  '\udfff',
  'ログイン',
  '👩‍💻',
  "' OR 1=1 --",
  '%s%n',
  '${jndi:x}',
  '../../etc/passwd',
  '"',
  '\\',
  ' ',
  '',
]
const ENUM_WORDS = [
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'REFRESH_TOKEN_AUTH',
  'SOFTWARE_TOKEN_MFA',
  'ON',
  'OFF',
  'OPTIONAL',
  'ENABLED',
  'hours',
]

/** JSON text for a value; deep nesting is written out directly (JSON.stringify would recurse). */
function hostileValue(random: Random, member: string): string {
  switch (random.int(12)) {
    case 0:
      return JSON.stringify(random.pick(['x', 'a', '.', '@', 'ア', '\u0000']).repeat(random.pick([129, 257, 2049, 20_000, 60_000])))
    case 1: {
      const depth = random.pick([100, 100_000, 100_000])
      const [open, close] = random.chance(0.5) ? ['[', ']'] : ['{"a":', '}']
      return `${open.repeat(depth)}"x"${close.repeat(depth)}`
    }
    case 2:
      // As a value, and as the attribute of a ListUsers filter.
      return JSON.stringify(random.chance(0.5) ? random.pick(PROTOTYPE_NAMES) : `${random.pick(PROTOTYPE_NAMES)} ${random.pick(['=', '^='])} "a"`)
    case 3:
      // A map whose keys are prototype names ("__proto__" included, as JSON.parse makes it an own key).
      return `{${JSON.stringify(random.pick(PROTOTYPE_NAMES))}:${JSON.stringify(random.pick(['x', 1, null, {}, []]))},"USERNAME":"alice"}`
    case 4:
      return JSON.stringify(random.pick([0, -1, 1.5, 1e308, -1e308, true, false, null, [], {}, [null], [1, 2], { Name: 1 }]))
    case 5:
      return JSON.stringify(random.pick(NASTY_TEXT) + random.pick(['', 'alice', member]))
    case 6:
      return JSON.stringify(random.pick(ENUM_WORDS).toLowerCase() + random.pick(NASTY_TEXT))
    case 7:
      return JSON.stringify([
        { Name: random.pick(['email', 'name', 'custom:x', ...PROTOTYPE_NAMES, 'a'.repeat(40)]), Value: random.pick(NASTY_TEXT) },
      ])
    case 8:
      return JSON.stringify({ Name: 'email', Value: `a@${'.'.repeat(random.pick([10, 3000, 100_000]))}@` })
    case 9:
      return JSON.stringify(random.pick(ENUM_WORDS))
    case 10:
      return JSON.stringify({
        Enabled: random.pick([true, 'true', null, {}]),
        PreferredMfa: random.pick([true, 1]),
        AccessToken: random.pick(['hours', 'x']),
      })
    default:
      return JSON.stringify([random.pick(NASTY_TEXT), [random.pick(PROTOTYPE_NAMES)], 'ALLOW_USER_SRP_AUTH'])
  }
}

/** A well-formed value for a member, so a request gets past its first checks to deeper code. */
function plausible(random: Random, member: string): unknown {
  switch (member) {
    case 'UserPoolId':
      return local.pool.userPoolId
    case 'ClientId':
      return local.pool.clientId
    case 'Username':
      return random.pick(['alice', 'dave', `fuzz${random.int(1000)}`])
    case 'Password':
    case 'TemporaryPassword':
    case 'PreviousPassword':
    case 'ProposedPassword':
      return random.pick(['Fuzz-pass-2026!', 'Alice-demo-2026!'])
    case 'PoolName':
    case 'ClientName':
      return 'fuzz'
    case 'AuthFlow':
      return random.pick(ENUM_WORDS.slice(0, 4))
    case 'AuthParameters':
      return { USERNAME: 'alice', PASSWORD: random.pick(['Alice-demo-2026!', 'wrong']), SRP_A: 'ab' }
    case 'ChallengeName':
      return random.pick(['SOFTWARE_TOKEN_MFA', 'PASSWORD_VERIFIER', 'NEW_PASSWORD_REQUIRED', 'MFA_SETUP'])
    case 'ChallengeResponses':
      return { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: '123456', NEW_PASSWORD: 'Fuzz-pass-2026!' }
    case 'Session':
      return 'S'.repeat(40)
    case 'UserCode':
    case 'ConfirmationCode':
    case 'Code':
      return '123456'
    case 'AttributeName':
      return random.pick(['email', 'phone_number', 'given_name'])
    case 'UserAttributeNames':
    case 'AttributesToGet':
      return [random.pick(['given_name', 'email', 'custom:team'])]
    case 'MaxResults':
    case 'Limit':
      return 10
    case 'Filter':
      return 'username ^= "a"'
    case 'UserAttributes':
      return [{ Name: 'email', Value: `fuzz${random.int(1000)}@example.com` }]
    case 'ExplicitAuthFlows':
      return ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']
    case 'MfaConfiguration':
      return 'OPTIONAL'
    case 'SoftwareTokenMfaConfiguration':
    case 'SoftwareTokenMfaSettings':
      return { Enabled: true }
    case 'GroupName':
      return random.pick(['admins', 'staff'])
    case 'Precedence':
      return random.int(10)
    case 'RoleArn':
      return 'arn:aws:iam::000000000000:role/fuzz'
    default:
      return undefined
  }
}

/** A body under the 1 MiB the server reads (a larger one is refused before any operation runs). */
function body(random: Random, operation: string): string {
  for (;;) {
    const text = candidateBody(random, operation)
    if (Buffer.byteLength(text) < 1_000_000) return text
  }
}

/** Given the shared pool's id, these would leave the rest of the run nothing to reach: hostile members only. */
const DESTRUCTIVE: ReadonlySet<string> = new Set(['DeleteUserPool', 'DeleteUserPoolClient'])

function candidateBody(random: Random, operation: string): string {
  const members: Record<string, string> = {}
  for (const member of DESTRUCTIVE.has(operation) ? [] : MEMBERS[operation]) {
    const value = plausible(random, member)
    if (value !== undefined && random.chance(0.9)) members[member] = JSON.stringify(value)
  }
  const hostile = 1 + random.int(2)
  for (let i = 0; i < hostile; i++) {
    const member = random.pick(random.chance(0.85) ? MEMBERS[operation] : ALL_MEMBERS)
    members[member] = hostileValue(random, member)
  }
  // Prototype names as top-level members too.
  if (random.chance(0.1)) members[random.pick(PROTOTYPE_NAMES)] = '"x"'
  return `{${Object.entries(members)
    .map(([name, value]) => `${JSON.stringify(name)}:${value}`)
    .join(',')}}`
}

type Failure = { operation: string; body: string; why: string }

async function send(operation: string, text: string): Promise<Failure | undefined> {
  const started = performance.now()
  let response: Response
  try {
    response = await fetch(local.emulator.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.${operation}` },
      body: text,
    })
  } catch (error) {
    // e.g. a header the client cannot parse
    return { operation, body: text, why: `request failed: ${String((error as Error).cause ?? error)}` }
  }
  const answer = await response.text()
  const ms = performance.now() - started
  if (ms > ANSWER_BOUND_MS) return { operation, body: text, why: `answered in ${ms.toFixed(0)} ms` }
  if (response.status >= 500) return { operation, body: text, why: `status ${response.status}: ${answer.slice(0, 200)}` }
  if (response.status === 200) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(answer)
  } catch {
    return { operation, body: text, why: `status ${response.status} with a body that is not JSON` }
  }
  const error = parsed as Record<string, unknown>
  const shaped =
    typeof error === 'object' &&
    error !== null &&
    Object.keys(error).sort().join() === '__type,message' &&
    typeof error.__type === 'string' &&
    typeof error.message === 'string' &&
    response.headers.get('x-amzn-errortype') === `${error.__type}:`
  if (!shaped) return { operation, body: text, why: `status ${response.status}, not Cognito-shaped: ${answer.slice(0, 200)}` }
  return undefined
}

test('the run covers every operation the emulator has', () => {
  expect(Object.keys(MEMBERS).sort()).toEqual(Object.keys(operations).sort())
})

test(`${REQUESTS} seeded hostile requests over every operation: Cognito-shaped answers, no 500, none slow`, { timeout: 60_000 }, async () => {
  const random = generator(SEED)
  const names = Object.keys(operations)
  const failures: Failure[] = []
  // A few requests in flight at a time, as a browser and a test runner would send them.
  const inFlight = 4
  let sent = 0
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (sent < REQUESTS) {
        sent++
        const operation = names[sent % names.length]
        const failure = await send(operation, body(random, operation))
        if (failure) failures.push(failure)
      }
    }),
  )
  const report = failures.slice(0, 5).map((failure) => `${failure.operation}: ${failure.why}\n  body: ${failure.body.slice(0, 300)}`)
  expect(report, `${failures.length} of ${REQUESTS} answers were wrong`).toEqual([])

  // The server still answers a normal request, sign-in included (in the pool the run left alone: it
  // may have locked out, deleted or changed the users and client of the first one).
  const untouched = local.emulator.pools()[1]
  const user = untouched.users[0]
  const pools = await fetch(local.emulator.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.ListUserPools` },
    body: '{"MaxResults": 60}',
  })
  expect(pools.status).toBe(200)
  const signIn = await fetch(local.emulator.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.AdminInitiateAuth` },
    body: JSON.stringify({
      UserPoolId: untouched.userPoolId,
      ClientId: untouched.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  })
  expect(signIn.status, await signIn.clone().text()).toBe(200)
})

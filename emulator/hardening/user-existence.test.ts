// Issue 9, item 4: with PreventUserExistenceErrors ENABLED a name the pool does not know must be
// answered exactly as a real user with a wrong password is (docs/cognito-behaviour.md#unknown-users).
// Timing is measured by scripts/user-existence-timing.ts, not asserted here.
import { UnknownNames } from '../auth/unknown-names.ts'
import { unknownNameKey } from '../auth/unknown-users.ts'
import { CognitoError } from '../errors.ts'
import { confirmSignUp } from '../operations/confirm-sign-up.ts'
import { initiateAuth } from '../operations/initiate-auth.ts'
import { resendConfirmationCode } from '../operations/resend-confirmation-code.ts'
import { signUp } from '../operations/sign-up.ts'
import { createTestClock } from '../state/clock.ts'
import { Store } from '../state/store.ts'
import {
  PASSWORD,
  T0,
  call,
  createApp,
  createTestDeps,
  createUser,
  failure,
  passwordClaim,
  respond,
  srpClientStart,
  srpTimestamp,
  type App,
  type AuthReply,
  type TestDeps,
} from '../test-support.ts'

const WRONG = 'Wr0ng-Horse!'
const INCORRECT = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }
const LOCKED = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' }
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const ENABLED_CLIENT = {
  PreventUserExistenceErrors: 'ENABLED',
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
}

function passwordSignIn(deps: TestDeps, app: App, username: string, password: string = WRONG) {
  return initiateAuth({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }, deps)
}

async function srpStart(deps: TestDeps, app: App, username: string) {
  const { a, srpA } = srpClientStart()
  const reply = (await initiateAuth(
    { ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srpA } },
    deps,
  )) as AuthReply
  return { a, reply }
}

/** The whole SRP exchange with `password`, as Amplify runs it: USERNAME back as the challenge gave it. */
async function srpSignIn(deps: TestDeps, app: App, username: string, password: string = WRONG) {
  const { a, reply } = await srpStart(deps, app, username)
  const answers = passwordClaim({
    poolId: app.poolId,
    a,
    challengeParameters: reply.ChallengeParameters,
    password,
    timestamp: srpTimestamp(deps.clock.now()),
  })
  return respond(deps, app, 'PASSWORD_VERIFIER', reply.Session, { ...answers, USERNAME: reply.ChallengeParameters.USERNAME })
}

/** What a caller can see of the first SRP step, with the random parts reduced to their shape. */
function shapeOf(parameters: Record<string, string>) {
  return {
    keys: Object.keys(parameters),
    salt: /^[0-9a-f]{32}$/.test(parameters.SALT),
    srpB: /^[0-9a-f]{700,768}$/.test(parameters.SRP_B),
    secretBlockLength: parameters.SECRET_BLOCK.length,
    usernameIsUserId: parameters.USERNAME === parameters.USER_ID_FOR_SRP,
    userIdIsUuid: UUID_V4.test(parameters.USER_ID_FOR_SRP),
  }
}

const pools = [
  { kind: 'a username pool', pool: {}, real: 'alice', unknown: 'nobody', email: 'alice@example.com' },
  {
    kind: 'an email-username pool',
    pool: { UsernameAttributes: ['email'] },
    real: 'alice@example.com',
    unknown: 'nobody@example.com',
    email: 'alice@example.com',
  },
]

describe.each(pools)('with PreventUserExistenceErrors ENABLED, in $kind', ({ pool, real, unknown, email }) => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { input: pool }, ENABLED_CLIENT)
    await createUser(deps, app.poolId, real, { email })
  })

  test('USER_PASSWORD_AUTH: the same answer for a wrong password and an unknown name', async () => {
    expect(await failure(passwordSignIn(deps, app, real))).toEqual(INCORRECT)
    expect(await failure(passwordSignIn(deps, app, unknown))).toEqual(INCORRECT)
  })

  test('USER_SRP_AUTH: the same challenge shape, a salt that stays the same for both, USER_ID_FOR_SRP alike', async () => {
    const realReplies = [await srpStart(deps, app, real), await srpStart(deps, app, real)].map(({ reply }) => reply)
    const unknownReplies = [await srpStart(deps, app, unknown), await srpStart(deps, app, unknown)].map(({ reply }) => reply)
    for (const replies of [realReplies, unknownReplies]) {
      expect(replies.map((reply) => reply.ChallengeName)).toEqual(['PASSWORD_VERIFIER', 'PASSWORD_VERIFIER'])
      expect(replies[0].ChallengeParameters.SALT).toBe(replies[1].ChallengeParameters.SALT)
      expect(replies[0].ChallengeParameters.USER_ID_FOR_SRP).toBe(replies[1].ChallengeParameters.USER_ID_FOR_SRP)
      expect(replies[0].ChallengeParameters.SRP_B).not.toBe(replies[1].ChallengeParameters.SRP_B)
    }
    expect(shapeOf(unknownReplies[0].ChallengeParameters)).toEqual(shapeOf(realReplies[0].ChallengeParameters))
    expect(unknownReplies[0].ChallengeParameters.SALT).not.toBe(realReplies[0].ChallengeParameters.SALT)
  })

  test('PASSWORD_VERIFIER: the same answer for a wrong password and an unknown name, even with the right one', async () => {
    expect(await failure(srpSignIn(deps, app, real))).toEqual(INCORRECT)
    expect(await failure(srpSignIn(deps, app, unknown))).toEqual(INCORRECT)
    expect(await failure(srpSignIn(deps, app, unknown, PASSWORD))).toEqual(INCORRECT)
  })

  // Issue 12, item 3: only LEGACY clients say "not confirmed" before the password (docs/cognito-behaviour.md#account-states).
  test('an unconfirmed user with a wrong password answers as an unknown name does', async () => {
    const pending = real.replace('alice', 'carol')
    await signUp(
      { ClientId: app.clientId, Username: pending, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email.replace('alice', 'carol') }] },
      deps,
    )
    for (const name of [pending, unknown]) {
      expect(await failure(passwordSignIn(deps, app, name))).toEqual(INCORRECT)
      expect(await failure(srpSignIn(deps, app, name))).toEqual(INCORRECT)
    }
  })

  test('PASSWORD_VERIFIER without a Session (SECRET_BLOCK as the handle): the same answers for both', async () => {
    for (const name of [real, unknown]) {
      const { a, reply } = await srpStart(deps, app, name)
      const answers = {
        ...passwordClaim({
          poolId: app.poolId,
          a,
          challengeParameters: reply.ChallengeParameters,
          password: WRONG,
          timestamp: srpTimestamp(deps.clock.now()),
        }),
        USERNAME: reply.ChallengeParameters.USERNAME,
      }
      expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, answers))).toEqual(INCORRECT)
      // Spent alike: the block of a decoy is single use as a user's is.
      expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', undefined, answers))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Invalid session for the user, session can only be used once.',
      })
    }
  })

  test('the same lockout: five wrong passwords, then "Password attempts exceeded" for 1 s, then 2 s', async () => {
    for (const name of [real, unknown]) {
      for (let i = 0; i < 5; i++) expect(await failure(passwordSignIn(deps, app, name))).toEqual(INCORRECT)
      expect(await failure(passwordSignIn(deps, app, name))).toEqual(LOCKED)
      expect(await failure(srpSignIn(deps, app, name))).toEqual(LOCKED)
    }
    deps.clock.advance(1000)
    for (const name of [real, unknown]) expect(await failure(srpSignIn(deps, app, name))).toEqual(INCORRECT)
    deps.clock.advance(1000)
    for (const name of [real, unknown]) expect(await failure(passwordSignIn(deps, app, name))).toEqual(LOCKED)
    deps.clock.advance(1000)
    for (const name of [real, unknown]) expect(await failure(passwordSignIn(deps, app, name))).toEqual(INCORRECT)
  })

  test('ConfirmSignUp: an unknown name gets the wrong-code answer a signed-up user gets', async () => {
    const pending = real.replace('alice', 'carol')
    await signUp(
      { ClientId: app.clientId, Username: pending, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email.replace('alice', 'carol') }] },
      deps,
    )
    const wrongCode = (username: string) => failure(confirmSignUp({ ClientId: app.clientId, Username: username, ConfirmationCode: '000000' }, deps))
    expect(await wrongCode(unknown)).toEqual(await wrongCode(pending))
    expect(await wrongCode(unknown)).toEqual({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' })
  })

  test('sign-up codes: an unknown name meets the tries per code, the new code and the hourly limits a signed-up user meets', async () => {
    const pending = real.replace('alice', 'carol')
    await signUp(
      { ClientId: app.clientId, Username: pending, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email.replace('alice', 'carol') }] },
      deps,
    )
    const outcome = (work: Promise<unknown>) =>
      work.then(
        () => 'sent',
        (error: unknown) => (error instanceof CognitoError ? error.name : Promise.reject(error)),
      )
    const wrongCode = (username: string) => outcome(confirmSignUp({ ClientId: app.clientId, Username: username, ConfirmationCode: '000000' }, deps))
    const newCode = (username: string) => outcome(resendConfirmationCode({ ClientId: app.clientId, Username: username }, deps))
    // What the pending user meets, step by step; the unknown name must meet exactly the same.
    const answers = async (username: string) => {
      const seen: string[] = []
      for (let i = 0; i < 6; i++) seen.push(await wrongCode(username)) // five tries spend the code
      seen.push(await newCode(username))
      for (let i = 0; i < 5; i++) seen.push(await wrongCode(username)) // the hour's tenth wrong code
      seen.push(await newCode(username), await wrongCode(username)) // a new code, but no more guesses this hour
      for (let i = 0; i < 4; i++) seen.push(await newCode(username)) // the sixth new code of the hour is refused
      deps.clock.advance(3600_000)
      seen.push(await newCode(username), await wrongCode(username))
      return seen
    }
    const forPending = await answers(pending)
    expect(forPending).toEqual([
      ...Array(5).fill('CodeMismatchException'),
      'ExpiredCodeException',
      'sent',
      ...Array(5).fill('CodeMismatchException'),
      'sent',
      'LimitExceededException',
      ...Array(3).fill('sent'),
      'LimitExceededException',
      'sent',
      'CodeMismatchException',
    ])
    expect(await answers(unknown)).toEqual(forPending)
  })

  test('ResendConfirmationCode: an unknown name gets delivery details shaped like a signed-up user’s, the same each time', async () => {
    const pending = real.replace('alice', 'carol')
    await signUp(
      { ClientId: app.clientId, Username: pending, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email.replace('alice', 'carol') }] },
      deps,
    )
    const resend = (username: string) => call(resendConfirmationCode, { ClientId: app.clientId, Username: username }, deps)
    const shape = (reply: Awaited<ReturnType<typeof resend>>) => ({
      keys: Object.keys(reply),
      delivery: Object.keys(reply.CodeDeliveryDetails),
      destination: /^[a-z]\*\*\*@[a-z]\*\*\*$/.test(reply.CodeDeliveryDetails.Destination),
      medium: reply.CodeDeliveryDetails.DeliveryMedium,
      attribute: reply.CodeDeliveryDetails.AttributeName,
    })
    const forUnknown = await resend(unknown)
    expect(shape(forUnknown)).toEqual(shape(await resend(pending)))
    expect(await resend(unknown)).toEqual(forUnknown)
    expect(deps.logs.filter((line) => line.includes(unknown))).toEqual([])
  })
})

describe('decoys', () => {
  test('every spelling of a name in a case-insensitive pool has one salt, as a real user has', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { input: { UsernameConfiguration: { CaseSensitive: false } } }, ENABLED_CLIENT)
    const salts = new Set<string>()
    for (const name of ['nobody', 'NoBody', 'NOBODY']) salts.add((await srpStart(deps, app, name)).reply.ChallengeParameters.SALT)
    expect(salts.size).toBe(1)
  })

  test('in an email-username pool an address in any case has one salt and one USER_ID_FOR_SRP', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { input: { UsernameAttributes: ['email'] } }, ENABLED_CLIENT)
    const first = (await srpStart(deps, app, 'nobody@example.com')).reply.ChallengeParameters
    const second = (await srpStart(deps, app, 'NoBody@Example.COM')).reply.ChallengeParameters
    expect([second.SALT, second.USER_ID_FOR_SRP]).toEqual([first.SALT, first.USER_ID_FOR_SRP])
  })

  test('a case-sensitive pool keeps names that differ in case apart, as it keeps users apart', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, {}, ENABLED_CLIENT)
    const lower = (await srpStart(deps, app, 'nobody')).reply.ChallengeParameters.SALT
    expect((await srpStart(deps, app, 'Nobody')).reply.ChallengeParameters.SALT).not.toBe(lower)
  })

  test('another pool gives the same name another salt; a restart (the state file read back) keeps it', async () => {
    const deps = createTestDeps()
    const first = await createApp(deps, {}, ENABLED_CLIENT)
    const second = await createApp(deps, {}, ENABLED_CLIENT)
    const salt = (await srpStart(deps, first, 'nobody')).reply.ChallengeParameters.SALT
    expect((await srpStart(deps, second, 'nobody')).reply.ChallengeParameters.SALT).not.toBe(salt)
    const restarted = { ...createTestDeps(), store: new Store(JSON.parse(JSON.stringify(deps.store.toJSON()))) }
    expect((await srpStart(restarted, first, 'nobody')).reply.ChallengeParameters.SALT).toBe(salt)
  })

  test('a name that signs up later is a real user from then on: its own salt, and the old session is refused', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, {}, ENABLED_CLIENT)
    const before = await srpStart(deps, app, 'carol')
    await createUser(deps, app.poolId, 'carol')
    const after = (await srpStart(deps, app, 'carol')).reply.ChallengeParameters.SALT
    expect(after).not.toBe(before.reply.ChallengeParameters.SALT)
    const answers = passwordClaim({
      poolId: app.poolId,
      a: before.a,
      challengeParameters: before.reply.ChallengeParameters,
      password: PASSWORD,
      timestamp: srpTimestamp(deps.clock.now()),
    })
    expect(await failure(respond(deps, app, 'PASSWORD_VERIFIER', before.reply.Session, answers))).toEqual(INCORRECT)
  })
})

describe('names longer than any user can have (USERNAME may hold 131,072 characters)', () => {
  const LONG = 'A'.repeat(131_072)
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { input: { UsernameAttributes: ['email'] } }, ENABLED_CLIENT)
    for (let i = 0; i < 50; i++) await createUser(deps, app.poolId, `user${i}@example.com`, { email: `user${i}@example.com` })
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  test('are unknown names, looked up without going through the users with them (it froze the server for seconds)', async () => {
    // Each user's comparison lower-cased the whole name again: 131,072 characters × every user.
    const lowerCase = String.prototype.toLowerCase
    let longLowerings = 0
    vi.spyOn(String.prototype, 'toLowerCase').mockImplementation(function (this: string) {
      if (this.length > 2048) longLowerings += 1
      return lowerCase.call(this)
    })
    expect(await failure(passwordSignIn(deps, app, LONG))).toEqual(INCORRECT)
    expect(await failure(srpSignIn(deps, app, LONG))).toEqual(INCORRECT)
    expect(longLowerings).toBeLessThan(10)
  })

  test('are kept by a fixed-size key: their counts and their sessions do not hold the name', async () => {
    const { reply } = await srpStart(deps, app, LONG)
    expect(JSON.stringify(deps.sessions.require(reply.Session, {})).length).toBeLessThan(4096)
    expect(unknownNameKey(deps.store.requirePool(app.poolId), LONG)).toHaveLength(43)
    for (let i = 0; i < 5; i++) expect(await failure(passwordSignIn(deps, app, LONG))).toEqual(INCORRECT)
    expect(await failure(passwordSignIn(deps, app, LONG))).toEqual(LOCKED)
  })
})

describe('with PreventUserExistenceErrors LEGACY an unknown name is still UserNotFoundException', () => {
  const NOT_FOUND = { name: 'UserNotFoundException', message: 'User does not exist.' }
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, {}, { ...ENABLED_CLIENT, PreventUserExistenceErrors: 'LEGACY' })
  })

  test('in USER_PASSWORD_AUTH and USER_SRP_AUTH', async () => {
    expect(await failure(passwordSignIn(deps, app, 'nobody'))).toEqual(NOT_FOUND)
    expect(await failure(srpStart(deps, app, 'nobody'))).toEqual(NOT_FOUND)
  })

  test('in ConfirmSignUp and ResendConfirmationCode', async () => {
    expect(await failure(confirmSignUp({ ClientId: app.clientId, Username: 'nobody', ConfirmationCode: '000000' }, deps))).toEqual(NOT_FOUND)
    expect(await failure(resendConfirmationCode({ ClientId: app.clientId, Username: 'nobody' }, deps))).toEqual(NOT_FOUND)
  })
})

describe('UnknownNames', () => {
  test('remembers at most its capacity of names, forgetting the one tried longest ago', () => {
    const lockout = new UnknownNames(createTestClock(T0), 3)
    const lockOut = (name: string) => {
      for (let i = 0; i < 5; i++) lockout.recordFailure('pool', name)
    }
    lockOut('a')
    lockOut('b')
    lockOut('c')
    lockOut('a') // tried again: now the most recent
    lockOut('d') // evicts b
    expect(lockout.size).toBe(3)
    expect(() => lockout.refuseWhileLockedOut('pool', 'b')).not.toThrow()
    for (const name of ['a', 'c', 'd']) expect(() => lockout.refuseWhileLockedOut('pool', name)).toThrow('Password attempts exceeded')
    expect(() => lockout.refuseWhileLockedOut('other-pool', 'a')).not.toThrow()
  })
})

import { adminSetUserPassword } from '../operations/admin-set-user-password.ts'
import { changePassword } from '../operations/change-password.ts'
import { createTestClock, type Clock } from '../state/clock.ts'
import type { UserRecord } from '../state/model.ts'
import {
  PASSWORD,
  STEP_MS,
  adminSignIn,
  codeNow,
  createApp,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  respond,
  signedIn,
  srpSignIn,
  storedUser,
  type App,
  type TestDeps,
} from '../test-support.ts'
import { defaultPasswordPolicy, enforcePasswordPolicy, passwordAttemptChanges, refuseWhileLockedOut } from './password.ts'

describe('enforcePasswordPolicy (default policy: 8+, upper, lower, digit, symbol)', () => {
  test.each([
    ['Sh0rt!a', 'Password did not conform with policy: Password not long enough'],
    ['lower-case-only-1', 'Password did not conform with policy: Password must have uppercase characters'],
    ['UPPER-CASE-ONLY-1', 'Password did not conform with policy: Password must have lowercase characters'],
    ['No-Digits-Here', 'Password did not conform with policy: Password must have numeric characters'],
    ['NoSymbols123', 'Password did not conform with policy: Password must have symbol characters'],
    [`Aa1!${'x'.repeat(253)}`, 'Password did not conform with policy: Password too long'],
  ])('%s → InvalidPasswordException "%s"', async (password, message) => {
    expect(await failure(() => enforcePasswordPolicy(defaultPasswordPolicy, password))).toEqual({ name: 'InvalidPasswordException', message })
  })

  test.each(['Corr3ct-Horse!', 'Aa1 aaaa', 'Aa1^aaaa', 'Aa1=aaaa', 'Aa1+aaaa'])('%s is accepted', (password) => {
    expect(() => enforcePasswordPolicy(defaultPasswordPolicy, password)).not.toThrow()
  })

  test('a relaxed policy only asks for what it lists', () => {
    const policy = { ...defaultPasswordPolicy, MinimumLength: 6, RequireUppercase: false, RequireSymbols: false, RequireNumbers: false }
    expect(() => enforcePasswordPolicy(policy, 'simple')).not.toThrow()
  })

  test('the pool policy is enforced by the operations that set a password', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const weak = adminSetUserPassword({ UserPoolId: app.poolId, Username: 'alice', Password: 'password', Permanent: true }, deps)
    expect((await failure(weak)).name).toBe('InvalidPasswordException')
  })
})

describe('passwordAttemptChanges', () => {
  const user = (): UserRecord => ({ failedPasswordAttempts: 0 }) as UserRecord
  const attempt = (record: UserRecord, succeeded: boolean, clock: Clock): UserRecord => ({
    ...record,
    ...passwordAttemptChanges(record, succeeded, clock),
  })

  test('locks for 1 s after the fifth failure in a row, then 2 s, 4 s …', () => {
    const clock = createTestClock(1_000_000)
    let record = user()
    for (let i = 0; i < 4; i++) record = attempt(record, false, clock)
    expect(record.lockedUntil).toBeUndefined()
    const locks: number[] = []
    for (let i = 0; i < 4; i++) {
      record = attempt(record, false, clock)
      locks.push(record.lockedUntil! - clock.now())
    }
    expect(locks).toEqual([1000, 2000, 4000, 8000])
  })

  test('the lock is capped at 15 minutes', () => {
    const clock = createTestClock(1_000_000)
    let record = user()
    for (let i = 0; i < 40; i++) record = attempt(record, false, clock)
    expect(record.lockedUntil! - clock.now()).toBe(15 * 60_000)
  })

  test('a success resets the count and the lock', () => {
    const clock = createTestClock(1_000_000)
    let record = user()
    for (let i = 0; i < 6; i++) record = attempt(record, false, clock)
    record = attempt(record, true, clock)
    expect(record.failedPasswordAttempts).toBe(0)
    expect(record.lockedUntil).toBeUndefined()
    expect(() => refuseWhileLockedOut(record, clock)).not.toThrow()
  })
})

describe('lockout after repeated wrong passwords (ADMIN_USER_PASSWORD_AUTH)', () => {
  const WRONG = 'Wr0ng-Horse!'
  const EXCEEDED = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' }
  const INCORRECT = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' }
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
  })

  async function failFiveTimes() {
    for (let i = 0; i < 5; i++) expect(await failure(adminSignIn(deps, app, 'alice', WRONG))).toEqual(INCORRECT)
  }

  test('four wrong passwords do not lock: the right one still signs in', async () => {
    for (let i = 0; i < 4; i++) expect(await failure(adminSignIn(deps, app, 'alice', WRONG))).toEqual(INCORRECT)
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(0)
  })

  test('after five, the next attempt within the lock is refused even with the right password', async () => {
    await failFiveTimes()
    expect(storedUser(deps, app.poolId, 'alice')).toMatchObject({ failedPasswordAttempts: 5, lockedUntil: deps.clock.now() + 1000 })
    expect(await failure(adminSignIn(deps, app, 'alice', PASSWORD))).toEqual(EXCEEDED)
    deps.clock.advance(999)
    expect(await failure(adminSignIn(deps, app, 'alice', PASSWORD))).toEqual(EXCEEDED)
    // Refusals during the lock are not checked, so they do not count as failures.
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(5)
  })

  test('once the lock has passed the right password works and resets the counter', async () => {
    await failFiveTimes()
    deps.clock.advance(1000)
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
    const user = storedUser(deps, app.poolId, 'alice')
    expect(user.failedPasswordAttempts).toBe(0)
    expect(user.lockedUntil).toBeUndefined()
    // A fresh count: four more failures do not lock again.
    for (let i = 0; i < 4; i++) await failure(adminSignIn(deps, app, 'alice', WRONG))
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
  })

  test('each further failure doubles the lock', async () => {
    await failFiveTimes()
    deps.clock.advance(1000)
    expect(await failure(adminSignIn(deps, app, 'alice', WRONG))).toEqual(INCORRECT) // sixth: 2 s
    deps.clock.advance(1999)
    expect(await failure(adminSignIn(deps, app, 'alice'))).toEqual(EXCEEDED)
    deps.clock.advance(1)
    expect(await failure(adminSignIn(deps, app, 'alice', WRONG))).toEqual(INCORRECT) // seventh: 4 s
    deps.clock.advance(3999)
    expect(await failure(adminSignIn(deps, app, 'alice'))).toEqual(EXCEEDED)
    deps.clock.advance(1)
    expect((await adminSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
  })

  test('SRP sign-in counts the same failures and honours the same lock', async () => {
    for (let i = 0; i < 5; i++) expect(await failure(srpSignIn(deps, app, 'alice', WRONG))).toEqual(INCORRECT)
    expect(await failure(srpSignIn(deps, app, 'alice', PASSWORD))).toEqual(EXCEEDED)
    expect(await failure(adminSignIn(deps, app, 'alice', PASSWORD))).toEqual(EXCEEDED)
    deps.clock.advance(1000)
    expect((await srpSignIn(deps, app, 'alice')).AuthenticationResult).toBeDefined()
  })

  test('ChangePassword with a wrong previous password counts towards the same lock', async () => {
    const { AccessToken } = await signedIn(deps, app, 'alice')
    for (let i = 0; i < 5; i++) {
      const attempt = changePassword({ AccessToken, PreviousPassword: WRONG, ProposedPassword: 'N3w-Horse!!' }, deps)
      expect(await failure(attempt)).toEqual(INCORRECT)
    }
    expect(await failure(adminSignIn(deps, app, 'alice'))).toEqual(EXCEEDED)
  })

  // docs/cognito-behaviour.md#lockout
  test('a right password followed by an MFA challenge does not reset the count; the finished sign-in does', async () => {
    const { AccessToken } = await signedIn(deps, app, 'alice')
    const secret = await enrolTotp(deps, AccessToken)
    deps.clock.advance(STEP_MS)
    for (let i = 0; i < 4; i++) await failure(adminSignIn(deps, app, 'alice', WRONG))
    const { Session } = await adminSignIn(deps, app, 'alice')
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(4)
    await respond(deps, app, 'SOFTWARE_TOKEN_MFA', Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) })
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(0)
  })

  test('AdminSetUserPassword lifts the lock', async () => {
    await failFiveTimes()
    await adminSetUserPassword({ UserPoolId: app.poolId, Username: 'alice', Password: 'N3w-Horse!!', Permanent: true }, deps)
    expect((await adminSignIn(deps, app, 'alice', 'N3w-Horse!!')).AuthenticationResult).toBeDefined()
  })
})

// Issue 9, item 3: codes could be guessed by anyone with the password. Five wrong codes per
// session, but sessions were unlimited (1,500 wrong codes over 300 sessions, then the right code
// still signed in); VerifySoftwareToken with an access token took unlimited wrong codes; sign-up
// codes allowed five tries per code and unlimited new codes. Each path here is the attack as it
// was, then the recovery once the cool-down has passed on the test clock.
// docs/cognito-behaviour.md#wrong-mfa-codes, docs/cognito-behaviour.md#confirmation-code-limits
import { Sessions } from '../auth/sessions.ts'
import { adminSetUserMFAPreference } from '../operations/admin-set-user-mfa-preference.ts'
import { associateSoftwareToken } from '../operations/associate-software-token.ts'
import { confirmSignUp } from '../operations/confirm-sign-up.ts'
import { resendConfirmationCode } from '../operations/resend-confirmation-code.ts'
import { setUserPoolMfaConfig } from '../operations/set-user-pool-mfa-config.ts'
import { signUp } from '../operations/sign-up.ts'
import { verifySoftwareToken } from '../operations/verify-software-token.ts'
import { Store } from '../state/store.ts'
import {
  MINUTE_MS,
  PASSWORD,
  STEP_MS,
  adminSignIn,
  call,
  codeNow,
  createApp,
  createTestDeps,
  createUser,
  enrolTotp,
  failure,
  lastConfirmationCode,
  respond,
  signedIn,
  storedUser,
  wrongCode,
  type App,
  type TestDeps,
} from '../test-support.ts'

const HOUR_MS = 60 * MINUTE_MS
const EXCEEDED = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' }
const CODE_MISMATCH = { name: 'CodeMismatchException', message: 'Invalid code received for user' }
const SETUP_MISMATCH = { name: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' }
const LIMIT = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' }
// Stops the attack loops on a server without limits, where the clock never has to move.
const ENOUGH = 1_500

/** Waits out the user's lockout, as a patient attacker would (to the millisecond). */
function waitOutLockout(deps: TestDeps, app: App, username: string): void {
  const lockedUntil = storedUser(deps, app.poolId, username).lockedUntil
  if (lockedUntil !== undefined && lockedUntil > deps.clock.now()) deps.clock.set(lockedUntil)
}

describe('MFA codes at sign-in: the password alone no longer buys unlimited guesses', () => {
  let deps: TestDeps
  let app: App
  let secret: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    secret = await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
    // The step the enrolment spent cannot sign in (docs/cognito-behaviour.md#code-reuse).
    deps.clock.advance(STEP_MS)
  })

  const challenge = async (): Promise<string> => {
    const reply = await adminSignIn(deps, app, 'alice')
    expect(reply.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    return reply.Session!
  }
  const answer = (session: string, code: string) =>
    respond(deps, app, 'SOFTWARE_TOKEN_MFA', session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: code })

  test('wrong codes over many sessions lock the user: then the right code does not sign in until the lockout passes', async () => {
    // Sessions opened before any wrong code, as an attacker would open hundreds in parallel.
    const sessions = [await challenge(), await challenge(), await challenge()]
    for (let i = 0; i < 3; i++) expect(await failure(answer(sessions[0], wrongCode(deps, secret)))).toEqual(CODE_MISMATCH)
    for (let i = 0; i < 2; i++) expect(await failure(answer(sessions[1], wrongCode(deps, secret)))).toEqual(CODE_MISMATCH)
    // Five wrong codes in all, over two sessions: locked for a second.
    expect(storedUser(deps, app.poolId, 'alice')).toMatchObject({ failedPasswordAttempts: 5, lockedUntil: deps.clock.now() + 1000 })
    expect(await failure(answer(sessions[2], codeNow(deps, secret)))).toEqual(EXCEEDED)
    expect(await failure(adminSignIn(deps, app, 'alice'))).toEqual(EXCEEDED)
    // Refused unchecked, so these did not count.
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(5)

    deps.clock.advance(1000)
    expect(await failure(answer(sessions[1], wrongCode(deps, secret)))).toEqual(CODE_MISMATCH) // sixth: 2 s
    deps.clock.advance(1999)
    expect(await failure(answer(sessions[2], codeNow(deps, secret)))).toEqual(EXCEEDED)
    deps.clock.advance(1)
    expect((await answer(sessions[2], codeNow(deps, secret))).AuthenticationResult).toBeDefined()
    // A finished sign-in starts the count afresh.
    expect(storedUser(deps, app.poolId, 'alice')).toMatchObject({ failedPasswordAttempts: 0, lockedUntil: undefined })
  })

  test('signing in again with the right password does not wipe out the wrong codes', async () => {
    for (let i = 0; i < 4; i++) expect(await failure(answer(await challenge(), wrongCode(deps, secret)))).toEqual(CODE_MISMATCH)
    expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(4)
    expect(await failure(answer(await challenge(), wrongCode(deps, secret)))).toEqual(CODE_MISMATCH)
    expect(await failure(adminSignIn(deps, app, 'alice'))).toEqual(EXCEEDED)
  })

  test('an attacker with the password gets at most 17 wrong codes checked in the first hour, then 4 an hour', async () => {
    const start = deps.clock.now()
    const checkedBy = (hours: number) => checked.filter((at) => at < start + hours * HOUR_MS).length
    const checked: number[] = []
    while (deps.clock.now() < start + 3 * HOUR_MS && checked.length < ENOUGH) {
      waitOutLockout(deps, app, 'alice')
      const reply = await adminSignIn(deps, app, 'alice').catch(() => undefined)
      if (!reply) continue
      for (;;) {
        const at = deps.clock.now()
        const error = await failure(answer(reply.Session!, wrongCode(deps, secret)))
        if (error.name !== 'CodeMismatchException') break
        checked.push(at)
      }
    }
    // Before the fix this loop ran into ENOUGH (1,500) within the first simulated millisecond.
    // Now: four free, then locks of 1, 2, 4 … 512 s, then 15 minutes each (2^(n−5) s, capped).
    expect(checkedBy(1)).toBe(17)
    expect(checkedBy(2) - checkedBy(1)).toBe(4)
    expect(checkedBy(3) - checkedBy(2)).toBe(4)
  })

  test('SMS codes count toward the same lockout', async () => {
    await setUserPoolMfaConfig(
      { UserPoolId: app.poolId, SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms' } } },
      deps,
    )
    await createUser(deps, app.poolId, 'bob', { attributes: { phone_number: '+15555551234' } })
    await adminSetUserMFAPreference({ UserPoolId: app.poolId, Username: 'bob', SMSMfaSettings: { Enabled: true, PreferredMfa: true } }, deps)
    const smsChallenge = async () => {
      const reply = await adminSignIn(deps, app, 'bob')
      expect(reply.ChallengeName).toBe('SMS_MFA')
      const code = deps.logs.at(-1)!.match(/: (\d{6})$/)![1]
      return { session: reply.Session!, code, wrong: code === '000000' ? '000001' : '000000' }
    }
    const sms = (session: string, code: string) => respond(deps, app, 'SMS_MFA', session, { USERNAME: 'bob', SMS_MFA_CODE: code })
    const last = await smsChallenge()
    for (let i = 0; i < 5; i++) {
      const { session, wrong } = await smsChallenge()
      expect(await failure(sms(session, wrong))).toEqual(CODE_MISMATCH)
    }
    expect(await failure(sms(last.session, last.code))).toEqual(EXCEEDED)
    deps.clock.advance(1000)
    expect((await sms(last.session, last.code)).AuthenticationResult).toBeDefined()
  })

  test('the count and the lock are in the user record, so a restart keeps them', async () => {
    for (let i = 0; i < 5; i++) await failure(answer(await challenge(), wrongCode(deps, secret)))
    // What a restart does: the state file read back into a new store; sessions are memory only.
    const restarted: TestDeps = {
      ...deps,
      store: new Store(JSON.parse(JSON.stringify(deps.store.toJSON()))),
      sessions: new Sessions(deps.clock),
    }
    expect(await failure(adminSignIn(restarted, app, 'alice'))).toEqual(EXCEEDED)
    restarted.clock.advance(1000)
    const reply = await adminSignIn(restarted, app, 'alice')
    expect(
      (await respond(restarted, app, 'SOFTWARE_TOKEN_MFA', reply.Session, { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: codeNow(deps, secret) }))
        .AuthenticationResult,
    ).toBeDefined()
  })
})

describe('VerifySoftwareToken: wrong codes count toward the same lockout', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' })
  })

  test('with an access token: five wrong codes, then even the right one is refused until the lockout passes', async () => {
    await createUser(deps, app.poolId, 'alice')
    const { AccessToken } = await signedIn(deps, app, 'alice')
    const { SecretCode } = await call(associateSoftwareToken, { AccessToken }, deps)
    const verify = (code: string) => verifySoftwareToken({ AccessToken, UserCode: code }, deps)
    const checked: number[] = []
    while (checked.length < ENOUGH) {
      const error = await failure(verify(wrongCode(deps, SecretCode)))
      if (error.name !== SETUP_MISMATCH.name) {
        expect(error).toEqual(EXCEEDED)
        break
      }
      checked.push(deps.clock.now())
    }
    // Before the fix: all 1,500 were checked.
    expect(checked).toHaveLength(5)
    expect(await failure(verify(codeNow(deps, SecretCode)))).toEqual(EXCEEDED)
    // One lockout for the user: sign-in is refused meanwhile too.
    expect(await failure(adminSignIn(deps, app, 'alice'))).toEqual(EXCEEDED)
    deps.clock.advance(1000)
    expect(await verify(codeNow(deps, SecretCode))).toEqual({ Status: 'SUCCESS' })
  })

  test('with a session (MFA_SETUP): the count goes on across sign-ins', async () => {
    const required = await createApp(deps, { mfa: 'ON' })
    await createUser(deps, required.poolId, 'bob')
    const setup = async () => {
      const { Session } = await adminSignIn(deps, required, 'bob')
      return call(associateSoftwareToken, { Session }, deps)
    }
    for (let i = 0; i < 5; i++) {
      const associated = await setup()
      expect(await failure(verifySoftwareToken({ Session: associated.Session, UserCode: wrongCode(deps, associated.SecretCode) }, deps))).toEqual(
        SETUP_MISMATCH,
      )
    }
    expect(await failure(adminSignIn(deps, required, 'bob'))).toEqual(EXCEEDED)
    deps.clock.advance(1000)
    const associated = await setup()
    const verified = await call(verifySoftwareToken, { Session: associated.Session, UserCode: codeNow(deps, associated.SecretCode) }, deps)
    const done = await respond(deps, required, 'MFA_SETUP', verified.Session, { USERNAME: 'bob' })
    expect(done.AuthenticationResult).toBeDefined()
    expect(storedUser(deps, required.poolId, 'bob').failedPasswordAttempts).toBe(0)
  })
})

describe('sign-up confirmation codes: limits per user and hour, across codes', () => {
  let deps: TestDeps
  let app: App

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps)
    await signUp(
      { ClientId: app.clientId, Username: 'carol', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] },
      deps,
    )
  })

  const resend = () => call(resendConfirmationCode, { ClientId: app.clientId, Username: 'carol' }, deps)
  const confirm = (code: string) => call(confirmSignUp, { ClientId: app.clientId, Username: 'carol', ConfirmationCode: code }, deps)
  const otherThan = (code: string) => (code === '000000' ? '000001' : '000000')

  test('five new codes an hour, then LimitExceededException until the hour has passed', async () => {
    let sent = 0
    while (sent < ENOUGH) {
      const error = await resend().then(
        () => undefined,
        (thrown: unknown) => thrown,
      )
      if (error) {
        expect(error).toMatchObject(LIMIT)
        break
      }
      sent++
    }
    // Before the fix: all 1,500 were sent.
    expect(sent).toBe(5)
    deps.clock.advance(HOUR_MS - 1)
    expect(await failure(resend())).toEqual(LIMIT)
    deps.clock.advance(1)
    await resend()
    expect(await confirm(lastConfirmationCode(deps))).toEqual({})
  })

  test('ten wrong codes an hour across codes: then even the right code waits for the next hour', async () => {
    // The attack as it was: five wrong codes spend a code, a new code brings five more tries.
    let wrong = 0
    while (wrong < ENOUGH) {
      const error = await failure(confirm(otherThan(lastConfirmationCode(deps))))
      if (error.name === 'ExpiredCodeException') {
        const refused = await resend().then(
          () => undefined,
          (thrown: unknown) => thrown,
        )
        if (refused) break
        continue
      }
      if (error.name !== 'CodeMismatchException') {
        expect(error).toEqual(LIMIT)
        break
      }
      wrong++
    }
    // Before the fix: 1,500 wrong codes were checked.
    expect(wrong).toBe(10)
    const code = lastConfirmationCode(deps)
    expect(await failure(confirm(code))).toEqual(LIMIT)
    deps.clock.advance(HOUR_MS)
    expect(await confirm(code)).toEqual({})
    expect(storedUser(deps, app.poolId, 'carol')).toMatchObject({ status: 'CONFIRMED', confirmationAttempts: undefined })
  })

  test('the hour begins at the first counted attempt; a record without counts (as before the limits) starts from zero', async () => {
    const user = storedUser(deps, app.poolId, 'carol')
    expect(user.confirmationAttempts).toBeUndefined()
    expect(await failure(confirm(otherThan(lastConfirmationCode(deps))))).toMatchObject({ name: 'CodeMismatchException' })
    expect(storedUser(deps, app.poolId, 'carol').confirmationAttempts).toEqual({ since: deps.clock.now(), wrongCodes: 1, resends: 0 })
  })
})

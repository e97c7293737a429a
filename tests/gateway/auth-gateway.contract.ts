// What every component test believes about Cognito, as one suite run against both gateways:
// the fake the component tests use (fake.gateway.test.ts) and the app's Amplify gateway on the
// local pool (amplify.gateway.test.ts). The pool is the reference: when the fake disagrees, the
// fake is wrong. Assertions are on what the app reads: the step, `error.name` (toAuthFailure maps
// on it) and, for lockout only, the message. Codes come from the key the gateway handed out,
// computed like a phone at the pool's clock.
import { afterEach, describe, expect, test } from 'vitest'
import type { AuthGateway } from '../../src/auth/auth-gateway.ts'
import { rejectionOf, TOTP_STEP_MS, uniqueName, wrongCode } from '../contract/harness.ts'
import { phoneCode } from '../support/phone-totp.ts'

export type PoolKind = 'optional' | 'required'

/** One pool seen through the gateway under test, with the controls a test needs. */
export type GatewayWorld = {
  auth: AuthGateway
  /**
   * A confirmed user with a permanent password; `temporary`: admin-created, must choose a new one;
   * `sms` (MFA-optional pool only): with a phone number and SMS MFA enabled, not preferred.
   */
  createUser(options?: { temporary?: boolean; sms?: boolean }): Promise<{ username: string; password: string }>
  /** The SMS code the pool "sent" this user last. */
  smsCode(username: string): string
  /** The sign-up confirmation code the pool "sent" to this user. */
  confirmationCode(username: string): string
  /** The password-reset code the pool "sent" to this user last. */
  resetCode(username: string): string
  /** The pool's clock: TOTP steps, challenge sessions and lockouts move only when a test moves it. */
  now(): number
  advance(ms: number): void
}

/** Makes a fresh gateway on the MFA-optional or MFA-required pool; called once per test. */
export type WorldFactory = (kind: PoolKind) => Promise<GatewayWorld>

/** Meets the local pools' password policy (Cognito's default). */
const PASSWORD = 'Gateway-test-2026!'
/** AuthSessionValidity: the local pools' app clients keep Cognito's default of 3 minutes. */
const SESSION_MS = 3 * 60_000

export function authGatewayContract(makeWorld: WorldFactory): void {
  let current: GatewayWorld | undefined
  const world = async (kind: PoolKind) => (current = await makeWorld(kind))

  // Amplify in Node keeps its tokens in memory: sign out so the next test starts anonymous.
  afterEach(async () => {
    await current?.auth.signOut()
    current = undefined
  })

  const code = (w: GatewayWorld, secret: string) => phoneCode(secret, w.now())
  const errorName = async (promise: Promise<unknown>) => (await rejectionOf(promise)).name

  /** Security settings: a new key, its code, and TOTP made preferred. Returns the key and the code spent. */
  async function enrolInSettings(w: GatewayWorld) {
    const { secret } = await w.auth.beginTotpSetup()
    const usedCode = code(w, secret)
    await w.auth.verifyTotpSetup(usedCode, 'Test phone')
    await w.auth.setTotpPreferred()
    return { secret, usedCode }
  }

  /** A user of the optional pool with an authenticator set up in settings, signed out again. */
  async function enrolledUser(w: GatewayWorld) {
    const user = await w.createUser()
    expect(await w.auth.signIn(user.username, user.password)).toEqual({ step: 'done' })
    const enrolled = await enrolInSettings(w)
    await w.auth.signOut()
    return { ...user, ...enrolled }
  }

  describe('password sign-in', () => {
    test('a user without MFA is done; getCurrentUser names them until signOut', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      expect(await w.auth.getCurrentUser()).toBeNull()

      expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
      expect(await w.auth.getCurrentUser()).toEqual({ username, loginId: username })

      await w.auth.signOut()
      expect(await w.auth.getCurrentUser()).toBeNull()
    })

    test('the username is matched regardless of case; getCurrentUser gives the stored name and the typed one', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      expect(await w.auth.signIn(username.toUpperCase(), password)).toEqual({ step: 'done' })
      expect(await w.auth.getCurrentUser()).toEqual({ username, loginId: username.toUpperCase() })
    })

    test('a wrong password is NotAuthorizedException, not worded as a lockout', async () => {
      const w = await world('optional')
      const { username } = await w.createUser()
      const error = await rejectionOf(w.auth.signIn(username, 'Wrong-pass-2026!'))
      expect(error.name).toBe('NotAuthorizedException')
      expect(error.message).not.toMatch(/password attempts exceeded/i)
    })

    test('an unknown user is UserNotFoundException (the local clients keep legacy existence errors)', async () => {
      const w = await world('optional')
      expect(await errorName(w.auth.signIn(uniqueName('nobody'), PASSWORD))).toBe('UserNotFoundException')
    })

    test('an empty username or password is refused before any request, under Amplify’s names', async () => {
      const w = await world('optional')
      expect(await errorName(w.auth.signIn('', PASSWORD))).toBe('EmptySignInUsername')
      expect(await errorName(w.auth.signIn('someone', ''))).toBe('EmptySignInPassword')
    })

    test('signing in again while signed in is UserAlreadyAuthenticatedException', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      await w.auth.signIn(username, password)
      expect(await errorName(w.auth.signIn(username, password))).toBe('UserAlreadyAuthenticatedException')
    })

    test('after five wrong passwords even the right one is refused as a lockout, until the lockout lapses', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      for (let attempt = 1; attempt <= 5; attempt++) {
        const error = await rejectionOf(w.auth.signIn(username, `Wrong-pass-${attempt}!`))
        expect(error.message, `attempt ${attempt}`).not.toMatch(/password attempts exceeded/i)
      }
      const locked = await rejectionOf(w.auth.signIn(username, password))
      expect(locked.name).toBe('NotAuthorizedException')
      // The only way the app can tell a lockout from a wrong password (auth-failure.ts).
      expect(locked.message).toMatch(/password attempts exceeded/i)

      w.advance(2_000) // the first lockout lasts one second
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
    })

    test('an admin-created user chooses a new password: a weak one is InvalidPasswordException, then a good one is done', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser({ temporary: true })
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'new-password', missingAttributes: [] })
      expect(await errorName(w.auth.completeNewPassword('short'))).toBe('InvalidPasswordException')
      // Cognito's default policy: upper and lower case, a digit and a symbol, not just the length.
      expect(await errorName(w.auth.completeNewPassword('longenoughbutplain'))).toBe('InvalidPasswordException')
      expect(await w.auth.completeNewPassword('Chosen-pass-2026!')).toEqual({ step: 'done' })
      await w.auth.signOut()
      expect(await w.auth.signIn(username, 'Chosen-pass-2026!')).toEqual({ step: 'done' })
    })

    test('in the MFA-required pool a new password leads on to authenticator setup', async () => {
      const w = await world('required')
      const { username, password } = await w.createUser({ temporary: true })
      await w.auth.signIn(username, password)
      const step = await w.auth.completeNewPassword('Chosen-pass-2026!')
      expect(step).toEqual({ step: 'totp-setup', secret: expect.stringMatching(/^[A-Z2-7]{16,}$/) })
    })
  })

  describe('the authenticator code at sign-in', () => {
    test('a wrong code is CodeMismatchException and the right one then signs in within the same session', async () => {
      const w = await world('optional')
      const { username, password, secret } = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-code' })
      expect(await errorName(w.auth.confirmTotpCode(wrongCode(secret, w.now())))).toBe('CodeMismatchException')
      expect(await w.auth.confirmTotpCode(code(w, secret))).toEqual({ step: 'done' })
      expect(await w.auth.getCurrentUser()).toEqual({ username, loginId: username })
    })

    test('a code whose time step was already used is ExpiredCodeException (RFC 6238 §5.2), the next step’s code works', async () => {
      const w = await world('optional')
      const { username, password, secret, usedCode } = await enrolledUser(w)
      // The code that verified the setup spent its time step.
      await w.auth.signIn(username, password)
      expect(await errorName(w.auth.confirmTotpCode(usedCode))).toBe('ExpiredCodeException')
      w.advance(TOTP_STEP_MS)
      const signInCode = code(w, secret)
      expect(await w.auth.confirmTotpCode(signInCode)).toEqual({ step: 'done' })

      // And so did that sign-in's code.
      await w.auth.signOut()
      await w.auth.signIn(username, password)
      expect(await errorName(w.auth.confirmTotpCode(signInCode))).toBe('ExpiredCodeException')
    })

    test('five wrong codes spend the challenge session: then even the right code is NotAuthorizedException', async () => {
      const w = await world('optional')
      const { username, password, secret } = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      await w.auth.signIn(username, password)
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(await errorName(w.auth.confirmTotpCode(wrongCode(secret, w.now())))).toBe('CodeMismatchException')
      }
      expect(await errorName(w.auth.confirmTotpCode(code(w, secret)))).toBe('NotAuthorizedException')
    })

    test('a code sent after the challenge session lapsed (3 minutes) is NotAuthorizedException', async () => {
      const w = await world('optional')
      const { username, password, secret } = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      await w.auth.signIn(username, password)
      w.advance(SESSION_MS + 1_000)
      expect(await errorName(w.auth.confirmTotpCode(code(w, secret)))).toBe('NotAuthorizedException')
    })
  })

  describe('authenticator setup in Security settings', () => {
    test('a wrong code is EnableSoftwareTokenMFAException; TOTP counts as on only once it is made preferred', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      await w.auth.signIn(username, password)
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: false, totpPreferred: false, otherFactors: [] })

      const { secret } = await w.auth.beginTotpSetup()
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
      expect(await errorName(w.auth.verifyTotpSetup(wrongCode(secret, w.now()), 'Test phone'))).toBe('EnableSoftwareTokenMFAException')
      await w.auth.verifyTotpSetup(code(w, secret), 'Test phone')
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: false, totpPreferred: false })

      await w.auth.setTotpPreferred()
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpPreferred: true, otherFactors: [] })
      await w.auth.signOut()
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-code' })
    })

    test('each beginTotpSetup replaces the pending key: only the latest key’s code verifies', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      await w.auth.signIn(username, password)
      const first = (await w.auth.beginTotpSetup()).secret
      const second = (await w.auth.beginTotpSetup()).secret
      expect(second).not.toBe(first)
      if (code(w, first) !== code(w, second)) {
        expect(await errorName(w.auth.verifyTotpSetup(code(w, first), ''))).toBe('EnableSoftwareTokenMFAException')
      }
      await w.auth.verifyTotpSetup(code(w, second), '')
      await w.auth.setTotpPreferred()
      await w.auth.signOut()
      w.advance(TOTP_STEP_MS)
      await w.auth.signIn(username, password)
      expect(await w.auth.confirmTotpCode(code(w, second))).toEqual({ step: 'done' })
    })

    test('verifying before any key was issued is InvalidParameterException', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      await w.auth.signIn(username, password)
      expect(await errorName(w.auth.verifyTotpSetup('123456', ''))).toBe('InvalidParameterException')
    })

    test('making TOTP preferred without a verified authenticator is InvalidParameterException', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      await w.auth.signIn(username, password)
      expect(await errorName(w.auth.setTotpPreferred())).toBe('InvalidParameterException')
      await w.auth.beginTotpSetup()
      expect(await errorName(w.auth.setTotpPreferred())).toBe('InvalidParameterException')
    })

    test('replacing: while a new key awaits its code, sign-in does not ask for the old authenticator', async () => {
      const w = await world('optional')
      const { username, password, secret } = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      await w.auth.signIn(username, password)
      await w.auth.confirmTotpCode(code(w, secret))
      await w.auth.beginTotpSetup()
      await w.auth.signOut()
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
    })

    test('with no one signed in, the settings calls are UserUnAuthenticatedException (no tokens to send)', async () => {
      const w = await world('optional')
      expect(await errorName(w.auth.beginTotpSetup())).toBe('UserUnAuthenticatedException')
      expect(await errorName(w.auth.fetchMfaStatus())).toBe('UserUnAuthenticatedException')
    })
  })

  describe('whether sign-in really asks for the authenticator (ADR 015)', () => {
    test('a key issued and not verified suspends the listed authenticator; a code from it ends the suspension', async () => {
      const w = await world('optional')
      const { username, password, secret } = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      await w.auth.signIn(username, password)
      await w.auth.confirmTotpCode(code(w, secret))
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: false, setupPending: false })

      const { secret: newSecret } = await w.auth.beginTotpSetup()
      // GetUser still lists it: only the evidence tells.
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpPreferred: true, totpSuspended: true, setupPending: true })

      // The next sign-in goes in with the password alone, exactly as the key issued here predicts:
      // still suspended, and still pending, so the entry scanned can finish it.
      await w.auth.signOut()
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: true, setupPending: true })

      // The key is not needed to finish: a code from the entry scanned is.
      w.advance(TOTP_STEP_MS)
      await w.auth.verifyTotpSetup(code(w, newSecret), 'New phone')
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: false, setupPending: false })
      await w.auth.signOut()
      w.advance(TOTP_STEP_MS)
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-code' })
      expect(await w.auth.confirmTotpCode(code(w, newSecret))).toEqual({ step: 'done' })
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: false })
    })

    test('with SMS too: a key awaiting its code leaves SMS asked for directly, and that sign-in is not taken for "on"', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser({ sms: true })
      expect(await w.auth.signIn(username, password)).toMatchObject({ step: 'delivered-code', channel: 'sms' })
      expect(await w.auth.confirmDeliveredCode(w.smsCode(username))).toEqual({ step: 'done' })
      const { secret } = await enrolInSettings(w)
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpPreferred: true, totpSuspended: false, otherFactors: ['sms'] })

      // A new key: the authenticator is suspended, and the pool asks for the remaining factor.
      const { secret: newSecret } = await w.auth.beginTotpSetup()
      await w.auth.signOut()
      expect(await w.auth.signIn(username, password)).toMatchObject({ step: 'delivered-code', channel: 'sms' })
      expect(await w.auth.confirmDeliveredCode(w.smsCode(username))).toEqual({ step: 'done' })
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: true, setupPending: true })

      // Finished: the authenticator is asked for again, and the SMS sign-in before it is history.
      w.advance(TOTP_STEP_MS)
      await w.auth.verifyTotpSetup(code(w, newSecret), 'New phone')
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: false })
      await w.auth.signOut()
      w.advance(TOTP_STEP_MS)
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-code' })
      expect(await w.auth.confirmTotpCode(code(w, newSecret))).toEqual({ step: 'done' })
      expect(secret).not.toBe(newSecret)
    })

    test('a first setup left half-way: off, and it can be finished', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      await w.auth.signIn(username, password)
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: false, totpSuspended: false, setupPending: false })
      await w.auth.beginTotpSetup()
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: false, totpSuspended: false, setupPending: true })
      await w.auth.disableTotp()
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: false, totpSuspended: false, setupPending: false })
    })

    test('in the MFA-required pool: on after MFA_SETUP; a new key suspends it and sign-in asks for setup again', async () => {
      const w = await world('required')
      const { username, password } = await w.createUser()
      const step = await w.auth.signIn(username, password)
      if (step.step !== 'totp-setup') throw new Error(`expected totp-setup, got ${step.step}`)
      await w.auth.confirmTotpSetupDuringSignIn(code(w, step.secret), '')
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: false })
      await w.auth.beginTotpSetup()
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: true, setupPending: true })
      await w.auth.signOut()
      // The key from settings was never verified: the one MFA_SETUP brings replaced it (issue 11, item 5).
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-setup', secret: expect.any(String), replacesUnverifiedKey: true })
    })
  })

  describe('turning the authenticator off', () => {
    test('in the MFA-optional pool: off in the status, and sign-in asks for no code', async () => {
      const w = await world('optional')
      const { username, password, secret } = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      await w.auth.signIn(username, password)
      await w.auth.confirmTotpCode(code(w, secret))
      await w.auth.disableTotp()
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: false, totpPreferred: false })
      await w.auth.signOut()
      expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
    })

    test('in the MFA-required pool it is refused with InvalidParameterException', async () => {
      const w = await world('required')
      const { username, password } = await w.createUser()
      const step = await w.auth.signIn(username, password)
      if (step.step !== 'totp-setup') throw new Error(`expected totp-setup, got ${step.step}`)
      await w.auth.confirmTotpSetupDuringSignIn(code(w, step.secret), '')
      expect(await errorName(w.auth.disableTotp())).toBe('InvalidParameterException')
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpPreferred: true })
    })
  })

  describe('re-authentication while signed in (ADR 016)', () => {
    /** The pool's clock as the ID token's auth_time reads it: whole seconds. */
    const authTime = (w: GatewayWorld) => Math.floor(w.now() / 1000) * 1000
    const LATER_MS = 10 * 60_000

    /** An enrolled user signed in with a code, then ten minutes later. */
    async function signedInWithCode(w: GatewayWorld) {
      const user = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      await w.auth.signIn(user.username, user.password)
      const signInCode = code(w, user.secret)
      await w.auth.confirmTotpCode(signInCode)
      const signedInAt = authTime(w)
      w.advance(LATER_MS)
      return { ...user, signInCode, signedInAt }
    }

    test('authenticatedAt is the time of the sign-in, not of the last call', async () => {
      const w = await world('optional')
      const { signedInAt } = await signedInWithCode(w)
      expect(await w.auth.authenticatedAt()).toBe(signedInAt)
      await w.auth.fetchMfaStatus()
      expect(await w.auth.authenticatedAt()).toBe(signedInAt)
    })

    test('password then a wrong code, then the right code: done, authenticatedAt is now, and the session is still this user’s', async () => {
      const w = await world('optional')
      const { username, password, secret } = await signedInWithCode(w)
      expect(await errorName(w.auth.reauthenticate('Wrong-pass-2026!'))).toBe('NotAuthorizedException')
      expect(await w.auth.reauthenticate(password)).toEqual({ step: 'totp-code' })
      expect(await errorName(w.auth.confirmReauthenticationCode(wrongCode(secret, w.now())))).toBe('CodeMismatchException')
      w.advance(TOTP_STEP_MS)
      expect(await w.auth.confirmReauthenticationCode(code(w, secret))).toEqual({ step: 'done' })

      expect(await w.auth.authenticatedAt()).toBe(authTime(w))
      expect(await w.auth.getCurrentUser()).toEqual({ username, loginId: username })
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpPreferred: true })
      // Nothing of the fresh sign-in is left pending.
      expect(await errorName(w.auth.confirmReauthenticationCode(code(w, secret)))).toBe('SignInException')
      await w.auth.signOut()
      expect(await w.auth.getCurrentUser()).toBeNull()
    })

    test('a code whose time step was already spent (by the sign-in) is ExpiredCodeException; the next step’s code works', async () => {
      const w = await world('optional')
      const user = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      await w.auth.signIn(user.username, user.password)
      const signInCode = code(w, user.secret)
      await w.auth.confirmTotpCode(signInCode)
      expect(await w.auth.reauthenticate(user.password)).toEqual({ step: 'totp-code' })
      expect(await errorName(w.auth.confirmReauthenticationCode(signInCode))).toBe('ExpiredCodeException')
      w.advance(TOTP_STEP_MS)
      expect(await w.auth.confirmReauthenticationCode(code(w, user.secret))).toEqual({ step: 'done' })
    })

    test('a code sent after the challenge lapsed (3 minutes) is NotAuthorizedException; the session is unharmed', async () => {
      const w = await world('optional')
      const { username, password, secret, signedInAt } = await signedInWithCode(w)
      await w.auth.reauthenticate(password)
      w.advance(SESSION_MS + 1_000)
      expect(await errorName(w.auth.confirmReauthenticationCode(code(w, secret)))).toBe('NotAuthorizedException')
      expect(await w.auth.authenticatedAt()).toBe(signedInAt)
      expect(await w.auth.getCurrentUser()).toEqual({ username, loginId: username })
    })

    // Seven SRP sign-ins: on a loaded machine they take longer than the default five seconds.
    test('five wrong passwords lock the account as at sign-in: then even the right one is refused as a lockout', async () => {
      const w = await world('optional')
      const { password } = await signedInWithCode(w)
      for (let attempt = 1; attempt <= 5; attempt++) await rejectionOf(w.auth.reauthenticate(`Wrong-pass-${attempt}!`))
      const locked = await rejectionOf(w.auth.reauthenticate(password))
      expect(locked.name).toBe('NotAuthorizedException')
      expect(locked.message).toMatch(/password attempts exceeded/i)
    }, 30_000)

    test('an account that asks for no code: the password alone is done and authenticatedAt is now', async () => {
      const w = await world('optional')
      const { username, password } = await w.createUser()
      await w.auth.signIn(username, password)
      w.advance(LATER_MS)
      expect(await w.auth.reauthenticate(password)).toEqual({ step: 'done' })
      expect(await w.auth.authenticatedAt()).toBe(authTime(w))
      expect(await w.auth.getCurrentUser()).toEqual({ username, loginId: username })
    })

    test('an unfinished replacement in an MFA-optional pool: the password alone is done, and the page still knows the setup can be finished', async () => {
      const w = await world('optional')
      const { password } = await signedInWithCode(w)
      await w.auth.beginTotpSetup()
      expect(await w.auth.reauthenticate(password)).toEqual({ step: 'done' })
      expect(await w.auth.authenticatedAt()).toBe(authTime(w))
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: true, setupPending: true })
    })

    test('MFA required and the authenticator suspended (MFA_SETUP): the password is enough, the session keeps its tokens, nothing is left half-done', async () => {
      const w = await world('required')
      const { username, password } = await w.createUser()
      const { secret } = (await w.auth.signIn(username, password)) as { secret: string }
      await w.auth.confirmTotpSetupDuringSignIn(code(w, secret), '')
      const signedInAt = authTime(w)
      const scanned = (await w.auth.beginTotpSetup()).secret // a replacement left unverified
      w.advance(LATER_MS)
      // Amplify associates a new key at MFA_SETUP: the key the user may have scanned is gone, and the
      // page is told so; the status says a key awaits its code.
      expect(await w.auth.reauthenticate(password)).toEqual({ step: 'done', keyReplaced: true })
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: true, setupPending: true })
      expect(await errorName(w.auth.verifyTotpSetup(code(w, scanned), ''))).toBe('EnableSoftwareTokenMFAException')
      expect(await w.auth.authenticatedAt()).toBe(signedInAt)
      expect(await w.auth.getCurrentUser()).toEqual({ username, loginId: username })
      expect(await errorName(w.auth.confirmReauthenticationCode('123456'))).toBe('SignInException')
      // The session still works, and a new key can be set up.
      const next = (await w.auth.beginTotpSetup()).secret
      await w.auth.verifyTotpSetup(code(w, next), '')
      await w.auth.setTotpPreferred()
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpPreferred: true })
    })

    test('with no one signed in it is UserUnAuthenticatedException', async () => {
      const w = await world('optional')
      expect(await errorName(w.auth.authenticatedAt())).toBe('UserUnAuthenticatedException')
      expect(await errorName(w.auth.reauthenticate('Any-pass-2026!'))).toBe('UserUnAuthenticatedException')
    })
  })

  describe('authenticator setup during sign-in (MFA required)', () => {
    test('a user without TOTP gets a key; a wrong code is EnableSoftwareTokenMFAException; the right one is done with TOTP preferred', async () => {
      const w = await world('required')
      const { username, password } = await w.createUser()
      const step = await w.auth.signIn(username, password)
      expect(step).toEqual({ step: 'totp-setup', secret: expect.stringMatching(/^[A-Z2-7]{16,}$/) })
      const { secret } = step as { secret: string }

      expect(await errorName(w.auth.confirmTotpSetupDuringSignIn(wrongCode(secret, w.now()), 'Work phone'))).toBe('EnableSoftwareTokenMFAException')
      expect(await w.auth.confirmTotpSetupDuringSignIn(code(w, secret), 'Work phone')).toEqual({ step: 'done' })
      expect(await w.auth.getCurrentUser()).toEqual({ username, loginId: username })
      expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpPreferred: true })
    })

    test('the next sign-in asks for a code: the setup code’s step is spent, the next step’s code works', async () => {
      const w = await world('required')
      const { username, password } = await w.createUser()
      const { secret } = (await w.auth.signIn(username, password)) as { secret: string }
      const setupCode = code(w, secret)
      await w.auth.confirmTotpSetupDuringSignIn(setupCode, '')
      await w.auth.signOut()

      expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-code' })
      expect(await errorName(w.auth.confirmTotpCode(setupCode))).toBe('ExpiredCodeException')
      w.advance(TOTP_STEP_MS)
      expect(await w.auth.confirmTotpCode(code(w, secret))).toEqual({ step: 'done' })
    })

    test('signing in again after leaving setup brings a new key, says the earlier one was replaced, and only the new one works (issue 11, item 5)', async () => {
      const w = await world('required')
      const { username, password } = await w.createUser()
      const first = await w.auth.signIn(username, password)
      if (first.step !== 'totp-setup') throw new Error(`expected totp-setup, got ${first.step}`)
      expect(first.replacesUnverifiedKey).toBeUndefined()

      // Left without a code (Cancel, or the session lapsed): the next sign-in starts afresh.
      const second = await w.auth.signIn(username, password)
      expect(second).toEqual({ step: 'totp-setup', secret: expect.stringMatching(/^[A-Z2-7]{16,}$/), replacesUnverifiedKey: true })
      const { secret } = second as { secret: string }
      expect(secret).not.toBe(first.secret)
      expect(await errorName(w.auth.confirmTotpSetupDuringSignIn(code(w, first.secret), ''))).toBe('EnableSoftwareTokenMFAException')
      expect(await w.auth.confirmTotpSetupDuringSignIn(code(w, secret), '')).toEqual({ step: 'done' })
    })

    test('a code sent after the setup session lapsed (3 minutes) is NotAuthorizedException', async () => {
      const w = await world('required')
      const { username, password } = await w.createUser()
      const { secret } = (await w.auth.signIn(username, password)) as { secret: string }
      w.advance(SESSION_MS + 1_000)
      expect(await errorName(w.auth.confirmTotpSetupDuringSignIn(code(w, secret), ''))).toBe('NotAuthorizedException')
    })
  })

  describe('remembered browsers (ADR 025)', () => {
    // Several sign-ins each, with device SRP: more round trips than the other groups.
    const slow = 20_000
    /** A user with an authenticator who signed in here with its code, this browser remembered or not. */
    async function signedInWithCode(w: GatewayWorld, rememberBrowser: boolean) {
      const user = await enrolledUser(w)
      w.advance(TOTP_STEP_MS)
      expect(await w.auth.signIn(user.username, user.password)).toEqual({ step: 'totp-code' })
      expect(await w.auth.confirmTotpCode(code(w, user.secret), { rememberBrowser })).toEqual({ step: 'done' })
      return user
    }

    test(
      'remembered at the code step: listed as this browser, and the next sign-in here asks for no code, with the status still on',
      async () => {
        const w = await world('optional')
        const { username, password } = await signedInWithCode(w, true)
        const listed = await w.auth.listRememberedBrowsers()
        expect(listed).toEqual({
          rememberFailed: false,
          browsers: [
            { id: expect.stringMatching(/^[\w-]+_[\w-]+$/), name: expect.any(Object), lastSignedInAt: expect.any(Number), thisBrowser: true },
          ],
        })
        await w.auth.signOut()

        w.advance(TOTP_STEP_MS)
        expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
        // Skipping the code here is what a remembered browser does: not a suspended authenticator (ADR 015).
        expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: false, setupPending: false })
        expect((await w.auth.listRememberedBrowsers()).browsers).toEqual([expect.objectContaining({ thisBrowser: true })])
      },
      slow,
    )

    test(
      'not chosen: nothing is listed and the next sign-in asks for the code',
      async () => {
        const w = await world('optional')
        const { username, password } = await signedInWithCode(w, false)
        expect(await w.auth.listRememberedBrowsers()).toEqual({ browsers: [], rememberFailed: false })
        await w.auth.signOut()
        w.advance(TOTP_STEP_MS)
        expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-code' })
      },
      slow,
    )

    test(
      'forgetting this browser: the list is empty and the next sign-in asks for the code again',
      async () => {
        const w = await world('optional')
        const { username, password } = await signedInWithCode(w, true)
        const [mine] = (await w.auth.listRememberedBrowsers()).browsers
        await w.auth.forgetRememberedBrowser(mine.id)
        expect((await w.auth.listRememberedBrowsers()).browsers).toEqual([])
        // Forgotten already (a second click, another tab): done all the same.
        await w.auth.forgetRememberedBrowser(mine.id)
        await w.auth.signOut()

        w.advance(TOTP_STEP_MS)
        expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-code' })
      },
      slow,
    )

    test(
      'after a sign-in that skipped the code, forgetting this browser does not make the page call the authenticator suspended',
      async () => {
        const w = await world('optional')
        const { username, password } = await signedInWithCode(w, true)
        await w.auth.signOut()
        w.advance(TOTP_STEP_MS)
        expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
        await w.auth.forgetAllRememberedBrowsers()
        expect((await w.auth.listRememberedBrowsers()).browsers).toEqual([])
        expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: false })
      },
      slow,
    )

    test(
      'a replacement left unfinished still shows as suspended on a remembered browser',
      async () => {
        const w = await world('optional')
        const { username, password } = await signedInWithCode(w, true)
        await w.auth.beginTotpSetup()
        await w.auth.signOut()
        expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
        expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: true, setupPending: true })
      },
      slow,
    )

    test(
      'remembered at the end of setup during sign-in (MFA_SETUP): the next sign-in asks for no code',
      async () => {
        const w = await world('required')
        const { username, password } = await w.createUser()
        const { secret } = (await w.auth.signIn(username, password)) as { secret: string }
        expect(await w.auth.confirmTotpSetupDuringSignIn(code(w, secret), 'Phone', { rememberBrowser: true })).toEqual({ step: 'done' })
        expect((await w.auth.listRememberedBrowsers()).browsers).toEqual([expect.objectContaining({ thisBrowser: true })])
        await w.auth.signOut()
        w.advance(TOTP_STEP_MS)
        expect(await w.auth.signIn(username, password)).toEqual({ step: 'done' })
      },
      slow,
    )

    test(
      'forget all: every remembered browser goes, and sign-in here asks for the code again',
      async () => {
        const w = await world('optional')
        const { username, password } = await signedInWithCode(w, true)
        await w.auth.forgetAllRememberedBrowsers()
        expect((await w.auth.listRememberedBrowsers()).browsers).toEqual([])
        await w.auth.signOut()
        w.advance(TOTP_STEP_MS)
        expect(await w.auth.signIn(username, password)).toEqual({ step: 'totp-code' })
      },
      slow,
    )

    test(
      'a re-authentication (ADR 016) on a remembered browser asks for the password alone, as signing in here does; forgotten, the code again',
      async () => {
        const w = await world('optional')
        const { password, secret } = await signedInWithCode(w, true)
        expect(await w.auth.reauthenticate(password)).toEqual({ step: 'done' })
        // Not taken for a suspended authenticator, and this browser is still the one remembered.
        expect(await w.auth.fetchMfaStatus()).toMatchObject({ totpEnabled: true, totpSuspended: false })
        const [mine] = (await w.auth.listRememberedBrowsers()).browsers
        expect(mine).toEqual(expect.objectContaining({ thisBrowser: true }))

        await w.auth.forgetRememberedBrowser(mine.id)
        w.advance(TOTP_STEP_MS)
        expect(await w.auth.reauthenticate(password)).toEqual({ step: 'totp-code' })
        expect(await w.auth.confirmReauthenticationCode(code(w, secret))).toEqual({ step: 'done' })
      },
      slow,
    )

    test(
      'with no one signed in, listing and forgetting are UserUnAuthenticatedException',
      async () => {
        const w = await world('optional')
        expect(await errorName(w.auth.listRememberedBrowsers())).toBe('UserUnAuthenticatedException')
        expect(await errorName(w.auth.forgetAllRememberedBrowsers())).toBe('UserUnAuthenticatedException')
      },
      slow,
    )
  })

  describe('forgot password (ForgotPassword, ConfirmForgotPassword)', () => {
    test('a code to the masked email; a weak password, then a wrong code are refused; the right one sets the password once; the authenticator stays', async () => {
      const w = await world('optional')
      const { username, password } = await enrolledUser(w)
      expect(await w.auth.resetPassword(username)).toEqual({ destination: expect.stringMatching(/^\w\*\*\*@\w\*\*\*$/), channel: 'email' })
      const sent = w.resetCode(username)
      const NEW_PASSWORD = 'Reset-password-2026!'
      // The policy is checked first, so a weak password costs no try of the code.
      expect(await errorName(w.auth.confirmResetPassword(username, sent, 'weak'))).toBe('InvalidPasswordException')
      expect(await errorName(w.auth.confirmResetPassword(username, wrongConfirmationCode(sent), NEW_PASSWORD))).toBe('CodeMismatchException')
      await w.auth.confirmResetPassword(username, sent, NEW_PASSWORD)
      // Single use.
      expect(await errorName(w.auth.confirmResetPassword(username, sent, 'Another-password-2026!'))).toBe('ExpiredCodeException')

      expect(await errorName(w.auth.signIn(username, password))).toBe('NotAuthorizedException')
      expect(await w.auth.signIn(username, NEW_PASSWORD)).toEqual({ step: 'totp-code' })
    })

    test('a code lasts an hour; five wrong codes an hour, then LimitExceededException even for the right one', async () => {
      const w = await world('optional')
      const { username } = await w.createUser()
      await w.auth.resetPassword(username)
      w.advance(60 * 60_000)
      expect(await errorName(w.auth.confirmResetPassword(username, w.resetCode(username), PASSWORD))).toBe('ExpiredCodeException')

      await w.auth.resetPassword(username)
      const sent = w.resetCode(username)
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(await errorName(w.auth.confirmResetPassword(username, wrongConfirmationCode(sent), PASSWORD))).toBe('CodeMismatchException')
      }
      expect(await errorName(w.auth.confirmResetPassword(username, sent, PASSWORD))).toBe('LimitExceededException')
    })

    test('five codes an hour, then LimitExceededException; an unknown name is UserNotFoundException (legacy existence errors)', async () => {
      const w = await world('optional')
      const { username } = await w.createUser()
      for (let attempt = 1; attempt <= 5; attempt++) await w.auth.resetPassword(username)
      expect(await errorName(w.auth.resetPassword(username))).toBe('LimitExceededException')
      expect(await errorName(w.auth.resetPassword(uniqueName('nobody')))).toBe('UserNotFoundException')
    })
  })

  describe('sign-up and its confirmation', () => {
    test('sign-up asks for a code sent to the masked email; a wrong code is CodeMismatchException; the right one lets the user sign in', async () => {
      const w = await world('optional')
      const username = uniqueName('gus')
      expect(await w.auth.signUp(username, PASSWORD, 'gus@example.com')).toEqual({
        step: 'confirm-sign-up',
        destination: 'g***@e***',
      })
      // Proving the password of an unconfirmed account leads to the confirmation step.
      expect(await w.auth.signIn(username, PASSWORD)).toEqual({ step: 'confirm-sign-up' })

      expect(await errorName(w.auth.confirmSignUp(username, wrongConfirmationCode(w.confirmationCode(username))))).toBe('CodeMismatchException')
      await w.auth.confirmSignUp(username, w.confirmationCode(username))
      expect(await errorName(w.auth.confirmSignUp(username, w.confirmationCode(username)))).toBe('NotAuthorizedException')
      expect(await w.auth.signIn(username, PASSWORD)).toEqual({ step: 'done' })
    })

    test('a taken username is UsernameExistsException (in any case); a weak password is InvalidPasswordException first', async () => {
      const w = await world('optional')
      const { username } = await w.createUser()
      expect(await errorName(w.auth.signUp(username.toUpperCase(), PASSWORD))).toBe('UsernameExistsException')
      expect(await errorName(w.auth.signUp(username, 'weak'))).toBe('InvalidPasswordException')
      expect(await errorName(w.auth.signUp(uniqueName('new'), 'longenoughbutplain'))).toBe('InvalidPasswordException')
    })

    test('a code can be sent again to the same masked address; confirming a confirmed or unknown user is refused', async () => {
      const w = await world('optional')
      const username = uniqueName('hana')
      await w.auth.signUp(username, PASSWORD, 'hana@example.com')
      expect(await w.auth.resendSignUpCode(username)).toEqual({ destination: 'h***@e***' })
      await w.auth.confirmSignUp(username, w.confirmationCode(username))
      expect(await errorName(w.auth.resendSignUpCode(username))).toBe('InvalidParameterException')
      expect(await errorName(w.auth.confirmSignUp(uniqueName('nobody'), '123456'))).toBe('UserNotFoundException')
    })

    test('in the MFA-required pool a confirmed sign-up goes on to authenticator setup', async () => {
      const w = await world('required')
      const username = uniqueName('ivy')
      await w.auth.signUp(username, PASSWORD, 'ivy@example.com')
      await w.auth.confirmSignUp(username, w.confirmationCode(username))
      expect(await w.auth.signIn(username, PASSWORD)).toEqual({ step: 'totp-setup', secret: expect.stringMatching(/^[A-Z2-7]{16,}$/) })
    })
  })
}

/** A six-digit confirmation code other than `code`. */
function wrongConfirmationCode(code: string): string {
  return code === '000000' ? '111111' : '000000'
}

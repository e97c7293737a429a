// An in-memory AuthGateway for component tests. It follows the local pool's rules (sessions, wrong
// and reused codes, lockout, MFA decisions, password policy) and throws errors the way Amplify does:
// an Error whose `name` is Cognito's __type, with Cognito's text as the message (which the screens
// must never show, except lockout's). tests/gateway runs one contract suite against this fake and
// against the Amplify gateway on the local pool, so the two cannot drift apart unnoticed.
//
// Codes: by default `totpCode` is the one code every authenticator shows and `usedCode` the one whose
// time step was spent. Given `codeFor` (a phone's TOTP function), codes are checked as the pool
// checks them instead: against the user's key at `clock`'s time, ±1 step, each step accepted once.
import type { AuthGateway, CodeStepOptions, CurrentUser, MfaStatus, MfaType, ReauthenticationStep, SignInStep } from '../../src/auth/auth-gateway.ts'
import { isSuspended, refusedByServer, seenWithoutAuthenticator, type AuthenticatorEvidence } from '../../src/auth/authenticator-evidence.ts'
import { readableName, type RememberedBrowsers } from '../../src/auth/remembered-browsers.ts'

export type FakeUser = {
  username: string
  password: string
  email?: string
  status?: 'confirmed' | 'unconfirmed' | 'force-change-password' | 'reset-required'
  /** Present when an authenticator app is verified and switched on. */
  totp?: { preferred?: boolean; deviceName?: string }
  /**
   * The verified authenticator's key (the first of `secrets` for a user seeded with `totp`). As in
   * Cognito it outlives turning TOTP off, and a new key replaces it once its code is verified.
   */
  totpSecret?: string
  sms?: boolean
  /** Seeded as locked out (for good: only five wrong passwords make a lockout that lapses with `clock`). */
  lockedOut?: boolean
  /**
   * Browsers the user chose to remember (Cognito's remembered devices, ADR 025), in the order
   * ListDevices gives them. `name` is what Amplify sent as the device name (a user agent);
   * `thisBrowser`: the fake's one browser holds its key, so its sign-ins skip the code.
   */
  rememberedBrowsers?: Array<{ id: string; name?: string; lastSignedInAt?: number; thisBrowser?: boolean }>
}

export type FakeOptions = {
  users?: FakeUser[]
  /** The code the user's authenticator app shows now (fixed-code mode). */
  totpCode?: string
  /** A code whose time step was already used (Cognito answers ExpiredCodeException; fixed-code mode). */
  usedCode?: string
  /** A phone's TOTP function (tests/support/phone-totp.ts): check codes against keys and `clock` as the pool does. */
  codeFor?: (secret: string, atMs: number) => string
  /** The pool's clock: challenge sessions lapse and lockouts end by it. Default: real time. */
  clock?: { now(): number }
  smsCode?: string
  /** The sign-up confirmation code "sent" by Cognito. */
  confirmationCode?: string
  /** The password-reset code ForgotPassword "sends" (every time; a new one replaces the last as it would). */
  resetCode?: string
  mfaRequired?: boolean
  signedInAs?: string
  /** What this "browser" already recorded of each user's authenticator (ADR 015), by username. */
  seen?: Record<string, AuthenticatorEvidence>
  /** When the `signedInAs` session's sign-in happened (its auth_time), by `clock`. Default: now. */
  signedInAt?: number
  /** Secrets handed out by beginTotpSetup / MFA_SETUP, in order (then repeats the last). */
  secrets?: string[]
  /**
   * Whether the pool tracks devices (a DeviceConfiguration: the demo pools do). Without it no
   * sign-in brings a device key, and "Don't ask for a code on this browser" fails to remember.
   */
  devicesTracked?: boolean
  /** What Amplify names this browser's devices (its user agent). Default: Chrome on Windows. */
  browserName?: string
}

export type FakeAuthGateway = AuthGateway & {
  /** The next call of `method` throws an Amplify-shaped error with this name; called again, the call after that too. */
  failNext(method: keyof AuthGateway, name: string, message?: string): void
  /** Calls of `method` wait until the returned release function is called. */
  hold(method: keyof AuthGateway): () => void
  /** The server-side challenge session lapses now (Cognito's 3-minute AuthSessionValidity). */
  expireSession(): void
  /** Adds an account, as an administrator (or a seed script) would. */
  addUser(user: FakeUser): void
  user(username: string): FakeUser | undefined
  signedInAs(): string | undefined
  /** The user's device records as the pool keeps them, remembered or not (the admin's view). */
  devices(username: string): ReadonlyArray<{ id: string; remembered: boolean }>
  readonly calls: ReadonlyArray<{ method: keyof AuthGateway; args: unknown[] }>
}

export function authError(name: string, message = name): Error {
  const error = new Error(message)
  error.name = name
  return error
}

/** AuthSessionValidity: the local pools' app clients keep Cognito's default. */
const SESSION_MS = 3 * 60_000
/** Wrong answers a challenge session survives (the pool's MAX_CODE_TRIES). */
const CODE_TRIES = 5
/** Wrong passwords before the first lockout; then 1 s, 2 s, 4 s … up to 15 minutes. */
const FREE_PASSWORD_FAILURES = 5
const MAX_LOCK_MS = 15 * 60_000
const TOTP_STEP_MS = 30_000
/** What Amplify names a device by default here: the user agent of Chrome on Windows. */
const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

/** A device record, as the pool keeps it per user (ConfirmDevice, UpdateDeviceStatus). */
type Device = { id: string; name?: string; lastSignedInAt?: number; remembered: boolean }

type PlainStep = { kind: 'totp' | 'select' | 'delivered' | 'new-password' | 'reauth'; username: string }
type SetupStep = { kind: 'setup'; username: string; secret: string }
type Step = PlainStep | SetupStep
/** A challenge session: single use, lapses after AuthSessionValidity, survives a few wrong answers. */
type Session = { expiresAt: number; triesLeft: number }
type Challenge = Step & Session

/** What the pool keeps about a user beyond FakeUser. */
type Account = {
  failedPasswords: number
  lockedUntil?: number
  lastUsedStep?: number
  confirmTriesLeft: number
  /** The reset code asked for last (docs/cognito-behaviour.md#password-reset-codes): valid an hour, single use. */
  resetCode?: { code: string; expiresAt: number }
  /** Times of reset codes asked for and of wrong reset codes, for the pool's five-an-hour limits. */
  resetRequests: number[]
  wrongResetCodes: number[]
}

/** How long a reset code lasts, and the window of the hourly limits on asking for and guessing one. */
const RESET_CODE_MS = 60 * 60_000
const RESET_LIMIT = 5

/** Cognito's default password policy, with its wording (the local pools use it). */
function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return 'Password not long enough'
  if (!/[A-Z]/.test(password)) return 'Password must have uppercase characters'
  if (!/[a-z]/.test(password)) return 'Password must have lowercase characters'
  if (!/[0-9]/.test(password)) return 'Password must have numeric characters'
  if (!/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password)) return 'Password must have symbol characters'
  return undefined
}

function enforcePasswordPolicy(password: string): void {
  const problem = passwordProblem(password)
  if (problem) throw authError('InvalidPasswordException', `Password did not conform with policy: ${problem}`)
}

/** How Cognito shows where a code went: first letters only. */
function maskEmail(email: string | undefined): string | undefined {
  if (!email) return undefined
  const [local, domain = ''] = email.split('@')
  return `${local.charAt(0)}***@${domain.charAt(0)}***`
}

export function createFakeAuthGateway(options: FakeOptions = {}): FakeAuthGateway {
  const clock = options.clock ?? { now: () => Date.now() }
  const totpCode = options.totpCode ?? '123456'
  const confirmationCode = options.confirmationCode ?? '246810'
  const smsCode = options.smsCode ?? '135790'
  const resetCode = options.resetCode ?? '864209'
  const secrets = options.secrets ?? ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP']
  const users = new Map<string, FakeUser>()
  const accounts = new Map<string, Account>()
  let secretsIssued = 0
  // The session, with the time of the sign-in it comes from (the ID token's auth_time, whole seconds).
  let signedIn: (CurrentUser & { authTime: number }) | undefined
  const authTimeNow = () => Math.floor(clock.now() / 1000) * 1000
  let challenge: Challenge | undefined
  let pendingSetup: { username: string; secret: string } | undefined
  const failures = new Map<keyof AuthGateway, Error[]>()
  const gates = new Map<keyof AuthGateway, Promise<void>>()
  // What the user typed at the password step: getCurrentUser's loginId once sign-in is done.
  const loginIds = new Map<string, string>()
  const loginIdOf = (username: string) => loginIds.get(username) ?? username
  // The device name given when the current key was verified (Cognito keeps it with the key).
  const verifiedDeviceNames = new Map<string, string | undefined>()
  // What this "browser" saw of each user's authenticator, as the real gateway records it (ADR 015).
  const evidence = new Map<string, AuthenticatorEvidence>()
  const see = (username: string, seen: AuthenticatorEvidence | undefined) => {
    if (seen) evidence.set(keyOf(username), seen)
    else evidence.delete(keyOf(username))
  }
  // Whether this sign-in's SELECT_MFA_TYPE offered the authenticator (then it was active).
  let totpOffered = false
  // Device tracking (ADR 025): the pool's device records per user, and the key this one browser
  // holds per user (Amplify keeps it beside the tokens, across sign-outs).
  const devicesTracked = options.devicesTracked ?? true
  const browserName = options.browserName ?? CHROME_ON_WINDOWS
  const devices = new Map<string, Device[]>()
  const heldKeys = new Map<string, string>()
  let devicesIssued = 0
  // "Don't ask for a code on this browser" failed at this page's latest sign-in.
  let rememberFailed = false
  const devicesOf = (username: string) => devices.get(keyOf(username)) ?? []
  /** The device this browser presents for the user: the key it holds, when the pool still knows it. */
  const presented = (username: string) => devicesOf(username).find((d) => d.id === heldKeys.get(keyOf(username)))
  const calls: Array<{ method: keyof AuthGateway; args: unknown[] }> = []

  const nextSecret = () => secrets[Math.min(secretsIssued++, secrets.length - 1)]
  // The local pools ignore the case of usernames (UsernameConfiguration.CaseSensitive false).
  const keyOf = (username: string) => username.toLowerCase()
  const findUser = (username: string) => users.get(keyOf(username))
  const account = (user: FakeUser) => accounts.get(keyOf(user.username))!

  function addUser(seed: FakeUser) {
    const user: FakeUser = { status: 'confirmed', ...seed }
    if (user.totp && !user.totpSecret) user.totpSecret = secrets[0]
    users.set(keyOf(user.username), user)
    devices.set(
      keyOf(user.username),
      (user.rememberedBrowsers ?? []).map((b) => ({ id: b.id, name: b.name, lastSignedInAt: b.lastSignedInAt, remembered: true })),
    )
    const mine = user.rememberedBrowsers?.find((b) => b.thisBrowser)
    if (mine) heldKeys.set(keyOf(user.username), mine.id)
    accounts.set(keyOf(user.username), {
      failedPasswords: 0,
      lockedUntil: user.lockedOut ? Infinity : undefined,
      confirmTriesLeft: CODE_TRIES,
      resetRequests: [],
      wrongResetCodes: [],
    })
  }
  for (const seed of options.users ?? []) addUser(seed)
  for (const [username, seen] of Object.entries(options.seen ?? {})) evidence.set(keyOf(username), seen)
  if (options.signedInAs) {
    const user = findUser(options.signedInAs)
    signedIn = {
      username: user?.username ?? options.signedInAs,
      loginId: options.signedInAs,
      authTime: Math.floor((options.signedInAt ?? clock.now()) / 1000) * 1000,
    }
  }

  async function enter(method: keyof AuthGateway, args: unknown[]) {
    calls.push({ method, args })
    await gates.get(method)
    await Promise.resolve()
    const failure = failures.get(method)?.shift()
    if (failure) throw failure
  }

  /** A new challenge session for the next step, valid for AuthSessionValidity from now. */
  function begin(step: Step): void {
    challenge = { ...step, expiresAt: clock.now() + SESSION_MS, triesLeft: CODE_TRIES }
  }

  function requireChallenge<K extends Step['kind']>(kind: K): (K extends 'setup' ? SetupStep : PlainStep) & Session {
    if (!challenge || challenge.kind !== kind) {
      // What Amplify throws when confirmSignIn runs without a sign-in in progress.
      throw authError('SignInException', 'An error occurred during the sign in process.')
    }
    if (challenge.triesLeft <= 0) throw authError('NotAuthorizedException', 'Invalid session for the user, session can only be used once.')
    if (clock.now() >= challenge.expiresAt) throw authError('NotAuthorizedException', 'Invalid session for the user, session is expired.')
    return challenge as (K extends 'setup' ? SetupStep : PlainStep) & Session
  }

  /** A wrong answer: the session survives for another try, until the tries run out. */
  function wrongAnswer(current: Session, error: Error): never {
    current.triesLeft -= 1
    throw error
  }

  function requireSignedIn(): FakeUser {
    // Amplify finds no tokens to send.
    if (!signedIn) throw authError('UserUnAuthenticatedException', 'User needs to be authenticated to call this API.')
    const user = findUser(signedIn.username)
    if (!user) throw authError('NotAuthorizedException', 'Access Token has been revoked')
    return user
  }

  /**
   * The time step `code` belongs to for this key, or null when it matches none (±1 step). In
   * fixed-code mode `totpCode` is the current step's code for every key.
   */
  function matchStep(secret: string | undefined, code: string): number | null {
    const now = clock.now()
    const step = Math.floor(now / TOTP_STEP_MS)
    if (!options.codeFor) return code === totpCode ? step : null
    if (!secret || !/^\d{6}$/.test(code)) return null
    for (const delta of [-1, 0, 1]) {
      if (options.codeFor(secret, now + delta * TOTP_STEP_MS) === code) return step + delta
    }
    return null
  }

  /** A step is spent once a code of it was accepted, at sign-in or by a setup (RFC 6238 §5.2). */
  function isSpent(user: FakeUser, code: string, step: number | null): boolean {
    if (!options.codeFor) return code === options.usedCode
    const last = account(user).lastUsedStep
    return step !== null && last !== undefined && step <= last
  }

  function spend(user: FakeUser, step: number) {
    if (!options.codeFor) return
    const acc = account(user)
    acc.lastUsedStep = Math.max(step, acc.lastUsedStep ?? step)
  }

  /** SOFTWARE_TOKEN_MFA's answer: a reused or wrong code costs the session a try; the right one spends its step. */
  function answerCode(current: Session, user: FakeUser, code: string): void {
    const step = matchStep(user.totpSecret, code)
    if (isSpent(user, code, step)) {
      wrongAnswer(current, authError('ExpiredCodeException', 'Your software token has already been used once.'))
    }
    if (step === null) wrongAnswer(current, authError('CodeMismatchException', 'Invalid code received for user'))
    spend(user, step)
  }

  function finish(username: string, loginId: string, seen: AuthenticatorEvidence): SignInStep {
    challenge = undefined
    signedIn = { username, loginId, authTime: authTimeNow() }
    // The device this browser presented signs in again; a browser without one gets a new device
    // record (NewDeviceMetadata, confirmed by Amplify), not remembered until the user chooses.
    const device = presented(username)
    if (device) device.lastSignedInAt = clock.now()
    else if (devicesTracked) {
      const id = `eu-west-1_fake-device-${++devicesIssued}`
      devices.set(keyOf(username), [...devicesOf(username), { id, name: browserName, lastSignedInAt: clock.now(), remembered: false }])
      heldKeys.set(keyOf(username), id)
    }
    // No code asked while a known device key went along: a remembered browser explains it (ADR 025).
    const shown = seen === 'not-asked' && device ? 'not-asked-known-browser' : seen
    const without = shown === 'not-asked' || shown === 'other-factor-only' || shown === 'not-asked-known-browser'
    see(username, without ? seenWithoutAuthenticator(evidence.get(keyOf(username)), shown) : shown)
    return { step: 'done' }
  }

  /** "Don't ask for a code on this browser": UpdateDeviceStatus once signed in; a failure is only noted. */
  function rememberIfChosen(step: SignInStep, opts: CodeStepOptions | undefined): SignInStep {
    rememberFailed = false
    if (step.step !== 'done' || !opts?.rememberBrowser) return step
    const device = signedIn && presented(signedIn.username)
    if (device) device.remembered = true
    // Amplify holds no device metadata (the pool tracks no devices): DeviceMetadataNotFoundException.
    else rememberFailed = true
    return step
  }

  /** ForgetDevice; an unknown key is already forgotten. This browser's own key goes here too. */
  function forgetDevice(user: FakeUser, id: string) {
    devices.set(
      keyOf(user.username),
      devicesOf(user.username).filter((d) => d.id !== id),
    )
    if (heldKeys.get(keyOf(user.username)) === id) {
      heldKeys.delete(keyOf(user.username))
      if (evidence.get(keyOf(user.username)) === 'not-asked-known-browser') see(user.username, undefined)
    }
  }

  /** The password step of a sign-in or a re-authentication: lockout first, then the password. */
  function provePassword(user: FakeUser, password: string): void {
    const acc = account(user)
    // During a lockout every attempt is refused without the password being checked.
    if (acc.lockedUntil !== undefined && clock.now() < acc.lockedUntil) {
      throw authError('NotAuthorizedException', 'Password attempts exceeded')
    }
    if (user.password !== password) {
      acc.failedPasswords += 1
      if (acc.failedPasswords >= FREE_PASSWORD_FAILURES) {
        acc.lockedUntil = clock.now() + Math.min(1000 * 2 ** (acc.failedPasswords - FREE_PASSWORD_FAILURES), MAX_LOCK_MS)
      }
      throw authError('NotAuthorizedException', 'Incorrect username or password.')
    }
    acc.failedPasswords = 0
    acc.lockedUntil = undefined
  }

  /** Whether the user's verified authenticator counts: a new key awaiting its code suspends it (docs/cognito-behaviour.md#authenticator-setup). */
  const totpActive = (user: FakeUser) => Boolean(user.totp) && pendingSetup?.username !== user.username

  /** Cognito's MFA decision after the password is proven (docs/cognito-behaviour.md#mfa-decision). */
  function afterPassword(user: FakeUser, loginId: string): SignInStep {
    const username = user.username
    const totp = totpActive(user)
    // A remembered device answers DEVICE_SRP_AUTH in place of the MFA challenge (docs/cognito-behaviour.md#remembered-devices).
    if ((totp || user.sms) && presented(username)?.remembered) return finish(username, loginId, 'not-asked')
    if (totp && user.sms && !user.totp?.preferred) {
      begin({ kind: 'select', username })
      totpOffered = true
      return { step: 'select-mfa', options: ['sms', 'totp'] }
    }
    if (totp) {
      begin({ kind: 'totp', username })
      return { step: 'totp-code' }
    }
    if (user.sms) {
      begin({ kind: 'delivered', username })
      return { step: 'delivered-code', channel: 'sms', destination: '+*******1234' }
    }
    if (options.mfaRequired) {
      const secret = nextSecret()
      begin({ kind: 'setup', username, secret })
      // As the real gateway records it: a key shown here before and never verified is gone now.
      const earlier = evidence.get(keyOf(username)) === 'association-pending'
      see(username, 'association-pending')
      return earlier ? { step: 'totp-setup', secret, replacesUnverifiedKey: true } : { step: 'totp-setup', secret }
    }
    return finish(username, loginId, 'not-asked')
  }

  const gateway: FakeAuthGateway = {
    calls,
    failNext(method, name, message) {
      failures.set(method, [...(failures.get(method) ?? []), authError(name, message)])
    },
    hold(method) {
      let release!: () => void
      gates.set(method, new Promise<void>((resolve) => (release = resolve)))
      return () => {
        gates.delete(method)
        release()
      }
    },
    expireSession() {
      if (challenge) challenge.expiresAt = clock.now()
    },
    addUser,
    user: (username) => findUser(username),
    signedInAs: () => signedIn?.username,
    devices: (username) => devicesOf(username).map((d) => ({ id: d.id, remembered: d.remembered })),

    async getCurrentUser(): Promise<CurrentUser | null> {
      await enter('getCurrentUser', [])
      return signedIn ? { username: signedIn.username, loginId: signedIn.loginId } : null
    },
    async signIn(username, password) {
      await enter('signIn', [username, '[password]'])
      totpOffered = false
      rememberFailed = false
      if (signedIn) throw authError('UserAlreadyAuthenticatedException', 'There is already a signed in user.')
      if (!username) throw authError('EmptySignInUsername', 'username is required to signIn')
      if (!password) throw authError('EmptySignInPassword', 'password is required to signIn')
      const user = findUser(username)
      // The local pools' clients keep legacy existence errors (PreventUserExistenceErrors off).
      if (!user) throw authError('UserNotFoundException', 'User does not exist.')
      provePassword(user, password)
      if (user.status === 'unconfirmed') return { step: 'confirm-sign-up' }
      if (user.status === 'reset-required') return { step: 'reset-password' }
      if (user.status === 'force-change-password') {
        begin({ kind: 'new-password', username: user.username })
        loginIds.set(user.username, username)
        return { step: 'new-password', missingAttributes: [] }
      }
      loginIds.set(user.username, username)
      return afterPassword(user, username)
    },
    async confirmTotpCode(code, opts) {
      await enter('confirmTotpCode', opts ? [code, opts] : [code])
      const current = requireChallenge('totp')
      const user = findUser(current.username)!
      answerCode(current, user, code)
      return rememberIfChosen(finish(user.username, loginIdOf(user.username), 'asked-for-code'), opts)
    },
    async confirmTotpSetupDuringSignIn(code, deviceName, opts) {
      await enter('confirmTotpSetupDuringSignIn', opts ? [code, deviceName, opts] : [code, deviceName])
      const current = requireChallenge('setup')
      const step = matchStep(current.secret, code)
      if (step === null) {
        return wrongAnswer(current, authError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'))
      }
      const user = findUser(current.username)!
      spend(user, step)
      user.totpSecret = current.secret
      // Completing setup during sign-in leaves TOTP on and preferred (docs/cognito-behaviour.md#authenticator-setup).
      user.totp = { preferred: true, deviceName: deviceName.trim() || undefined }
      return rememberIfChosen(finish(user.username, loginIdOf(user.username), 'asked-for-code'), opts)
    },
    async selectMfaType(type: MfaType) {
      await enter('selectMfaType', [type])
      const { username } = requireChallenge('select')
      if (type === 'totp') {
        begin({ kind: 'totp', username })
        return { step: 'totp-code' }
      }
      begin({ kind: 'delivered', username })
      return { step: 'delivered-code', channel: 'sms', destination: '+*******1234' }
    },
    async confirmDeliveredCode(code) {
      await enter('confirmDeliveredCode', [code])
      const current = requireChallenge('delivered')
      if (code !== smsCode) return wrongAnswer(current, authError('CodeMismatchException', 'Invalid code received for user'))
      return finish(current.username, loginIdOf(current.username), totpOffered ? 'asked-for-code' : 'other-factor-only')
    },
    async completeNewPassword(password, attributes) {
      await enter('completeNewPassword', ['[password]', attributes])
      const { username } = requireChallenge('new-password')
      enforcePasswordPolicy(password)
      const user = findUser(username)!
      user.password = password
      user.status = 'confirmed'
      return afterPassword(user, loginIdOf(username))
    },
    async signUp(username, password, email) {
      await enter('signUp', [username, '[password]', email])
      enforcePasswordPolicy(password)
      if (findUser(username)) throw authError('UsernameExistsException', 'User already exists')
      addUser({ username, password, email, status: 'unconfirmed' })
      return { step: 'confirm-sign-up', destination: maskEmail(email) }
    },
    async confirmSignUp(username, code) {
      await enter('confirmSignUp', [username, code])
      const user = findUser(username)
      if (!user) throw authError('UserNotFoundException', 'User does not exist.')
      if (user.status !== 'unconfirmed') {
        throw authError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED')
      }
      const acc = account(user)
      // Repeated wrong codes spend the code, so it cannot be guessed; a new one must be sent.
      if (acc.confirmTriesLeft <= 0) throw authError('ExpiredCodeException', 'Invalid code provided, please request a code again.')
      if (code !== confirmationCode) {
        acc.confirmTriesLeft -= 1
        throw authError('CodeMismatchException', 'Invalid verification code provided, please try again.')
      }
      user.status = 'confirmed'
    },
    async resendSignUpCode(username) {
      await enter('resendSignUpCode', [username])
      const user = findUser(username)
      if (!user) throw authError('UserNotFoundException', 'User does not exist.')
      if (user.status !== 'unconfirmed') throw authError('InvalidParameterException', 'User is already confirmed.')
      account(user).confirmTriesLeft = CODE_TRIES
      return { destination: maskEmail(user.email) }
    },
    async resetPassword(username) {
      await enter('resetPassword', [username])
      const user = findUser(username)
      // The local pools' clients keep legacy existence errors (PreventUserExistenceErrors off).
      if (!user) throw authError('UserNotFoundException', 'User does not exist.')
      if (!user.email || user.status === 'unconfirmed') {
        throw authError('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number')
      }
      const acc = account(user)
      const since = clock.now() - RESET_CODE_MS
      acc.resetRequests = acc.resetRequests.filter((at) => at > since)
      if (acc.resetRequests.length >= RESET_LIMIT) throw authError('LimitExceededException', 'Attempt limit exceeded, please try after some time.')
      acc.resetRequests.push(clock.now())
      acc.resetCode = { code: resetCode, expiresAt: clock.now() + RESET_CODE_MS }
      return { destination: maskEmail(user.email), channel: 'email' }
    },
    async confirmResetPassword(username, code, newPassword) {
      await enter('confirmResetPassword', [username, code, '[password]'])
      const user = findUser(username)
      if (!user) throw authError('UserNotFoundException', 'User does not exist.')
      // The policy comes before the code, so a weak password costs no try.
      enforcePasswordPolicy(newPassword)
      const acc = account(user)
      const since = clock.now() - RESET_CODE_MS
      acc.wrongResetCodes = acc.wrongResetCodes.filter((at) => at > since)
      if (acc.wrongResetCodes.length >= RESET_LIMIT) throw authError('LimitExceededException', 'Attempt limit exceeded, please try after some time.')
      if (!acc.resetCode || clock.now() >= acc.resetCode.expiresAt) {
        throw authError('ExpiredCodeException', 'Invalid code provided, please request a code again.')
      }
      if (code !== acc.resetCode.code) {
        acc.wrongResetCodes.push(clock.now())
        throw authError('CodeMismatchException', 'Invalid verification code provided, please try again.')
      }
      acc.resetCode = undefined
      user.password = newPassword
      if (user.status === 'reset-required' || user.status === 'force-change-password') user.status = 'confirmed'
      // It ends a lockout; the authenticator stays (docs/cognito-behaviour.md#confirmforgotpassword).
      acc.lockedUntil = undefined
    },
    async signOut(opts) {
      await enter('signOut', [opts])
      signedIn = undefined
      challenge = undefined
      rememberFailed = false
    },
    async fetchMfaStatus(): Promise<MfaStatus> {
      await enter('fetchMfaStatus', [])
      const user = requireSignedIn()
      const seen = evidence.get(keyOf(user.username))
      return {
        totpEnabled: Boolean(user.totp),
        totpPreferred: Boolean(user.totp?.preferred),
        totpSuspended: isSuspended(Boolean(user.totp), seen, false, Boolean(presented(user.username)?.remembered)),
        setupPending: seen === 'association-pending',
        otherFactors: user.sms ? ['sms'] : [],
        deviceName: user.totp?.deviceName,
      }
    },
    async beginTotpSetup() {
      // Recorded before the call, as the real gateway does; only a refusal by name puts it back.
      const asking = signedIn?.username
      const previous = asking ? evidence.get(keyOf(asking)) : undefined
      if (asking) see(asking, 'association-pending')
      try {
        await enter('beginTotpSetup', [])
      } catch (error) {
        if (asking && refusedByServer(error)) see(asking, previous)
        throw error
      }
      const user = requireSignedIn()
      pendingSetup = { username: user.username, secret: nextSecret() }
      return { secret: pendingSetup.secret }
    },
    async verifyTotpSetup(code, deviceName) {
      await enter('verifyTotpSetup', [code, deviceName])
      const user = requireSignedIn()
      if (!pendingSetup || pendingSetup.username !== user.username) {
        throw authError('InvalidParameterException', 'There is no software token to verify: call AssociateSoftwareToken first.')
      }
      const step = matchStep(pendingSetup.secret, code)
      if (step === null) {
        throw authError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA')
      }
      // The verified key replaces the old one at once; whether TOTP is on is a separate setting.
      spend(user, step)
      user.totpSecret = pendingSetup.secret
      if (user.totp) user.totp = { ...user.totp, deviceName: deviceName.trim() || undefined }
      verifiedDeviceNames.set(user.username, deviceName.trim() || undefined)
      pendingSetup = undefined
      see(user.username, 'asked-for-code')
    },
    async setTotpPreferred() {
      await enter('setTotpPreferred', [])
      const user = requireSignedIn()
      if (!user.totpSecret) throw authError('InvalidParameterException', 'User has not verified software token mfa')
      const deviceName = verifiedDeviceNames.has(user.username) ? verifiedDeviceNames.get(user.username) : user.totp?.deviceName
      user.totp = { preferred: true, deviceName }
    },
    async disableTotp() {
      await enter('disableTotp', [])
      const user = requireSignedIn()
      if (options.mfaRequired)
        throw authError('InvalidParameterException', 'MFA is required by the user pool: the last MFA method cannot be disabled.')
      // Only the setting goes; the verified key stays, as in Cognito.
      user.totp = undefined
      see(user.username, undefined)
    },
    async authenticatedAt() {
      await enter('authenticatedAt', [])
      requireSignedIn()
      return signedIn!.authTime
    },
    async listRememberedBrowsers(): Promise<RememberedBrowsers> {
      await enter('listRememberedBrowsers', [])
      const user = requireSignedIn()
      const held = heldKeys.get(keyOf(user.username))
      // ListDevices lists the remembered devices only.
      const browsers = devicesOf(user.username)
        .filter((d) => d.remembered)
        .map((d) => ({ id: d.id, name: readableName(d.name), lastSignedInAt: d.lastSignedInAt, thisBrowser: d.id === held }))
      return { browsers, rememberFailed }
    },
    async forgetRememberedBrowser(id) {
      await enter('forgetRememberedBrowser', [id])
      forgetDevice(requireSignedIn(), id)
    },
    async forgetAllRememberedBrowsers() {
      await enter('forgetAllRememberedBrowsers', [])
      const user = requireSignedIn()
      for (const device of devicesOf(user.username).filter((d) => d.remembered)) forgetDevice(user, device.id)
    },
    // A fresh sign-in of the signed-in user beside the session, as the Amplify gateway makes it (ADR 016).
    async reauthenticate(password): Promise<ReauthenticationStep> {
      await enter('reauthenticate', ['[password]'])
      const user = requireSignedIn()
      challenge = undefined
      if (!password) throw authError('EmptySignInPassword', 'password is required to signIn')
      provePassword(user, password)
      // The fresh sign-in proves this browser's own device (ADR 016 as revisited): a remembered one
      // stands in for the code, as at sign-in (ADR 025).
      const remembered = Boolean(presented(user.username)?.remembered) && (totpActive(user) || Boolean(user.sms))
      if (totpActive(user) && !remembered) {
        // With SMS as well and neither preferred, the gateway chooses TOTP for the user.
        begin({ kind: 'reauth', username: user.username })
        return { step: 'totp-code' }
      }
      if (user.sms && !remembered) throw authError('ReauthenticationUnsupported', 'The fresh sign-in asked for SMS_MFA.')
      if (options.mfaRequired && !remembered) {
        // MFA_SETUP: the password was all the account requires. Amplify associates a new key with
        // the challenge (it replaces any pending one), and the sign-in is left to lapse: the session
        // keeps its tokens and its auth_time.
        pendingSetup = { username: user.username, secret: nextSecret() }
        see(user.username, 'association-pending')
        return { step: 'done', keyReplaced: true }
      }
      signedIn = { ...signedIn!, authTime: authTimeNow() }
      // The fresh sign-in asked for no code, as a sign-in without one records it (ADR 015); with this
      // browser's device presented, as one a remembered browser explains (ADR 025).
      const seenNow = presented(user.username) ? 'not-asked-known-browser' : 'not-asked'
      see(user.username, seenWithoutAuthenticator(evidence.get(keyOf(user.username)), seenNow))
      return { step: 'done' }
    },
    async confirmReauthenticationCode(code): Promise<ReauthenticationStep> {
      await enter('confirmReauthenticationCode', [code])
      const current = requireChallenge('reauth')
      const user = findUser(current.username)!
      answerCode(current, user, code)
      challenge = undefined
      signedIn = { ...signedIn!, authTime: authTimeNow() }
      see(user.username, 'asked-for-code')
      return { step: 'done' }
    },
  }
  return gateway
}

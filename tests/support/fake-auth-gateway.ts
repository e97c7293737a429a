// An in-memory AuthGateway for component tests. It follows Cognito's rules closely enough for
// the screens (sessions, wrong codes, lockout, MFA decisions) and throws errors the way Amplify
// does: an Error whose `name` is Cognito's __type, with Cognito's text as the message (which the
// screens must never show).
import type { AuthGateway, CurrentUser, MfaStatus, MfaType, SignInStep } from '../../src/auth/auth-gateway.ts'

export type FakeUser = {
  username: string
  password: string
  email?: string
  status?: 'confirmed' | 'unconfirmed' | 'force-change-password' | 'reset-required'
  /** Present when an authenticator app is verified and switched on. */
  totp?: { preferred?: boolean; deviceName?: string }
  sms?: boolean
  lockedOut?: boolean
}

export type FakeOptions = {
  users?: FakeUser[]
  /** The code the user's authenticator app shows now. */
  totpCode?: string
  /** A code whose time step was already used (Cognito answers ExpiredCodeException). */
  usedCode?: string
  smsCode?: string
  /** The sign-up confirmation code "sent" by Cognito. */
  confirmationCode?: string
  mfaRequired?: boolean
  signedInAs?: string
  /** Secrets handed out by beginTotpSetup / MFA_SETUP, in order (then repeats the last). */
  secrets?: string[]
}

export type FakeAuthGateway = AuthGateway & {
  /** The next call of `method` throws an Amplify-shaped error with this name. */
  failNext(method: keyof AuthGateway, name: string, message?: string): void
  /** Calls of `method` wait until the returned release function is called. */
  hold(method: keyof AuthGateway): () => void
  /** The server-side challenge session lapses (Cognito's 3-minute AuthSessionValidity). */
  expireSession(): void
  user(username: string): FakeUser | undefined
  signedInAs(): string | undefined
  readonly calls: ReadonlyArray<{ method: keyof AuthGateway; args: unknown[] }>
}

export function authError(name: string, message = name): Error {
  const error = new Error(message)
  error.name = name
  return error
}

type Challenge =
  | { kind: 'totp' | 'select' | 'delivered' | 'new-password'; username: string }
  | { kind: 'setup'; username: string; secret: string }

export function createFakeAuthGateway(options: FakeOptions = {}): FakeAuthGateway {
  const users = new Map((options.users ?? []).map((u) => [u.username, { status: 'confirmed', ...u } as FakeUser]))
  const totpCode = options.totpCode ?? '123456'
  const confirmationCode = options.confirmationCode ?? '246810'
  const smsCode = options.smsCode ?? '135790'
  const secrets = options.secrets ?? ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP']
  let secretsIssued = 0
  let signedIn = options.signedInAs
  let challenge: Challenge | undefined
  let sessionExpired = false
  let pendingSetup: { username: string; secret: string; verified: boolean; deviceName?: string } | undefined
  const failures = new Map<keyof AuthGateway, Error>()
  const gates = new Map<keyof AuthGateway, Promise<void>>()
  const calls: Array<{ method: keyof AuthGateway; args: unknown[] }> = []

  const nextSecret = () => secrets[Math.min(secretsIssued++, secrets.length - 1)]

  async function enter(method: keyof AuthGateway, args: unknown[]) {
    calls.push({ method, args })
    await gates.get(method)
    await Promise.resolve()
    const failure = failures.get(method)
    if (failure) {
      failures.delete(method)
      throw failure
    }
  }

  function requireChallenge(kind: Challenge['kind']): Challenge {
    if (!challenge || challenge.kind !== kind) {
      // What Amplify throws when confirmSignIn runs without a sign-in in progress.
      throw authError('SignInException', 'An error occurred during the sign in process.')
    }
    if (sessionExpired) throw authError('NotAuthorizedException', 'Invalid session for the user, session is expired.')
    return challenge
  }

  function requireSignedIn(): FakeUser {
    const user = signedIn ? users.get(signedIn) : undefined
    if (!user) throw authError('NotAuthorizedException', 'Access Token has been revoked')
    return user
  }

  function finish(username: string): SignInStep {
    challenge = undefined
    signedIn = username
    return { step: 'done' }
  }

  /** Cognito's MFA decision after the password is proven (docs/cognito-behaviour.md#mfa-decision). */
  function afterPassword(user: FakeUser): SignInStep {
    sessionExpired = false
    const username = user.username
    if (user.totp && user.sms && !user.totp.preferred) {
      challenge = { kind: 'select', username }
      return { step: 'select-mfa', options: ['sms', 'totp'] }
    }
    if (user.totp) {
      challenge = { kind: 'totp', username }
      return { step: 'totp-code' }
    }
    if (user.sms) {
      challenge = { kind: 'delivered', username }
      return { step: 'delivered-code', channel: 'sms', destination: '+*******1234' }
    }
    if (options.mfaRequired) {
      const secret = nextSecret()
      challenge = { kind: 'setup', username, secret }
      return { step: 'totp-setup', secret }
    }
    return finish(username)
  }

  const gateway: FakeAuthGateway = {
    calls,
    failNext(method, name, message) {
      failures.set(method, authError(name, message))
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
      sessionExpired = true
    },
    user: (username) => users.get(username),
    signedInAs: () => signedIn,

    async getCurrentUser(): Promise<CurrentUser | null> {
      await enter('getCurrentUser', [])
      return signedIn ? { username: signedIn, loginId: signedIn } : null
    },
    async signIn(username, password) {
      await enter('signIn', [username, '[password]'])
      if (signedIn) throw authError('UserAlreadyAuthenticatedException', 'There is already a signed in user.')
      if (!username) throw authError('EmptySignInUsername', 'username is required to signIn')
      if (!password) throw authError('EmptySignInPassword', 'password is required to signIn')
      const user = users.get(username)
      if (user?.lockedOut) throw authError('NotAuthorizedException', 'Password attempts exceeded')
      if (!user || user.password !== password) {
        throw authError('NotAuthorizedException', 'Incorrect username or password.')
      }
      if (user.status === 'unconfirmed') return { step: 'confirm-sign-up' }
      if (user.status === 'reset-required') return { step: 'reset-password' }
      if (user.status === 'force-change-password') {
        challenge = { kind: 'new-password', username }
        sessionExpired = false
        return { step: 'new-password', missingAttributes: [] }
      }
      return afterPassword(user)
    },
    async confirmTotpCode(code) {
      await enter('confirmTotpCode', [code])
      const { username } = requireChallenge('totp')
      if (code === options.usedCode) throw authError('ExpiredCodeException', 'Your software token has already been used once.')
      if (code !== totpCode) throw authError('CodeMismatchException', 'Invalid code received for user')
      return finish(username)
    },
    async confirmTotpSetupDuringSignIn(code, deviceName) {
      await enter('confirmTotpSetupDuringSignIn', [code, deviceName])
      const { username } = requireChallenge('setup')
      if (code !== totpCode) {
        throw authError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA')
      }
      const user = users.get(username)!
      user.totp = { preferred: true, deviceName: deviceName || undefined }
      return finish(username)
    },
    async selectMfaType(type: MfaType) {
      await enter('selectMfaType', [type])
      const { username } = requireChallenge('select')
      if (type === 'totp') {
        challenge = { kind: 'totp', username }
        return { step: 'totp-code' }
      }
      challenge = { kind: 'delivered', username }
      return { step: 'delivered-code', channel: 'sms', destination: '+*******1234' }
    },
    async confirmDeliveredCode(code) {
      await enter('confirmDeliveredCode', [code])
      const { username } = requireChallenge('delivered')
      if (code !== smsCode) throw authError('CodeMismatchException', 'Invalid code received for user')
      return finish(username)
    },
    async completeNewPassword(password, attributes) {
      await enter('completeNewPassword', ['[password]', attributes])
      const { username } = requireChallenge('new-password')
      if (password.length < 8) throw authError('InvalidPasswordException', 'Password did not conform with policy')
      const user = users.get(username)!
      user.password = password
      user.status = 'confirmed'
      return afterPassword(user)
    },
    async signUp(username, password, email) {
      await enter('signUp', [username, '[password]', email])
      if (users.has(username)) throw authError('UsernameExistsException', 'User already exists')
      if (password.length < 8) throw authError('InvalidPasswordException', 'Password did not conform with policy')
      users.set(username, { username, password, email, status: 'unconfirmed' })
      return { step: 'confirm-sign-up', destination: email ? `${email[0]}***@${email.split('@')[1] ?? ''}` : undefined }
    },
    async confirmSignUp(username, code) {
      await enter('confirmSignUp', [username, code])
      const user = users.get(username)
      if (!user) throw authError('UserNotFoundException', 'Username/client id combination not found.')
      if (user.status !== 'unconfirmed') {
        throw authError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED')
      }
      if (code !== confirmationCode) {
        throw authError('CodeMismatchException', 'Invalid verification code provided, please try again.')
      }
      user.status = 'confirmed'
    },
    async resendSignUpCode(username) {
      await enter('resendSignUpCode', [username])
      const user = users.get(username)
      return { destination: user?.email ? `${user.email[0]}***` : undefined }
    },
    async signOut(opts) {
      await enter('signOut', [opts])
      signedIn = undefined
      challenge = undefined
    },
    async fetchMfaStatus(): Promise<MfaStatus> {
      await enter('fetchMfaStatus', [])
      const user = requireSignedIn()
      return {
        totpEnabled: Boolean(user.totp),
        totpPreferred: Boolean(user.totp?.preferred),
        otherFactors: user.sms ? ['sms'] : [],
        deviceName: user.totp?.deviceName,
      }
    },
    async beginTotpSetup() {
      await enter('beginTotpSetup', [])
      const user = requireSignedIn()
      pendingSetup = { username: user.username, secret: nextSecret(), verified: false }
      return { secret: pendingSetup.secret }
    },
    async verifyTotpSetup(code, deviceName) {
      await enter('verifyTotpSetup', [code, deviceName])
      const user = requireSignedIn()
      if (!pendingSetup || pendingSetup.username !== user.username) {
        throw authError('InvalidParameterException', 'Associate a software token first.')
      }
      if (code !== totpCode) {
        throw authError('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA')
      }
      pendingSetup = { ...pendingSetup, verified: true, deviceName: deviceName || undefined }
    },
    async setTotpPreferred() {
      await enter('setTotpPreferred', [])
      const user = requireSignedIn()
      const verified = pendingSetup?.verified && pendingSetup.username === user.username
      if (!verified && !user.totp) {
        throw authError('InvalidParameterException', 'User has not verified software token mfa')
      }
      user.totp = { preferred: true, deviceName: verified ? pendingSetup?.deviceName : user.totp?.deviceName }
      pendingSetup = undefined
    },
    async disableTotp() {
      await enter('disableTotp', [])
      const user = requireSignedIn()
      if (options.mfaRequired) throw authError('InvalidParameterException', 'MFA is required for this user pool.')
      user.totp = undefined
    },
  }
  return gateway
}

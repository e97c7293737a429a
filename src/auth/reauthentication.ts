// Re-authentication while signed in (docs/decisions/016-recent-sign-in.md). Amplify's signIn refuses
// while a user is signed in, so the fresh sign-in runs in its own Amplify context
// (createAmplifyContext) whose tokens live in memory; the page's session is not touched until the
// fresh sign-in is complete and proven to be the same user. Then its tokens replace the session's in
// the storage the app chose (ADR 010) and the old refresh token is revoked.
import { createAmplifyContext, type AmplifyContext } from 'aws-amplify'
import { AUTH_KEY_PREFIX, createKeysForAuthStorage, createUserPoolsTokenProvider } from 'aws-amplify/adapter-core'
import { confirmSignIn, signIn, signOut, type SignInOutput } from 'aws-amplify/auth'
import type { KeyValueStorageInterface } from 'aws-amplify/utils'
import type { PoolConfig } from '../config/app-config.ts'
import { reauthenticationSessionChanged } from './auth-gateway.ts'

/** The signed-in session, as the page's Amplify sees it. */
export type SignedInSession = {
  /** The ID token's `sub`: the fresh sign-in must be the same user. */
  sub: string
  /** Cognito's username: the key under which Amplify stores the tokens. */
  username: string
  /** What the user typed to sign in, when known: the fresh sign-in uses it as they did. */
  loginId?: string
}

export type ReauthenticationDeps = {
  pool: PoolConfig
  /** Where the page's tokens are (ADR 010): the fresh ones go there, in place of the old ones. */
  storage: () => KeyValueStorageInterface
  /** The page's session; throws UserUnAuthenticatedException when there is none. */
  currentSession(): Promise<SignedInSession>
}

/**
 * A step of the re-authentication, and once done how it went: whether Cognito asked for the
 * authenticator's code, and whether the session now carries the fresh sign-in's tokens (not after
 * MFA_SETUP, which is left to lapse).
 */
export type ReauthenticationOutcome =
  | { step: 'totp-code' }
  /** `keyReplaced`: Amplify associated a new key at MFA_SETUP (see `next`). */
  | { step: 'done'; askedForCode: boolean; renewed: boolean; keyReplaced?: true }

export type Reauthentication = {
  reauthenticate(password: string): Promise<ReauthenticationOutcome>
  confirmCode(code: string): Promise<ReauthenticationOutcome>
}

/** The tokens of one session: what is copied into the page's storage, with this browser's device keys (below). */
const sessionKeys = ['accessToken', 'idToken', 'refreshToken', 'clockDrift', 'signInDetails'] as const

/**
 * This browser's device, lent to the fresh sign-in (ADR 024): a pool that tracks devices binds a refresh
 * token to the device it was issued on, so fresh tokens issued to another device would stop refreshing
 * on this page (docs/cognito-behaviour.md#remembered-devices).
 */
const deviceKeys = ['deviceKey', 'deviceGroupKey', 'randomPasswordKey'] as const

/** A KeyValueStorage that lives as long as one re-authentication and is seen by nothing else. */
class MemoryStorage implements KeyValueStorageInterface {
  private readonly items = new Map<string, string>()
  constructor(seed: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(seed)) this.items.set(key, value)
  }
  async setItem(key: string, value: string): Promise<void> {
    this.items.set(key, value)
  }
  async getItem(key: string): Promise<string | null> {
    return this.items.get(key) ?? null
  }
  async removeItem(key: string): Promise<void> {
    this.items.delete(key)
  }
  async clear(): Promise<void> {
    this.items.clear()
  }
}

/** The account name in Amplify's otpauth URI, `otpauth://totp/{appName}:{username}?…`. */
function setupUsername(uri: URL): string {
  const label = decodeURIComponent(uri.pathname.replace(/^\/+/, ''))
  return label.slice(label.indexOf(':') + 1)
}

function reauthError(name: string, message: string): Error {
  const error = new Error(message)
  error.name = name
  return error
}

type Attempt = {
  context: AmplifyContext
  storage: MemoryStorage
  tokens: ReturnType<typeof createUserPoolsTokenProvider>
  session: SignedInSession
  /** The page's refresh token when the attempt began: if it is another by the end, the session changed. */
  pageRefreshToken: string | null
  askedForCode: boolean
}

export function createReauthentication({ pool, storage, currentSession }: ReauthenticationDeps): Reauthentication {
  const authConfig = {
    Cognito: {
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      ...(pool.endpoint ? { userPoolEndpoint: pool.endpoint } : {}),
      loginWith: { username: true },
    },
  }
  const lastAuthUserKey = `${AUTH_KEY_PREFIX}.${pool.userPoolClientId}.LastAuthUser`
  const keysOf = (username: string) => createKeysForAuthStorage(AUTH_KEY_PREFIX, `${pool.userPoolClientId}.${username}`)
  let attempt: Attempt | undefined

  /** An Amplify context of its own over `memory`: its sign-in, tokens and sign-out touch nothing of the page's. */
  function isolated(memory: MemoryStorage) {
    const tokens = createUserPoolsTokenProvider(authConfig, memory)
    return { context: createAmplifyContext({ Auth: authConfig }, { Auth: { tokenProvider: tokens } }), tokens }
  }

  async function next(current: Attempt, output: SignInOutput): Promise<ReauthenticationOutcome> {
    const step = output.nextStep
    switch (step.signInStep) {
      case 'DONE':
        await install(current)
        return { step: 'done', askedForCode: current.askedForCode, renewed: true }
      case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
        current.askedForCode = true
        return { step: 'totp-code' }
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
        if (step.allowedMFATypes?.includes('TOTP')) return next(current, await confirmSignIn(current.context, { challengeResponse: 'TOTP' }))
        break
      case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP': {
        // MFA_SETUP comes only after the password was proven, in a pool that requires MFA whose
        // user has no authenticator that counts (a replacement left unverified suspends it:
        // docs/cognito-behaviour.md#authenticator-setup). The password is all this account
        // requires now; finishing this sign-in would mean enrolling a new authenticator, so it is
        // left to lapse and the session keeps its tokens (ADR 016).
        attempt = undefined
        // The proof counts only for this session's user. No token says who the challenge is for,
        // but Amplify labels the setup URI with Cognito's username (USER_ID_FOR_SRP).
        if (setupUsername(step.totpSetupDetails.getSetupUri('x')) !== current.session.username) {
          throw reauthError('ReauthenticationUserMismatch', 'The fresh sign-in is another user.')
        }
        // Amplify already associated a new key with this challenge: any pending key is replaced.
        return { step: 'done', askedForCode: false, renewed: false, keyReplaced: true }
      }
      case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
        // The same, where email codes could be set up too: no key is associated before a choice,
        // and nothing names the user (ADR 016: the one path without that check).
        attempt = undefined
        return { step: 'done', askedForCode: false, renewed: false }
    }
    // SMS or email codes, a new password, a reset: not something this dialog can finish.
    attempt = undefined
    throw reauthError('ReauthenticationUnsupported', `The fresh sign-in asked for ${step.signInStep}.`)
  }

  /** The fresh tokens replace the page's, then the old refresh token is revoked. */
  async function install(current: Attempt): Promise<void> {
    attempt = undefined
    const fresh = await current.tokens.getTokens()
    const username = await current.storage.getItem(lastAuthUserKey)
    if (fresh?.idToken?.payload.sub !== current.session.sub || username !== current.session.username) {
      // Another account's password (an alias moved meanwhile): never let it take over this page.
      await signOut(current.context)
      throw reauthError('ReauthenticationUserMismatch', 'The fresh sign-in is another user.')
    }
    const keys = keysOf(username)
    const page = storage()
    // The page must still hold the session this attempt started from. Another tab may have signed
    // out (the fresh tokens would be written with no LastAuthUser: a refresh token nobody revokes)
    // or signed in as someone else (the change would run as them). Then the fresh session is revoked.
    if (!(await holdsSession(page, username, current.pageRefreshToken))) await abandon(current)
    const old: Record<string, string> = { [lastAuthUserKey]: username }
    for (const name of sessionKeys) {
      const key = keys[name]
      const previous = await page.getItem(key)
      if (previous !== null) old[key] = previous
    }
    // Written over the old values (never removed first), so another tab sees a token refresh,
    // not a sign-out followed by a sign-in. The device the fresh tokens are bound to goes with them. It
    // is this browser's own unless the pool no longer knew it (forgotten elsewhere meanwhile): then
    // Amplify took a new one, and had the page kept the old one, its next refresh would be refused
    // (docs/cognito-behaviour.md#remembered-devices).
    for (const name of [...sessionKeys, ...deviceKeys]) {
      const value = await current.storage.getItem(keys[name])
      if (value === null) await page.removeItem(keys[name])
      else await page.setItem(keys[name], value)
    }
    // The old session's refresh token is no longer this page's: revoke it (signOut of a context that
    // holds only a copy of it: RevokeToken, then that memory is cleared). Amplify ignores a failed
    // revocation, so offline it stays valid until it expires.
    const retired = isolated(new MemoryStorage(old))
    await signOut(retired.context)
    // A refresh the page started with the old refresh token before it was revoked may have finished
    // meanwhile and written the old session's tokens over the fresh ones. Write the fresh ones once
    // more; anything else there now (another sign-in or a sign-out) is a changed session.
    const freshRefresh = await current.storage.getItem(keys.refreshToken)
    if ((await page.getItem(keys.refreshToken)) === freshRefresh) return
    if (!(await holdsSession(page, username, old[keys.refreshToken] ?? null))) await abandon(current)
    for (const name of sessionKeys) {
      const value = await current.storage.getItem(keys[name])
      if (value !== null) await page.setItem(keys[name], value)
    }
  }

  /** Whether the page's storage still holds `username`'s session with this refresh token. */
  async function holdsSession(page: KeyValueStorageInterface, username: string, refreshToken: string | null): Promise<boolean> {
    return (await page.getItem(lastAuthUserKey)) === username && (await page.getItem(keysOf(username).refreshToken)) === refreshToken
  }

  /** The page's session changed under the attempt: the fresh session is revoked, and it fails. */
  async function abandon(current: Attempt): Promise<never> {
    await signOut(current.context)
    throw reauthError(reauthenticationSessionChanged, 'The page’s session changed during the re-authentication.')
  }

  return {
    async reauthenticate(password) {
      attempt = undefined
      const session = await currentSession()
      const pageRefreshToken = await storage().getItem(keysOf(session.username).refreshToken)
      const device: Record<string, string> = {}
      for (const name of deviceKeys) {
        const key = keysOf(session.username)[name]
        const value = await storage().getItem(key)
        if (value !== null) device[key] = value
      }
      const memory = new MemoryStorage(device)
      const current: Attempt = { ...isolated(memory), storage: memory, session, pageRefreshToken, askedForCode: false }
      const output = await signIn(current.context, { username: session.loginId ?? session.username, password })
      attempt = current
      return next(current, output)
    },
    async confirmCode(code) {
      const current = attempt
      // As Amplify says when confirmSignIn has no sign-in to continue (the screens map it to a lapse).
      if (!current) throw reauthError('SignInException', 'There is no re-authentication to continue.')
      return next(current, await confirmSignIn(current.context, { challengeResponse: code }))
    },
  }
}

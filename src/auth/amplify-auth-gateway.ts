// The AuthGateway over aws-amplify, with the parts it is made of (amplify-remembered-browsers.ts,
// reauthentication.ts). It is loaded with a dynamic import() after first paint (see
// lazy-auth-gateway.ts) so the sign-in screen does not wait for it.
import { Amplify } from 'aws-amplify'
import {
  confirmSignIn,
  confirmResetPassword,
  confirmSignUp,
  fetchAuthSession,
  fetchDevices,
  fetchMFAPreference,
  forgetDevice,
  getCurrentUser,
  rememberDevice,
  resendSignUpCode,
  resetPassword,
  setUpTOTP,
  signIn,
  signOut,
  signUp,
  updateMFAPreference,
  verifyTOTPSetup,
  type FetchMFAPreferenceOutput,
  type SignInOutput,
} from 'aws-amplify/auth'
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito'
import { ConsoleLogger, defaultStorage, sessionStorage } from 'aws-amplify/utils'
import type { PoolConfig, TokenStorage } from '../config/app-config.ts'
import type { AuthGateway, MfaType, ReauthenticationStep, SignInStep } from './auth-gateway.ts'
import {
  forgetAllEvidence,
  forgetEvidence,
  isSuspended,
  recallEvidence,
  recordEvidence,
  refusedByServer,
  restoreEvidence,
  seenWithoutAuthenticator,
  type AuthenticatorEvidence,
} from './authenticator-evidence.ts'
import { createReauthentication, type ReauthenticationOutcome } from './reauthentication.ts'
import { forgetDeviceName, forgetDeviceNames, recallDeviceName, rememberDeviceName } from './device-names.ts'
import { forgetHeldDeviceKeys, recallHeldDeviceKey, recordHeldDeviceKey } from './held-device-keys.ts'
import { createBrowserMemory } from './amplify-remembered-browsers.ts'

type AuthMFAType = NonNullable<FetchMFAPreferenceOutput['preferred']>

const fromAmplifyMfa: Record<AuthMFAType, MfaType> = { TOTP: 'totp', SMS: 'sms', EMAIL: 'email' }
const toAmplifyMfa: Record<MfaType, AuthMFAType> = { totp: 'TOTP', sms: 'SMS', email: 'EMAIL' }

// Amplify has one configuration for the page, and the pool picker gives each pool its own
// gateway. A gateway that configured Amplify when it loaded could take it over from the one in
// use: the first pool's gateway, prefetched while the browser was idle, may finish loading after
// the user picked another pool, and that sign-in then went to the first pool. So a gateway
// configures Amplify for its pool right before each call (Amplify reads the configuration when a
// call starts), and one that is never used changes nothing.
let configured: { pool: PoolConfig; tokenStorage: TokenStorage } | undefined

function configureAmplify(pool: PoolConfig, tokenStorage: TokenStorage): void {
  if (configured && configured.tokenStorage === tokenStorage && samePool(configured.pool, pool)) return
  const config = {
    Auth: {
      Cognito: {
        userPoolId: pool.userPoolId,
        userPoolClientId: pool.userPoolClientId,
        ...(pool.endpoint ? { userPoolEndpoint: pool.endpoint } : {}),
        loginWith: { username: true as const },
      },
    },
  }
  if (pool.endpoint) withoutEndpointWarning(() => Amplify.configure(config))
  else Amplify.configure(config)
  // Amplify.configure puts the token provider back on localStorage each time, so the choice is
  // made after it, every time (ADR 010); mayHaveStoredSession looks in the same storage.
  cognitoUserPoolsTokenProvider.setKeyValueStorage(tokenStorage === 'session' ? sessionStorage : defaultStorage)
  configured = { pool, tokenStorage }
}

// With userPoolEndpoint set, Amplify's Auth.configure warns "You are using a custom Amazon Cognito
// User Pool endpoint, ensure the endpoint is correct." on every configure
// (@aws-amplify/core, singleton/Auth/index.mjs). A custom endpoint is how this app reaches the local
// pool (or a proxy), chosen on purpose, so that one warning says nothing. Its logger honours
// ConsoleLogger.LOG_LEVEL; raising it to ERROR only for the synchronous configure call leaves every
// other warning, Amplify's or the app's, as it was. (window.LOG_LEVEL, a developer's own choice,
// still wins.)
function withoutEndpointWarning(configure: () => void): void {
  const level = ConsoleLogger.LOG_LEVEL
  ConsoleLogger.LOG_LEVEL = 'ERROR'
  try {
    configure()
  } finally {
    ConsoleLogger.LOG_LEVEL = level
  }
}

function samePool(a: PoolConfig, b: PoolConfig): boolean {
  return a.userPoolId === b.userPoolId && a.userPoolClientId === b.userPoolClientId && a.endpoint === b.endpoint
}

/** `call`, on this pool whatever another gateway configured since. */
function inPool<Args extends unknown[], Result>(
  pool: PoolConfig,
  tokenStorage: TokenStorage,
  call: (...args: Args) => Result,
): (...args: Args) => Result {
  return (...args) => {
    configureAmplify(pool, tokenStorage)
    return call(...args)
  }
}

export function createAmplifyAuthGateway(pool: PoolConfig, tokenStorage: TokenStorage = 'local'): AuthGateway {
  const amplify = {
    confirmSignIn: inPool(pool, tokenStorage, confirmSignIn),
    confirmResetPassword: inPool(pool, tokenStorage, confirmResetPassword),
    confirmSignUp: inPool(pool, tokenStorage, confirmSignUp),
    fetchAuthSession: inPool(pool, tokenStorage, fetchAuthSession),
    fetchDevices: inPool(pool, tokenStorage, fetchDevices),
    fetchMFAPreference: inPool(pool, tokenStorage, fetchMFAPreference),
    forgetDevice: inPool(pool, tokenStorage, forgetDevice),
    getCurrentUser: inPool(pool, tokenStorage, getCurrentUser),
    rememberDevice: inPool(pool, tokenStorage, rememberDevice),
    resendSignUpCode: inPool(pool, tokenStorage, resendSignUpCode),
    resetPassword: inPool(pool, tokenStorage, resetPassword),
    setUpTOTP: inPool(pool, tokenStorage, setUpTOTP),
    signIn: inPool(pool, tokenStorage, signIn),
    signOut: inPool(pool, tokenStorage, signOut),
    signUp: inPool(pool, tokenStorage, signUp),
    updateMFAPreference: inPool(pool, tokenStorage, updateMFAPreference),
    verifyTOTPSetup: inPool(pool, tokenStorage, verifyTOTPSetup),
  }

  // Whether this sign-in's SELECT_MFA_TYPE offered the authenticator: then it was active, whichever
  // factor the user chose (ADR 015).
  let totpOffered = false
  // The name typed at the latest sign-in's password step (keyIssued).
  let signingInAs: string | undefined
  // This browser's device key and the user's remembered browsers (ADR 025).
  const browsers = createBrowserMemory({ pool, tokenStorage, amplify, currentUsername })

  const reauthentication = createReauthentication({
    pool,
    storage: () => (tokenStorage === 'session' ? sessionStorage : defaultStorage),
    async currentSession() {
      const [user, { tokens }] = await Promise.all([amplify.getCurrentUser(), amplify.fetchAuthSession()])
      const sub = tokens?.idToken?.payload.sub
      if (!sub) throw notSignedIn()
      return { sub, username: user.username, loginId: user.signInDetails?.loginId }
    },
  })

  /**
   * A re-authentication that renewed the session is its latest sign-in, so what it showed about the
   * authenticator is recorded as a sign-in's is (`finished`, ADR 015: a key awaiting its code stays
   * the record when no code was asked). After MFA_SETUP the session is unchanged, and so is the record.
   */
  async function reauthenticated(outcome: ReauthenticationOutcome): Promise<ReauthenticationStep> {
    if (outcome.step === 'done' && outcome.renewed) await finished(outcome, outcome.askedForCode ? 'asked-for-code' : 'not-asked')
    if (outcome.step === 'done' && outcome.keyReplaced) {
      // MFA_SETUP associated a new key: a key awaits its code, known to no one (ADR 015, 016).
      const username = await currentUsername()
      if (username) recordEvidence(pool.userPoolId, username, 'association-pending', tokenStorage)
      return { step: 'done', keyReplaced: true }
    }
    return { step: outcome.step }
  }

  /**
   * MFA_SETUP: Amplify associated a new key with the challenge's session. A key issued to this user
   * here before and never verified no longer works (docs/cognito-behaviour.md#a-new-sign-in-issues-a-new-key),
   * so the step says so. The new one is recorded as awaiting its code (ADR 015), under the name typed
   * at sign-in (Cognito's own is known only once signed in): a marker, never the key.
   */
  function keyIssued(step: SignInStep): SignInStep {
    if (step.step !== 'totp-setup' || !signingInAs) return step
    const earlier = recallEvidence(pool.userPoolId, signingInAs, tokenStorage) === 'association-pending'
    recordEvidence(pool.userPoolId, signingInAs, 'association-pending', tokenStorage)
    return earlier ? { ...step, replacesUnverifiedKey: true } : step
  }

  async function currentUsername(): Promise<string | undefined> {
    try {
      return (await amplify.getCurrentUser()).username
    } catch {
      return undefined
    }
  }

  /**
   * A sign-in step answered: when it finished the sign-in, what it showed about the authenticator
   * is recorded for the Security page (ADR 015); undefined forgets it (another factor was asked,
   * which says nothing about the authenticator, so the list is trusted).
   */
  async function finished(step: SignInStep, evidence: AuthenticatorEvidence | undefined): Promise<SignInStep> {
    if (step.step !== 'done') return step
    const username = await currentUsername()
    if (!username) return step
    // The device key this browser presented, if it is the one it held after its previous sign-in:
    // a new device (NewDeviceMetadata) replaces it. With a remembered device Cognito skips the code
    // (DEVICE_SRP_AUTH), so such a sign-in is no evidence of a suspension by itself (ADR 025).
    const held = await browsers.deviceKeyOf(username)
    const presented = held !== undefined && held === recallHeldDeviceKey(pool.userPoolId, username, tokenStorage)
    if (held) recordHeldDeviceKey(pool.userPoolId, username, held, tokenStorage)
    if (evidence === 'not-asked' && presented) evidence = 'not-asked-known-browser'
    const seen =
      evidence === 'not-asked' || evidence === 'other-factor-only' || evidence === 'not-asked-known-browser'
        ? seenWithoutAuthenticator(recallEvidence(pool.userPoolId, username, tokenStorage), evidence)
        : evidence
    if (seen) recordEvidence(pool.userPoolId, username, seen, tokenStorage)
    else forgetEvidence(pool.userPoolId, username, tokenStorage)
    return step
  }

  async function toStep(output: SignInOutput): Promise<SignInStep> {
    const next = output.nextStep
    switch (next.signInStep) {
      case 'DONE':
        return { step: 'done' }
      case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
        return { step: 'totp-code' }
      case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
        // Only the secret is used: totpSetupDetails.getSetupUri JSON-stringifies the account
        // name (a quoted label in the phone's app), so the enrollment feature builds its own URI.
        return { step: 'totp-setup', secret: next.totpSetupDetails.sharedSecret }
      case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
        // The pool lets the user set up TOTP or email; this app is about TOTP, so choose it.
        if (next.allowedMFATypes?.includes('TOTP')) return toStep(await amplify.confirmSignIn({ challengeResponse: 'TOTP' }))
        return { step: 'unsupported', name: next.signInStep }
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
        totpOffered = next.allowedMFATypes?.includes('TOTP') ?? false
        return {
          step: 'select-mfa',
          options: (next.allowedMFATypes ?? []).map((t) => fromAmplifyMfa[t]).filter(Boolean),
        }
      case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
        return { step: 'delivered-code', channel: 'sms', destination: next.codeDeliveryDetails?.destination }
      case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
        return { step: 'delivered-code', channel: 'email', destination: next.codeDeliveryDetails?.destination }
      case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
        return { step: 'new-password', missingAttributes: [...(next.missingAttributes ?? [])] }
      case 'CONFIRM_SIGN_UP':
        return { step: 'confirm-sign-up' }
      case 'RESET_PASSWORD':
        return { step: 'reset-password' }
      default:
        return { step: 'unsupported', name: next.signInStep }
    }
  }

  return {
    async getCurrentUser() {
      try {
        const user = await amplify.getCurrentUser()
        return { username: user.username, loginId: user.signInDetails?.loginId }
      } catch (error) {
        // No stored tokens, or the refresh token was refused: simply not signed in.
        if (error instanceof Error && error.name === 'UserUnAuthenticatedException') return null
        throw error
      }
    },
    async signIn(username, password) {
      totpOffered = false
      browsers.clearRememberFailed()
      signingInAs = username
      // Done straight after the password: Cognito asked for no code, whatever GetUser lists.
      return finished(keyIssued(await toStep(await amplify.signIn({ username, password }))), 'not-asked')
    },
    async confirmTotpCode(code, options) {
      const step = await finished(await toStep(await amplify.confirmSignIn({ challengeResponse: code })), 'asked-for-code')
      return browsers.rememberIfChosen(step, options)
    },
    async confirmTotpSetupDuringSignIn(code, deviceName, options) {
      const name = deviceName.trim()
      const step = await toStep(await amplify.confirmSignIn({ challengeResponse: code, options: name ? { friendlyDeviceName: name } : undefined }))
      if (step.step === 'done') {
        const username = await currentUsername()
        if (username) rememberDeviceName(pool.userPoolId, username, name, tokenStorage)
        // The key recorded under the name typed, if that is not Cognito's, is verified too.
        if (signingInAs && signingInAs !== username) forgetEvidence(pool.userPoolId, signingInAs, tokenStorage)
      }
      // MFA_SETUP finished: the new key is verified and used from now on.
      return browsers.rememberIfChosen(await finished(step, 'asked-for-code'), options)
    },
    async selectMfaType(type) {
      return toStep(await amplify.confirmSignIn({ challengeResponse: toAmplifyMfa[type] }))
    },
    async confirmDeliveredCode(code) {
      // SMS or email chosen where the authenticator was offered: it is active. Asked for directly:
      // it was not available, unless another factor is preferred (fetchMfaStatus weighs that).
      return finished(await toStep(await amplify.confirmSignIn({ challengeResponse: code })), totpOffered ? 'asked-for-code' : 'other-factor-only')
    },
    async completeNewPassword(password, attributes) {
      // Done straight after the new password: no code was asked for.
      const step = await toStep(
        await amplify.confirmSignIn({
          challengeResponse: password,
          options: attributes && Object.keys(attributes).length > 0 ? { userAttributes: attributes } : undefined,
        }),
      )
      return finished(keyIssued(step), 'not-asked')
    },
    async signUp(username, password, email) {
      const result = await amplify.signUp({
        username,
        password,
        options: { userAttributes: email ? { email } : {} },
      })
      if (result.nextStep.signUpStep === 'CONFIRM_SIGN_UP') {
        return { step: 'confirm-sign-up', destination: result.nextStep.codeDeliveryDetails?.destination }
      }
      return { step: 'done' }
    },
    async confirmSignUp(username, code) {
      await amplify.confirmSignUp({ username, confirmationCode: code })
    },
    async resendSignUpCode(username) {
      const details = await amplify.resendSignUpCode({ username })
      return { destination: details.destination }
    },
    async resetPassword(username) {
      const result = await amplify.resetPassword({ username })
      const details = result.nextStep.codeDeliveryDetails
      const medium = details?.deliveryMedium
      return { destination: details?.destination, channel: medium === 'EMAIL' ? 'email' : medium === 'SMS' ? 'sms' : undefined }
    },
    async confirmResetPassword(username, code, newPassword) {
      await amplify.confirmResetPassword({ username, confirmationCode: code, newPassword })
    },
    async signOut(options) {
      // With session storage the user asked this browser to forget them (ADR 010), and Amplify keeps
      // its device keys through a sign-out: the device goes too, from the pool and from here (ADR 025).
      if (tokenStorage === 'session') await browsers.forgetThisDevice()
      try {
        await amplify.signOut({ global: options?.global ?? false })
      } finally {
        // With session storage the user asked this browser to forget them (ADR 010); with local
        // storage the name stays, since Cognito could never give it back.
        if (tokenStorage === 'session') {
          forgetDeviceNames(pool.userPoolId, 'session')
          forgetAllEvidence(pool.userPoolId, 'session')
          forgetHeldDeviceKeys(pool.userPoolId, 'session')
        }
        browsers.clearRememberFailed()
      }
    },
    async fetchMfaStatus() {
      const [preference, username] = await Promise.all([amplify.fetchMFAPreference(), currentUsername()])
      const enabled = preference.enabled ?? []
      const totpEnabled = enabled.includes('TOTP')
      const evidence = username ? recallEvidence(pool.userPoolId, username, tokenStorage) : undefined
      // A sign-in here with this browser's device key and no code: explained when this browser is
      // remembered (it skips the code), else the same as any sign-in without one (ADR 025).
      const remembered = evidence === 'not-asked-known-browser' && username ? await browsers.isRemembered(username) : false
      return {
        totpEnabled,
        totpPreferred: preference.preferred === 'TOTP',
        totpSuspended: isSuspended(totpEnabled, evidence, preference.preferred === 'SMS' || preference.preferred === 'EMAIL', remembered),
        setupPending: evidence === 'association-pending',
        otherFactors: enabled.filter((t) => t !== 'TOTP').map((t) => fromAmplifyMfa[t]),
        deviceName: totpEnabled && username ? recallDeviceName(pool.userPoolId, username, tokenStorage) : undefined,
      }
    },
    async beginTotpSetup() {
      // From the association until a code is verified, Cognito does not ask for the current
      // authenticator. Recorded before the call: its answer may be lost after Cognito made it, or
      // the tab closed while it loads. Only Cognito's definite refusal puts the record back.
      const username = await currentUsername()
      const previous = username ? recallEvidence(pool.userPoolId, username, tokenStorage) : undefined
      if (username) recordEvidence(pool.userPoolId, username, 'association-pending', tokenStorage)
      try {
        return { secret: (await amplify.setUpTOTP()).sharedSecret }
      } catch (error) {
        if (username && refusedByServer(error)) restoreEvidence(pool.userPoolId, username, previous, tokenStorage)
        throw error
      }
    },
    async verifyTotpSetup(code, deviceName) {
      const name = deviceName.trim()
      // InvalidParameterException (no key pending) is passed on as it is, never taken for "maybe
      // verified": it also follows an answer lost on the way back (Amplify retries, and by then
      // the key is verified), but SetUserMFAPreference, the only check at hand, succeeds for any
      // verified token, an older one too (the one being replaced, or one turned off earlier), and
      // would report a key that was never verified as on. The user starts over with a new key
      // instead, which is always safe (ADR 015).
      await amplify.verifyTOTPSetup({ code, options: name ? { friendlyDeviceName: name } : undefined })
      const username = await currentUsername()
      if (username) {
        rememberDeviceName(pool.userPoolId, username, name, tokenStorage)
        recordEvidence(pool.userPoolId, username, 'asked-for-code', tokenStorage)
      }
    },
    async setTotpPreferred() {
      await amplify.updateMFAPreference({ totp: 'PREFERRED' })
    },
    async disableTotp() {
      await amplify.updateMFAPreference({ totp: 'DISABLED' })
      const username = await currentUsername()
      if (username) {
        forgetDeviceName(pool.userPoolId, username, tokenStorage)
        forgetEvidence(pool.userPoolId, username, tokenStorage)
      }
    },
    async authenticatedAt() {
      const { tokens } = await amplify.fetchAuthSession()
      if (!tokens?.idToken) throw notSignedIn()
      // Seconds since the epoch, the time of the sign-in the session comes from (docs/cognito-behaviour.md#token-claims).
      // A token without it counts as long ago, so the user is asked.
      const authTime = tokens.idToken.payload.auth_time
      return typeof authTime === 'number' ? authTime * 1000 : 0
    },
    listRememberedBrowsers: () => browsers.list(),
    forgetRememberedBrowser: (id) => browsers.forget(id),
    forgetAllRememberedBrowsers: () => browsers.forgetAll(),
    async reauthenticate(password) {
      return reauthenticated(await reauthentication.reauthenticate(password))
    },
    async confirmReauthenticationCode(code) {
      return reauthenticated(await reauthentication.confirmCode(code))
    },
  }
}

/** What Amplify throws when it finds no tokens; the screens read it as a lapsed session. */
function notSignedIn(): Error {
  const error = new Error('User needs to be authenticated to call this API.')
  error.name = 'UserUnAuthenticatedException'
  return error
}

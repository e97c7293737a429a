// Real aws-amplify v6 (`aws-amplify/auth`, in Node) against the local user pool: every flow of
// the product, as docs/cognito-behaviour.md#amplify-call-sequences lists Amplify's calls.
// Codes come from the secret the server handed out, computed like a phone would (tests/support/phone-totp.ts).
import {
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { Amplify } from 'aws-amplify'
import {
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  fetchMFAPreference,
  getCurrentUser,
  resendSignUpCode,
  setUpTOTP,
  signIn,
  signOut,
  signUp,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth'
import { ConsoleLogger, defaultStorage } from 'aws-amplify/utils'
import type { LocalPool } from '../../emulator/seed.ts'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock } from '../../emulator/state/clock.ts'
import { phoneCode } from '../support/phone-totp.ts'
import {
  createConfirmedUser,
  createTemporaryUser,
  failOnConsoleError,
  jwtPayload,
  rejectionOf,
  sdkClient,
  TOTP_STEP_MS,
  uniqueName,
  wrongCode,
} from './harness.ts'

// Amplify warns on every configure that the endpoint is custom; that is the point here.
ConsoleLogger.LOG_LEVEL = 'ERROR'

// Frozen: TOTP steps, session expiry and lockouts move only when a test moves the clock.
const clock = createTestClock(Date.now())
const logLines: string[] = []
failOnConsoleError()
let emulator: RunningEmulator
let sdk: ReturnType<typeof sdkClient>
let optionalPool: LocalPool
let requiredPool: LocalPool

// What Amplify put on the wire: operation name and request body, in order.
type WireCall = { operation: string; body: Record<string, unknown> }
let wire: WireCall[] = []
const realFetch = globalThis.fetch

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, clock, log: (line) => logLines.push(line) })
  sdk = sdkClient(emulator.url)
  const pools = emulator.pools()
  optionalPool = pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!
  requiredPool = pools.find((pool) => pool.mfaConfiguration === 'ON')!
  globalThis.fetch = async (input, init) => {
    const target = new Headers(init?.headers).get('x-amz-target')
    if (target) wire.push({ operation: target.split('.').pop()!, body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown> })
    return realFetch(input, init)
  }
})

beforeEach(() => {
  wire = []
})

// Amplify in Node keeps its tokens in memory: sign out so the next story starts anonymous.
afterEach(async () => {
  await signOut()
})

afterAll(async () => {
  globalThis.fetch = realFetch
  await emulator.close()
})

function useAmplifyWith(pool: LocalPool): void {
  Amplify.configure({ Auth: { Cognito: { userPoolId: pool.userPoolId, userPoolClientId: pool.clientId, userPoolEndpoint: emulator.url } } })
}

const operations = () => wire.map((call) => call.operation)
const nextTotpStep = () => clock.advance(TOTP_STEP_MS)

/**
 * Settings → Security: set up the authenticator, make it the preferred factor
 * (docs/cognito-behaviour.md#amplify-call-sequences, 5-6).
 */
async function enrolAuthenticator(deviceName: string): Promise<{ secret: string; verifiedCode: string }> {
  const { sharedSecret } = await setUpTOTP()
  const verifiedCode = phoneCode(sharedSecret, clock.now())
  await verifyTOTPSetup({ code: verifiedCode, options: { friendlyDeviceName: deviceName } })
  await updateMFAPreference({ totp: 'PREFERRED' })
  return { secret: sharedSecret, verifiedCode }
}

/** The refresh token Amplify keeps for the signed-in user (it is never returned by fetchAuthSession). */
async function storedRefreshToken(pool: LocalPool): Promise<string> {
  const prefix = `CognitoIdentityServiceProvider.${pool.clientId}`
  const username = await defaultStorage.getItem(`${prefix}.LastAuthUser`)
  const token = await defaultStorage.getItem(`${prefix}.${username}.refreshToken`)
  if (!token) throw new Error('Amplify stored no refresh token')
  return token
}

describe('signing in with username and password (SRP)', () => {
  test('a user without MFA signs in with SRP and is done', async () => {
    const username = uniqueName('carol')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Carol-pass-2026!')
    useAmplifyWith(optionalPool)

    const result = await signIn({ username, password: 'Carol-pass-2026!' })

    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge'])
    expect(wire[0].body).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', ClientId: optionalPool.clientId })
    expect(wire[1].body).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' })
    expect((await getCurrentUser()).username).toBe(username)
  })

  test('the demo pools ignore username case: "ALICE" signs in with SRP as alice', async () => {
    useAmplifyWith(optionalPool)

    expect(await signIn({ username: 'ALICE', password: 'Alice-demo-2026!' })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })

    // Amplify proves the password for the USER_ID_FOR_SRP the server names, and keys its tokens by it.
    expect((await getCurrentUser()).username).toBe('alice')
  })

  test('a Japanese username with a non-ASCII password signs in with SRP (both hashed as UTF-8 on each side)', async () => {
    const username = uniqueName('たろう')
    const password = 'Pässwörd-パス-2026!'
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, password, 'taro@example.com')
    useAmplifyWith(optionalPool)

    expect(await signIn({ username, password })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    expect((await getCurrentUser()).username).toBe(username)
    await signOut()
    expect((await rejectionOf(signIn({ username, password: 'Passwort-パス-2026!' }))).name).toBe('NotAuthorizedException')
  })

  test('a wrong password is refused when the SRP proof is checked', async () => {
    const username = uniqueName('carol')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Carol-pass-2026!')
    useAmplifyWith(optionalPool)

    const error = await rejectionOf(signIn({ username, password: 'Carol-pass-2027!' }))

    expect(error.name).toBe('NotAuthorizedException')
    expect(error.message).toBe('Incorrect username or password.')
    // Refused at PASSWORD_VERIFIER: the server really verified the SRP signature.
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge'])
  })

  test('an unknown user is told UserNotFoundException (the client has LEGACY existence errors)', async () => {
    useAmplifyWith(optionalPool)

    const error = await rejectionOf(signIn({ username: uniqueName('nobody'), password: 'Whatever-2026!' }))

    expect(error.name).toBe('UserNotFoundException')
    expect(error.message).toBe('User does not exist.')
  })

  test('after five wrong passwords even the right one is refused until the lockout lapses', async () => {
    const username = uniqueName('mallory-target')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Right-pass-2026!')
    useAmplifyWith(optionalPool)

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const error = await rejectionOf(signIn({ username, password: `Wrong-pass-${attempt}!` }))
      expect(error.message).toBe('Incorrect username or password.')
    }
    const locked = await rejectionOf(signIn({ username, password: 'Right-pass-2026!' }))
    expect(locked.name).toBe('NotAuthorizedException')
    expect(locked.message).toBe('Password attempts exceeded')

    clock.advance(2_000) // the first lockout lasts one second
    expect(await signIn({ username, password: 'Right-pass-2026!' })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
  })
})

describe('authenticator app set up in settings (MFA optional pool)', () => {
  test('a signed-in user sets up TOTP, names the device and makes it preferred', async () => {
    const username = uniqueName('erin')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Erin-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Erin-pass-2026!' })
    expect(await fetchMFAPreference()).toEqual({})

    wire = []
    const { secret } = await enrolAuthenticator("Erin's phone")

    expect(secret).toMatch(/^[A-Z2-7]{52}$/) // 32 random bytes, unpadded base32, as AWS issues
    expect(operations()).toEqual(['AssociateSoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference'])
    expect(wire[1].body).toMatchObject({ FriendlyDeviceName: "Erin's phone" })
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })
  })

  test('the next sign-in asks for a code; the code used at set-up, then a wrong code, are refused; the next code signs in', async () => {
    const username = uniqueName('erin')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Erin-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Erin-pass-2026!' })
    const { secret, verifiedCode } = await enrolAuthenticator('Phone')
    await signOut()

    wire = []
    const started = await signIn({ username, password: 'Erin-pass-2026!' })
    expect(started).toEqual({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } })

    // Same 30-second step as the set-up: that code was consumed by VerifySoftwareToken.
    const replayed = await rejectionOf(confirmSignIn({ challengeResponse: verifiedCode }))
    expect(replayed.name).toBe('ExpiredCodeException')
    expect(replayed.message).toBe('Your software token has already been used once.')

    const mistyped = await rejectionOf(confirmSignIn({ challengeResponse: wrongCode(secret, clock.now()) }))
    expect(mistyped.name).toBe('CodeMismatchException')

    nextTotpStep()
    const done = await confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()) })
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })

    // All three answers went with the one session the password step returned: it survived the failures.
    const answers = wire.filter((call) => call.body.ChallengeName === 'SOFTWARE_TOKEN_MFA')
    expect(answers).toHaveLength(3)
    expect(new Set(answers.map((call) => call.body.Session)).size).toBe(1)
    expect((await getCurrentUser()).username).toBe(username)
  })

  test('a code entered more than three minutes after the password is refused: the session expired', async () => {
    const username = uniqueName('erin')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Erin-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Erin-pass-2026!' })
    const { secret } = await enrolAuthenticator('Phone')
    await signOut()
    nextTotpStep()

    const started = await signIn({ username, password: 'Erin-pass-2026!' })
    expect(started.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    clock.advance(3 * 60_000 + 1_000) // AuthSessionValidity defaults to 3 minutes

    const error = await rejectionOf(confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()) }))
    expect(error.name).toBe('NotAuthorizedException')
    expect(error.message).toBe('Invalid session for the user, session is expired.')
  })
})

describe('replacing or turning off the authenticator (Security settings)', () => {
  test('after replacing the authenticator only the new one’s codes sign in', async () => {
    const username = uniqueName('olga')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Olga-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Olga-pass-2026!' })
    const { secret: oldSecret } = await enrolAuthenticator('Old phone')

    nextTotpStep()
    const { sharedSecret: newSecret } = await setUpTOTP()
    expect(newSecret).not.toBe(oldSecret)
    await verifyTOTPSetup({ code: phoneCode(newSecret, clock.now()), options: { friendlyDeviceName: 'New phone' } })
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })
    await signOut()

    nextTotpStep()
    expect((await signIn({ username, password: 'Olga-pass-2026!' })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    const oldPhone = phoneCode(oldSecret, clock.now())
    if (oldPhone !== phoneCode(newSecret, clock.now())) {
      expect((await rejectionOf(confirmSignIn({ challengeResponse: oldPhone }))).name).toBe('CodeMismatchException')
    }
    expect(await confirmSignIn({ challengeResponse: phoneCode(newSecret, clock.now()) })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    })
  })

  test('an unverified new key suspends the verified one: SRP sign-in asks for no code, yet GetUser still lists TOTP (OPTIONAL pool)', async () => {
    const username = uniqueName('sven')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Sven-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Sven-pass-2026!' })
    const { secret: oldSecret } = await enrolAuthenticator('Old phone')
    const { sharedSecret: newSecret } = await setUpTOTP()
    await signOut()

    // docs/cognito-behaviour.md#authenticator-setup: the old token is not asked for meanwhile.
    wire = []
    expect(await signIn({ username, password: 'Sven-pass-2026!' })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge'])
    expect(wire[0].body.AuthFlow).toBe('USER_SRP_AUTH')
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })
    const me = await sdk.send(new GetUserCommand({ AccessToken: (await fetchAuthSession()).tokens!.accessToken.toString() }))
    expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA'])

    // A code from the new key (VerifySoftwareToken needs nothing else) ends it; the old key's codes are refused.
    nextTotpStep()
    await verifyTOTPSetup({ code: phoneCode(newSecret, clock.now()) })
    await signOut()
    nextTotpStep()
    expect((await signIn({ username, password: 'Sven-pass-2026!' })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    const oldPhone = phoneCode(oldSecret, clock.now())
    if (oldPhone !== phoneCode(newSecret, clock.now())) {
      expect((await rejectionOf(confirmSignIn({ challengeResponse: oldPhone }))).name).toBe('CodeMismatchException')
    }
    expect((await confirmSignIn({ challengeResponse: phoneCode(newSecret, clock.now()) })).isSignedIn).toBe(true)
  })

  test('an unverified new key in the MFA required pool: the next SRP sign-in is MFA_SETUP, and GetUser still lists TOTP', async () => {
    const username = uniqueName('tove')
    await createConfirmedUser(sdk, requiredPool.userPoolId, username, 'Tove-pass-2026!')
    useAmplifyWith(requiredPool)
    const started = await signIn({ username, password: 'Tove-pass-2026!' })
    if (started.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`unexpected step ${started.nextStep.signInStep}`)
    await confirmSignIn({ challengeResponse: phoneCode(started.nextStep.totpSetupDetails.sharedSecret, clock.now()) })
    await setUpTOTP()
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })
    await signOut()

    expect((await signIn({ username, password: 'Tove-pass-2026!' })).nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP')
  })

  test('turning the authenticator off brings back password-only sign-in', async () => {
    const username = uniqueName('pete')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Pete-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Pete-pass-2026!' })
    await enrolAuthenticator('Phone')

    await updateMFAPreference({ totp: 'DISABLED' })

    const preference = await fetchMFAPreference()
    expect(preference.enabled).toBeUndefined()
    expect(preference.preferred).toBeUndefined()
    await signOut()
    expect(await signIn({ username, password: 'Pete-pass-2026!' })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
  })

  test('in the MFA required pool the authenticator cannot be turned off', async () => {
    const username = uniqueName('quinn')
    await createConfirmedUser(sdk, requiredPool.userPoolId, username, 'Quinn-pass-2026!')
    useAmplifyWith(requiredPool)
    const started = await signIn({ username, password: 'Quinn-pass-2026!' })
    if (started.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`unexpected step ${started.nextStep.signInStep}`)
    await confirmSignIn({ challengeResponse: phoneCode(started.nextStep.totpSetupDetails.sharedSecret, clock.now()) })

    const refused = await rejectionOf(updateMFAPreference({ totp: 'DISABLED' }))

    expect(refused.name).toBe('InvalidParameterException')
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })
  })
})

describe('authenticator app set up during sign-in (MFA required pool)', () => {
  test('a user without TOTP is asked to set it up inside sign-in, then is done with TOTP preferred', async () => {
    const username = uniqueName('frank')
    await createConfirmedUser(sdk, requiredPool.userPoolId, username, 'Frank-pass-2026!')
    useAmplifyWith(requiredPool)

    const started = await signIn({ username, password: 'Frank-pass-2026!' })

    expect(started.isSignedIn).toBe(false)
    if (started.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`unexpected step ${started.nextStep.signInStep}`)
    const secret = started.nextStep.totpSetupDetails.sharedSecret
    expect(secret).toMatch(/^[A-Z2-7]{52}$/)
    expect(started.nextStep.totpSetupDetails.getSetupUri('Cognito TOTP').href).toContain(`secret=${secret}`)
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'AssociateSoftwareToken'])

    const done = await confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()), options: { friendlyDeviceName: 'Work phone' } })

    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    expect(operations().slice(3)).toEqual(['VerifySoftwareToken', 'RespondToAuthChallenge'])
    expect(wire[4].body).toMatchObject({ ChallengeName: 'MFA_SETUP' })
    expect(await fetchMFAPreference()).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' })

    // The device name given in confirmSignIn is what the next challenge shows.
    nextTotpStep()
    const next = await sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: requiredPool.userPoolId,
        ClientId: requiredPool.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: 'Frank-pass-2026!' },
      }),
    )
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    expect(next.ChallengeParameters?.FRIENDLY_DEVICE_NAME).toBe('Work phone')
  })

  test('a mistyped code during set-up is EnableSoftwareTokenMFAException and the user can try again in the same sign-in', async () => {
    const username = uniqueName('frank')
    await createConfirmedUser(sdk, requiredPool.userPoolId, username, 'Frank-pass-2026!')
    useAmplifyWith(requiredPool)
    const started = await signIn({ username, password: 'Frank-pass-2026!' })
    if (started.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`unexpected step ${started.nextStep.signInStep}`)
    const secret = started.nextStep.totpSetupDetails.sharedSecret

    const mistyped = await rejectionOf(confirmSignIn({ challengeResponse: wrongCode(secret, clock.now()) }))
    expect(mistyped.name).toBe('EnableSoftwareTokenMFAException')

    expect(await confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()) })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    const verifies = wire.filter((call) => call.operation === 'VerifySoftwareToken')
    expect(verifies).toHaveLength(2)
    expect(verifies[0].body.Session).toBe(verifies[1].body.Session) // the session survived the wrong code
  })

  test('the next sign-in of that user asks for a code and accepts the next one', async () => {
    const username = uniqueName('frank')
    await createConfirmedUser(sdk, requiredPool.userPoolId, username, 'Frank-pass-2026!')
    useAmplifyWith(requiredPool)
    const started = await signIn({ username, password: 'Frank-pass-2026!' })
    if (started.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`unexpected step ${started.nextStep.signInStep}`)
    const secret = started.nextStep.totpSetupDetails.sharedSecret
    await confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()) })
    await signOut()

    nextTotpStep()
    expect((await signIn({ username, password: 'Frank-pass-2026!' })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE')
    expect(await confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()) })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
  })
})

describe('new accounts', () => {
  test('an admin-created user must choose a new password, then is signed in', async () => {
    const username = uniqueName('grace')
    await createTemporaryUser(sdk, optionalPool.userPoolId, username, 'Temp-pass-2026!')
    useAmplifyWith(optionalPool)

    const started = await signIn({ username, password: 'Temp-pass-2026!' })
    expect(started.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED')

    const done = await confirmSignIn({ challengeResponse: 'Grace-own-2026!' })
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
    const user = await sdk.send(new AdminGetUserCommand({ UserPoolId: optionalPool.userPoolId, Username: username }))
    expect(user.UserStatus).toBe('CONFIRMED')

    await signOut()
    expect((await rejectionOf(signIn({ username, password: 'Temp-pass-2026!' }))).name).toBe('NotAuthorizedException')
    expect((await signIn({ username, password: 'Grace-own-2026!' })).nextStep.signInStep).toBe('DONE')
  })

  test('in the MFA required pool the new password leads straight on to authenticator set-up', async () => {
    const username = uniqueName('heidi')
    await createTemporaryUser(sdk, requiredPool.userPoolId, username, 'Temp-pass-2026!')
    useAmplifyWith(requiredPool)

    expect((await signIn({ username, password: 'Temp-pass-2026!' })).nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED')
    const next = await confirmSignIn({ challengeResponse: 'Heidi-own-2026!' })

    if (next.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`unexpected step ${next.nextStep.signInStep}`)
    const secret = next.nextStep.totpSetupDetails.sharedSecret
    expect(await confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()) })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
  })

  test('a user signs up, is asked to confirm at sign-in, confirms with the emailed code and signs in', async () => {
    const username = uniqueName('ivan')
    useAmplifyWith(optionalPool)

    const signedUp = await signUp({ username, password: 'Ivan-pass-2026!', options: { userAttributes: { email: `${username}@example.com` } } })
    expect(signedUp.isSignUpComplete).toBe(false)
    expect(signedUp.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP')
    expect(signedUp.userId).toMatch(/^[0-9a-f-]{36}$/)

    // Not confirmed yet: Amplify turns UserNotConfirmedException into a CONFIRM_SIGN_UP step.
    expect((await signIn({ username, password: 'Ivan-pass-2026!' })).nextStep.signInStep).toBe('CONFIRM_SIGN_UP')

    // The emulator sends no mail: it logs the code, which stands in for the inbox here.
    const line = logLines.find((entry) => entry.includes(`Confirmation code for ${username}`))
    const code = /: (\d{6})$/.exec(line ?? '')?.[1]
    expect(code).toBeDefined()
    const wrong = code === '000000' ? '111111' : '000000'
    expect((await rejectionOf(confirmSignUp({ username, confirmationCode: wrong }))).name).toBe('CodeMismatchException')

    expect(await confirmSignUp({ username, confirmationCode: code! })).toMatchObject({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } })
    expect(await signIn({ username, password: 'Ivan-pass-2026!' })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } })
  })

  test('a user who lost the first code asks for another: only the new code confirms the account', async () => {
    const username = uniqueName('judith')
    useAmplifyWith(optionalPool)
    const codesFor = () =>
      logLines.filter((entry) => entry.includes(`Confirmation code for ${username} `)).map((entry) => /: (\d{6})$/.exec(entry)![1])

    await signUp({ username, password: 'Judith-pass-2026!', options: { userAttributes: { email: `${username}@example.com` } } })
    const resent = await resendSignUpCode({ username })

    expect(resent).toMatchObject({ deliveryMedium: 'EMAIL', attributeName: 'email' })
    expect(resent.destination).toMatch(/^j\*+@e\*+$/) // masked, never the whole address
    const [first, second] = codesFor()
    expect(second).toBeDefined()
    if (first !== second) expect((await rejectionOf(confirmSignUp({ username, confirmationCode: first }))).name).toBe('CodeMismatchException')
    expect((await confirmSignUp({ username, confirmationCode: second })).isSignUpComplete).toBe(true)
  })
})

describe('tokens and signing out', () => {
  test('a forced refresh gets new tokens with GetTokensFromRefreshToken, keeping the sign-in time', async () => {
    const username = uniqueName('judy')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Judy-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Judy-pass-2026!' })
    const before = (await fetchAuthSession()).tokens!
    clock.advance(5_000)

    wire = []
    const after = (await fetchAuthSession({ forceRefresh: true })).tokens!

    expect(operations()).toEqual(['GetTokensFromRefreshToken'])
    expect(after.accessToken.toString()).not.toBe(before.accessToken.toString())
    expect(after.idToken?.toString()).not.toBe(before.idToken?.toString())
    expect(after.accessToken.payload.auth_time).toBe(before.accessToken.payload.auth_time)
    // The ID token's auth_time is the one the app reads for a recent sign-in (ADR 016).
    expect(after.idToken?.payload.auth_time).toBe(before.idToken?.payload.auth_time)
    expect(after.accessToken.payload.origin_jti).toBe(before.accessToken.payload.origin_jti)
    expect(Number(after.accessToken.payload.iat)).toBeGreaterThan(Number(before.accessToken.payload.iat))
    const me = await sdk.send(new GetUserCommand({ AccessToken: after.accessToken.toString() }))
    expect(me.Username).toBe(username)
  })

  test('a global sign-out revokes the access token and the refresh token the app held', async () => {
    const username = uniqueName('ken')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Ken-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Ken-pass-2026!' })
    const accessToken = (await fetchAuthSession()).tokens!.accessToken.toString()
    const refreshToken = await storedRefreshToken(optionalPool)

    wire = []
    await signOut({ global: true })

    expect(operations()).toEqual(['GlobalSignOut'])
    const access = await rejectionOf(sdk.send(new GetUserCommand({ AccessToken: accessToken })))
    expect(access.name).toBe('NotAuthorizedException')
    expect(access.message).toBe('Access Token has been revoked')
    const refresh = await rejectionOf(sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: optionalPool.clientId, RefreshToken: refreshToken })))
    expect(refresh.name).toBe('NotAuthorizedException')
    expect(refresh.message).toBe('Refresh Token has been revoked')
    expect((await rejectionOf(getCurrentUser())).name).toBe('UserUnAuthenticatedException')
  })

  test('a plain sign-out revokes that sign-in’s tokens with RevokeToken (the access token carries origin_jti)', async () => {
    const username = uniqueName('leo')
    await createConfirmedUser(sdk, optionalPool.userPoolId, username, 'Leo-pass-2026!')
    useAmplifyWith(optionalPool)
    await signIn({ username, password: 'Leo-pass-2026!' })
    const tokens = (await fetchAuthSession()).tokens!
    expect(jwtPayload(tokens.accessToken.toString()).origin_jti).toEqual(expect.any(String))
    const refreshToken = await storedRefreshToken(optionalPool)

    wire = []
    await signOut()

    expect(operations()).toEqual(['RevokeToken'])
    expect((await rejectionOf(sdk.send(new GetUserCommand({ AccessToken: tokens.accessToken.toString() })))).message).toBe(
      'Access Token has been revoked',
    )
    expect(
      (await rejectionOf(sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: optionalPool.clientId, RefreshToken: refreshToken })))).message,
    ).toBe('Refresh Token has been revoked')
  })
})

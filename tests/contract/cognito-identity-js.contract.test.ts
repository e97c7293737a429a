// amazon-cognito-identity-js (a Cognito client nobody here wrote) against the local user pool, in Node,
// on the paths it implements itself: SRP sign-in (authenticateUser), authenticator setup
// (associateSoftwareToken, verifySoftwareToken, setUserMfaPreference), sign-in with a TOTP code
// (sendMFACode with SOFTWARE_TOKEN_MFA) and refresh (refreshSession). Codes are computed like a phone.
// In Node 20 it needs nothing added: it fetches with the global fetch, draws randomness from
// globalThis.crypto and keeps its tokens in its own memory storage when there is no window.
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession, type ICognitoUserPoolData } from 'amazon-cognito-identity-js'
import { createTestClock } from '../../emulator/state/clock.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { createConfirmedUser, failOnConsoleError, sdkClient, TOTP_STEP_MS, uniqueName, useLocalPool } from './harness.ts'

const clock = createTestClock(Date.now()) // frozen: only the tests move time, so a code's step is known
failOnConsoleError()
const local = useLocalPool((pools) => pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!, { clock })
const PASSWORD = 'Identity-js-2026!'

function userPool(): CognitoUserPool {
  const data: ICognitoUserPoolData = { UserPoolId: local.pool.userPoolId, ClientId: local.pool.clientId, endpoint: local.emulator.url }
  return new CognitoUserPool(data)
}

type SignInOutcome = { session: CognitoUserSession } | { totpRequired: string }

/** authenticateUser (SRP, the library's default), as a promise of where it ended. */
function authenticate(user: CognitoUser, password: string): Promise<SignInOutcome> {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
      onSuccess: (session) => resolve({ session }),
      onFailure: reject,
      totpRequired: (challengeName) => resolve({ totpRequired: challengeName }),
      mfaSetup: (challengeName) => reject(new Error(`unexpected ${challengeName}`)),
    })
  })
}

function failureOf(promise: Promise<unknown>): Promise<{ code?: string; name?: string; message?: string }> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: { code?: string; name?: string; message?: string }) => error,
  )
}

async function newUser(): Promise<string> {
  const username = uniqueName('idjs')
  await createConfirmedUser(sdkClient(local.emulator.url), local.pool.userPoolId, username, PASSWORD)
  return username
}

/** Authenticator setup on a signed-in user, as the library does it; returns the key. */
async function setUpAuthenticator(user: CognitoUser): Promise<string> {
  const secret = await new Promise<string>((resolve, reject) => user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }))
  await new Promise((resolve, reject) => user.verifySoftwareToken(phoneCode(secret, clock.now()), 'phone', { onSuccess: resolve, onFailure: reject }))
  await new Promise((resolve, reject) =>
    user.setUserMfaPreference(null, { PreferredMfa: true, Enabled: true }, (error, result) => (error ? reject(error) : resolve(result))),
  )
  return secret
}

test('SRP sign-in with authenticateUser gives a valid session; a wrong password is NotAuthorizedException', async () => {
  const username = await newUser()
  const outcome = await authenticate(new CognitoUser({ Username: username, Pool: userPool() }), PASSWORD)
  if (!('session' in outcome)) throw new Error('expected a session')
  expect(outcome.session.isValid()).toBe(true)
  expect(outcome.session.getIdToken().payload['cognito:username']).toBe(username)

  const wrong = await failureOf(authenticate(new CognitoUser({ Username: username, Pool: userPool() }), 'Not-the-password-1!'))
  expect([wrong.code, wrong.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.'])
})

test('authenticator setup, then sign-in with a TOTP code (sendMFACode), then refreshSession', async () => {
  const username = await newUser()
  const first = new CognitoUser({ Username: username, Pool: userPool() })
  await authenticate(first, PASSWORD)
  const secret = await setUpAuthenticator(first)

  clock.advance(TOTP_STEP_MS) // the setup code's step is spent
  const user = new CognitoUser({ Username: username, Pool: userPool() })
  expect(await authenticate(user, PASSWORD)).toEqual({ totpRequired: 'SOFTWARE_TOKEN_MFA' })
  const session = await new Promise<CognitoUserSession>((resolve, reject) =>
    user.sendMFACode(phoneCode(secret, clock.now()), { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA'),
  )
  expect(session.isValid()).toBe(true)

  clock.advance(60_000)
  const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
    user.refreshSession(session.getRefreshToken(), (error: Error | null, result: CognitoUserSession) => (error ? reject(error) : resolve(result))),
  )
  expect(refreshed.getAccessToken().getJwtToken()).not.toBe(session.getAccessToken().getJwtToken())
  expect(refreshed.getAccessToken().payload.origin_jti).toBe(session.getAccessToken().payload.origin_jti)
})

// Issue 12, item 1: the library always sends the Session; made to leave it out, as Python and Go SRP
// clients do, it still signs in by the SECRET_BLOCK alone (docs/cognito-behaviour.md#respondtoauthchallenge).
test('made to send PASSWORD_VERIFIER without its Session, authenticateUser still signs in, and a wrong password is NotAuthorizedException', async () => {
  const username = await newUser()
  const pool = userPool()
  // The library's own HTTP client, which its typings leave out: every request of the pool goes through it.
  const client = (pool as unknown as { client: { request: (operation: string, params: Record<string, unknown>, callback: unknown) => void } }).client
  const request = client.request.bind(client)
  const withoutSession: string[] = []
  client.request = (operation, params, callback) => {
    if (operation === 'RespondToAuthChallenge' && params.ChallengeName === 'PASSWORD_VERIFIER') {
      const { Session: _session, ...rest } = params
      withoutSession.push(operation)
      return request(operation, rest, callback)
    }
    return request(operation, params, callback)
  }
  const outcome = await authenticate(new CognitoUser({ Username: username, Pool: pool }), PASSWORD)
  expect('session' in outcome && outcome.session.isValid()).toBe(true)
  const wrong = await failureOf(authenticate(new CognitoUser({ Username: username, Pool: pool }), 'Not-the-password-1!'))
  expect([wrong.code, wrong.message]).toEqual(['NotAuthorizedException', 'Incorrect username or password.'])
  expect(withoutSession).toHaveLength(2)
})

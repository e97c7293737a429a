// Issue 12, item 4: a client with a secret needs a correct SECRET_HASH (or SecretHash, or the secret
// itself) on every call Cognito checks (docs/cognito-behaviour.md#client-secrets).
import { adminDisableUser } from '../operations/admin-disable-user.ts'
import { adminInitiateAuth } from '../operations/admin-initiate-auth.ts'
import { confirmForgotPassword } from '../operations/confirm-forgot-password.ts'
import { confirmSignUp } from '../operations/confirm-sign-up.ts'
import { forgotPassword } from '../operations/forgot-password.ts'
import { getTokensFromRefreshToken } from '../operations/get-tokens-from-refresh-token.ts'
import { initiateAuth } from '../operations/initiate-auth.ts'
import { resendConfirmationCode } from '../operations/resend-confirmation-code.ts'
import { respondToAuthChallenge } from '../operations/respond-to-auth-challenge.ts'
import { revokeToken } from '../operations/revoke-token.ts'
import { signUp } from '../operations/sign-up.ts'
import {
  PASSWORD,
  call,
  createApp,
  createTestDeps,
  createUser,
  failure,
  lastConfirmationCode,
  passwordClaim,
  srpClientStart,
  srpTimestamp,
  storedUser,
  type App,
  type AuthReply,
  type TestDeps,
} from '../test-support.ts'
import { secretHash } from './client-secret.ts'

let deps: TestDeps
let app: App
let secret: string

beforeEach(async () => {
  deps = createTestDeps()
  const created = await createApp(
    deps,
    {},
    {
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
  )
  app = created
  secret = deps.store.requireClient(app.clientId).clientSecret!
  await createUser(deps, app.poolId, 'alice', { attributes: { email_verified: 'true' } })
})

const hash = (name: string) => secretHash(secret, name, app.clientId)
const missing = () => ({
  name: 'NotAuthorizedException',
  message: `Client ${app.clientId} is configured with secret but SECRET_HASH was not received`,
})
const wrong = () => ({ name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${app.clientId}` })

function passwordSignIn(extra: Record<string, string>, username = 'alice') {
  return call(
    initiateAuth,
    { ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD, ...extra } },
    deps,
  )
}

test('the hash is base64 HMAC-SHA256 of username + client id keyed by the secret', () => {
  // Computed independently: printf '%s' 'aliceclient' | openssl dgst -sha256 -hmac key -binary | base64
  expect(secretHash('key', 'alice', 'client')).toBe('6qh7XsOmLmsVApd02H41W5IKS+2p8Nmp+Ytz+T4h/O4=')
})

test('InitiateAuth USER_PASSWORD_AUTH: missing, wrong, right', async () => {
  expect(await failure(passwordSignIn({}))).toEqual(missing())
  expect(await failure(passwordSignIn({ SECRET_HASH: hash('bob') }))).toEqual(wrong())
  expect((await passwordSignIn({ SECRET_HASH: hash('alice') })).AuthenticationResult.AccessToken).toEqual(expect.any(String))
})

test('a wrong hash is refused before the password is looked at: no lockout count', async () => {
  for (let i = 0; i < 6; i++) expect(await failure(passwordSignIn({ PASSWORD: 'Wr0ng-Horse!', SECRET_HASH: hash('x') }))).toEqual(wrong())
  expect(storedUser(deps, app.poolId, 'alice').failedPasswordAttempts).toBe(0)
})

test('an unknown name is checked the same way (the hash of the name sent)', async () => {
  expect(await failure(passwordSignIn({ SECRET_HASH: hash('x') }, 'nobody'))).toEqual(wrong())
  expect(await failure(passwordSignIn({ SECRET_HASH: hash('nobody') }, 'nobody'))).toEqual({
    name: 'UserNotFoundException',
    message: 'User does not exist.',
  })
})

test('SRP: InitiateAuth and every RespondToAuthChallenge answer carry it', async () => {
  const { a, srpA } = srpClientStart()
  expect(
    await failure(initiateAuth({ ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srpA } }, deps)),
  ).toEqual(missing())
  const started = (await initiateAuth(
    { ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srpA, SECRET_HASH: hash('alice') } },
    deps,
  )) as AuthReply
  const claim = passwordClaim({
    poolId: app.poolId,
    a,
    challengeParameters: started.ChallengeParameters,
    password: PASSWORD,
    timestamp: srpTimestamp(deps.clock.now()),
  })
  const answer = (extra: Record<string, string>) =>
    respondToAuthChallenge(
      { ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: started.Session, ChallengeResponses: { ...claim, ...extra } },
      deps,
    )
  expect(await failure(answer({}))).toEqual(missing())
  expect(await failure(answer({ SECRET_HASH: hash('mallory') }))).toEqual(wrong())
  expect(((await answer({ SECRET_HASH: hash('alice') })) as AuthReply).AuthenticationResult).toBeDefined()
})

test('AdminInitiateAuth too', async () => {
  const admin = (extra: Record<string, string>) =>
    adminInitiateAuth(
      {
        UserPoolId: app.poolId,
        ClientId: app.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD, ...extra },
      },
      deps,
    )
  expect(await failure(admin({}))).toEqual(missing())
  expect(((await admin({ SECRET_HASH: hash('alice') })) as AuthReply).AuthenticationResult).toBeDefined()
})

test("refresh: the hash of the token's user, by username or sub; a wrong one is Cognito's refresh wording", async () => {
  const { RefreshToken } = (await passwordSignIn({ SECRET_HASH: hash('alice') })).AuthenticationResult
  const refresh = (extra: Record<string, string>) =>
    call(initiateAuth, { ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: RefreshToken, ...extra } }, deps)
  expect(await failure(refresh({}))).toEqual(missing())
  expect(await failure(refresh({ SECRET_HASH: hash('bob') }))).toEqual({
    name: 'NotAuthorizedException',
    message: `SecretHash does not match for the client: ${app.clientId}`,
  })
  expect((await refresh({ SECRET_HASH: hash('alice') })).AuthenticationResult.AccessToken).toEqual(expect.any(String))
  expect((await refresh({ SECRET_HASH: hash(storedUser(deps, app.poolId, 'alice').sub) })).AuthenticationResult.AccessToken).toEqual(
    expect.any(String),
  )
})

test('GetTokensFromRefreshToken and RevokeToken take the secret itself', async () => {
  const { RefreshToken } = (await passwordSignIn({ SECRET_HASH: hash('alice') })).AuthenticationResult
  const getTokens = (extra: Record<string, string>) => call(getTokensFromRefreshToken, { ClientId: app.clientId, RefreshToken, ...extra }, deps)
  expect((await failure(getTokens({}))).name).toBe('NotAuthorizedException')
  expect(await failure(getTokens({ ClientSecret: 'not0the0secret' }))).toEqual(wrong())
  expect((await getTokens({ ClientSecret: secret })).AuthenticationResult.AccessToken).toEqual(expect.any(String))
  expect((await failure(revokeToken({ ClientId: app.clientId, Token: RefreshToken }, deps))).name).toBe('NotAuthorizedException')
  await revokeToken({ ClientId: app.clientId, Token: RefreshToken, ClientSecret: secret }, deps)
  expect((await failure(getTokens({ ClientSecret: secret }))).message).toBe('Refresh Token has been revoked')
})

test('without the secret a refresh token cannot be probed: unknown, revoked or disabled, the answer is the secret error', async () => {
  const { RefreshToken } = (await passwordSignIn({ SECRET_HASH: hash('alice') })).AuthenticationResult
  const revoked = (await passwordSignIn({ SECRET_HASH: hash('alice') })).AuthenticationResult.RefreshToken
  await revokeToken({ ClientId: app.clientId, Token: revoked, ClientSecret: secret }, deps)
  const initiate = (token: string, extra: Record<string, string>) =>
    initiateAuth({ ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token, ...extra } }, deps)
  const getTokens = (token: string, extra: Record<string, string>) =>
    getTokensFromRefreshToken({ ClientId: app.clientId, RefreshToken: token, ...extra }, deps)
  const wrongRefreshHash = { name: 'NotAuthorizedException', message: `SecretHash does not match for the client: ${app.clientId}` }
  const missingClientSecret = {
    name: 'NotAuthorizedException',
    message: `Client ${app.clientId} is configured with secret but ClientSecret was not received`,
  }
  for (const token of ['no-such-token', revoked]) {
    expect(await failure(initiate(token, {}))).toEqual(missing())
    expect(await failure(initiate(token, { SECRET_HASH: hash('mallory') }))).toEqual(wrongRefreshHash)
    expect(await failure(getTokens(token, {}))).toEqual(missingClientSecret)
    expect(await failure(getTokens(token, { ClientSecret: 'not0the0secret' }))).toEqual(wrong())
  }
  await adminDisableUser({ UserPoolId: app.poolId, Username: 'alice' }, deps)
  expect(await failure(initiate(RefreshToken, { SECRET_HASH: hash('mallory') }))).toEqual(wrongRefreshHash)
  expect(await failure(getTokens(RefreshToken, { ClientSecret: 'not0the0secret' }))).toEqual(wrong())
  // With the secret, the real reasons.
  expect((await failure(initiate('no-such-token', { SECRET_HASH: hash('alice'), USERNAME: 'alice' }))).message).toBe('Invalid Refresh Token')
  expect((await failure(getTokens(revoked, { ClientSecret: secret }))).message).toBe('User is disabled.')
  expect((await failure(getTokens(RefreshToken, { ClientSecret: secret }))).message).toBe('User is disabled.')
})

test('SignUp, ResendConfirmationCode and ConfirmSignUp need SecretHash', async () => {
  const signUpInput = {
    ClientId: app.clientId,
    Username: 'carol',
    Password: PASSWORD,
    UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
  }
  expect(await failure(signUp(signUpInput, deps))).toEqual(missing())
  expect(await failure(signUp({ ...signUpInput, SecretHash: hash('alice') }, deps))).toEqual(wrong())
  await signUp({ ...signUpInput, SecretHash: hash('carol') }, deps)
  expect(await failure(resendConfirmationCode({ ClientId: app.clientId, Username: 'carol' }, deps))).toEqual(missing())
  await resendConfirmationCode({ ClientId: app.clientId, Username: 'carol', SecretHash: hash('carol') }, deps)
  const code = lastConfirmationCode(deps)
  expect(await failure(confirmSignUp({ ClientId: app.clientId, Username: 'carol', ConfirmationCode: code, SecretHash: hash('dave') }, deps))).toEqual(
    wrong(),
  )
  await confirmSignUp({ ClientId: app.clientId, Username: 'carol', ConfirmationCode: code, SecretHash: hash('carol') }, deps)
  expect(storedUser(deps, app.poolId, 'carol').status).toBe('CONFIRMED')
})

test('ForgotPassword and ConfirmForgotPassword need SecretHash', async () => {
  expect(await failure(forgotPassword({ ClientId: app.clientId, Username: 'alice' }, deps))).toEqual(missing())
  await forgotPassword({ ClientId: app.clientId, Username: 'alice', SecretHash: hash('alice') }, deps)
  const confirm = { ClientId: app.clientId, Username: 'alice', ConfirmationCode: '000000', Password: 'N3w-Horse!!' }
  expect(await failure(confirmForgotPassword(confirm, deps))).toEqual(missing())
  expect(await failure(confirmForgotPassword({ ...confirm, SecretHash: hash('bob') }, deps))).toEqual(wrong())
  expect((await failure(confirmForgotPassword({ ...confirm, SecretHash: hash('alice') }, deps))).name).toBe('CodeMismatchException')
})

test('a client without a secret ignores SECRET_HASH, as before', async () => {
  const open = await createApp(deps, {}, { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] })
  await createUser(deps, open.poolId, 'alice')
  const reply = await call(
    initiateAuth,
    { ClientId: open.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } },
    deps,
  )
  expect(reply.AuthenticationResult).toBeDefined()
})

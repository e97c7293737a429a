// @aws-sdk/client-cognito-identity-provider against the local user pool: the TOTP flow of AWS's
// article https://repost.aws/knowledge-center/cognito-user-pool-totp-mfa step by step, the pool
// set-up an SDK seed script does, the admin reads, MFA_SETUP during sign-in with Session-mode calls,
// account operations, and JWKS-verified tokens.
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider'
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock } from '../../emulator/state/clock.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, TOTP_STEP_MS, uniqueName, wrongCode } from './harness.ts'

const clock = createTestClock(Date.now()) // frozen: only the tests move time
failOnConsoleError()
let emulator: RunningEmulator
let sdk: ReturnType<typeof sdkClient>
// The article's pool (MFA OPTIONAL + TOTP) and an MFA-required one, both set up with the SDK.
let optional: { poolId: string; clientId: string }
let required: { poolId: string; clientId: string }

beforeAll(async () => {
  // No demo pools: this file builds its own, the way an SDK seed script would.
  emulator = await startEmulator({ port: 0, clock, seed: false, log: () => {} })
  sdk = sdkClient(emulator.url)
  optional = await setUpPool('article pool', 'OPTIONAL')
  required = await setUpPool('required pool', 'ON')
})

afterAll(async () => {
  await emulator.close()
})

/**
 * CreateUserPool cannot turn TOTP on, so OFF first, then SetUserPoolMfaConfig
 * (docs/cognito-behaviour.md#pool-mfa-configuration).
 */
async function setUpPool(name: string, mfa: 'OPTIONAL' | 'ON') {
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: name, MfaConfiguration: 'OFF' }))
  const poolId = UserPool!.Id!
  await sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: mfa, SoftwareTokenMfaConfiguration: { Enabled: true } }))
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: `${name} client`,
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  )
  return { poolId, clientId: UserPoolClient!.ClientId! }
}

function adminSignIn(pool: { poolId: string; clientId: string }, username: string, password: string) {
  return sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.poolId,
      ClientId: pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  )
}

async function signedIn(pool: { poolId: string; clientId: string }, username: string, password: string): Promise<AuthenticationResultType> {
  const result = await adminSignIn(pool, username, password)
  if (!result.AuthenticationResult) throw new Error(`expected tokens, got challenge ${result.ChallengeName}`)
  return result.AuthenticationResult
}

/** Article steps 1 and 7: associate a token and verify it with the phone's code, by access token. */
async function associateAndVerify(accessToken: string, deviceName: string): Promise<string> {
  const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }))
  await sdk.send(
    new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: phoneCode(SecretCode!, clock.now()), FriendlyDeviceName: deviceName }),
  )
  return SecretCode!
}

const nextTotpStep = () => clock.advance(TOTP_STEP_MS)

describe('setting up a pool with the SDK', () => {
  test('CreateUserPool (MFA OFF) → SetUserPoolMfaConfig OPTIONAL + TOTP → client → AdminCreateUser → AdminSetUserPassword permanent', async () => {
    const created = await sdk.send(new CreateUserPoolCommand({ PoolName: 'set-up story', MfaConfiguration: 'OFF' }))
    expect(created.UserPool).toMatchObject({ Name: 'set-up story', MfaConfiguration: 'OFF' })
    const poolId = created.UserPool!.Id!
    expect(poolId).toMatch(/^us-east-1_[0-9a-zA-Z]+$/)
    expect(created.UserPool!.Arn).toBe(`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`)
    expect(created.UserPool!.CreationDate).toBeInstanceOf(Date)

    const mfa = await sdk.send(
      new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }),
    )
    expect(mfa).toMatchObject({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } })

    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
    expect(UserPoolClient!.ClientId).toMatch(/^[a-z0-9]{26}$/)
    expect(UserPoolClient!.ExplicitAuthFlows).toEqual(['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'])

    const { User } = await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'Bob',
        TemporaryPassword: 'Temp-pass-2026!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }],
      }),
    )
    expect(User).toMatchObject({ Username: 'Bob', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' })
    expect(User!.UserCreateDate).toBeInstanceOf(Date)
    expect(User!.Attributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: expect.stringMatching(/^[0-9a-f-]{36}$/) },
        { Name: 'email', Value: 'bob@example.com' },
      ]),
    )
    const duplicate = await rejectionOf(sdk.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'Bob', MessageAction: 'SUPPRESS' })))
    expect(duplicate.name).toBe('UsernameExistsException')

    await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'Bob', Password: 'P@ssw0rd', Permanent: true }))
    expect((await sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'Bob' }))).UserStatus).toBe('CONFIRMED')
    const weak = await rejectionOf(
      sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'Bob', Password: 'password', Permanent: true })),
    )
    expect(weak.name).toBe('InvalidPasswordException')
  })

  test('the pool, its client, its MFA configuration and its users can be read back', async () => {
    const username = uniqueName('reader')
    await createConfirmedUser(sdk, optional.poolId, username, 'Reader-pass-2026!')

    const { UserPool } = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: optional.poolId }))
    expect(UserPool).toMatchObject({ Id: optional.poolId, Name: 'article pool', MfaConfiguration: 'OPTIONAL' })
    expect(UserPool!.Policies?.PasswordPolicy).toMatchObject({ MinimumLength: 8, RequireUppercase: true, RequireSymbols: true })

    const pools = await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }))
    expect(pools.UserPools?.map((pool) => pool.Id)).toEqual(expect.arrayContaining([optional.poolId, required.poolId]))

    const clients = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: optional.poolId }))
    expect(clients.UserPoolClients).toEqual([{ ClientId: optional.clientId, UserPoolId: optional.poolId, ClientName: 'article pool client' }])

    const { UserPoolClient } = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: optional.poolId, ClientId: optional.clientId }))
    expect(UserPoolClient).toMatchObject({
      ClientId: optional.clientId,
      AuthSessionValidity: 3,
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'LEGACY',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    })

    expect(await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: required.poolId }))).toMatchObject({
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    })

    const listed = await sdk.send(new ListUsersCommand({ UserPoolId: optional.poolId, Filter: `username = "${username}"` }))
    expect(listed.Users).toHaveLength(1)
    expect(listed.Users![0]).toMatchObject({ Username: username, UserStatus: 'CONFIRMED', Enabled: true })

    const unknown = await rejectionOf(sdk.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_DoesNotExist' })))
    expect(unknown.name).toBe('ResourceNotFoundException')
  })

  test('MFA rules: CreateUserPool cannot require MFA without SMS; OFF with a factor, or ON/OPTIONAL with none, is refused', async () => {
    const onAtCreation = await rejectionOf(sdk.send(new CreateUserPoolCommand({ PoolName: 'too early', MfaConfiguration: 'ON' })))
    expect(onAtCreation.name).toBe('InvalidParameterException')

    const { poolId } = await setUpPool('rules', 'OPTIONAL')
    const offWithTotp = await rejectionOf(
      sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: true } })),
    )
    expect(offWithTotp.name).toBe('InvalidParameterException')
    expect(offWithTotp.message).toBe("Invalid MFA configuration given, can't turn off MFA and configure an MFA together.")

    // A factor block that enables nothing still counts as configuring an MFA
    // (docs/cognito-behaviour.md#pool-mfa-configuration).
    const offWithDisabledTotp = await rejectionOf(
      sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: false } })),
    )
    expect(offWithDisabledTotp.message).toBe("Invalid MFA configuration given, can't turn off MFA and configure an MFA together.")

    const onWithNothing = await rejectionOf(
      sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: false } })),
    )
    expect(onWithNothing.name).toBe('InvalidParameterException')
    expect(onWithNothing.message).toBe("Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.")

    // The refused requests changed nothing; OFF alone is accepted.
    expect(await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }))).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    })
    expect(await sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OFF' }))).toMatchObject({
      MfaConfiguration: 'OFF',
    })
  })
})

describe('the article: TOTP MFA for a user', () => {
  test('associate → verify with a device name → SetUserMFAPreference → AdminInitiateAuth gets SOFTWARE_TOKEN_MFA → AdminRespondToAuthChallenge gets tokens', async () => {
    const username = uniqueName('Bob')
    await createConfirmedUser(sdk, optional.poolId, username, 'P@ssw0rd')
    const { AccessToken } = await signedIn(optional, username, 'P@ssw0rd')

    // 1. associate-software-token
    const associated = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }))
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/)
    expect(associated.Session).toBeUndefined() // a Session only in Session mode

    // 7. verify-software-token --friendly-device-name BobPhone
    const verified = await sdk.send(
      new VerifySoftwareTokenCommand({ AccessToken, UserCode: phoneCode(associated.SecretCode!, clock.now()), FriendlyDeviceName: 'BobPhone' }),
    )
    expect(verified.Status).toBe('SUCCESS')
    expect(verified.Session).toBeUndefined()

    // Verifying does not turn MFA on in an OPTIONAL pool, so still password only
    // (docs/cognito-behaviour.md#authenticator-setup).
    const beforePreference = await sdk.send(new GetUserCommand({ AccessToken }))
    expect(beforePreference.UserMFASettingList).toBeUndefined()
    expect(beforePreference.PreferredMfaSetting).toBeUndefined()
    expect((await adminSignIn(optional, username, 'P@ssw0rd')).AuthenticationResult).toBeDefined()

    // 8. set-user-mfa-preference --software-token-mfa-settings Enabled=true,PreferredMfa=true
    await sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))
    const me = await sdk.send(new GetUserCommand({ AccessToken }))
    expect(me).toMatchObject({ Username: username, UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' })
    expect(me.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: `${username}@example.com` }]))
    const asAdmin = await sdk.send(new AdminGetUserCommand({ UserPoolId: optional.poolId, Username: username }))
    expect(asAdmin).toMatchObject({
      UserStatus: 'CONFIRMED',
      Enabled: true,
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    })

    // 9. admin-initiate-auth --auth-flow ADMIN_USER_PASSWORD_AUTH
    const challenge = await adminSignIn(optional, username, 'P@ssw0rd')
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    expect(challenge.ChallengeParameters).toEqual({ FRIENDLY_DEVICE_NAME: 'BobPhone', USER_ID_FOR_SRP: username })
    expect(challenge.Session!.length).toBeGreaterThanOrEqual(20)
    expect(challenge.AuthenticationResult).toBeUndefined()

    // admin-respond-to-auth-challenge --challenge-name SOFTWARE_TOKEN_MFA (the next step: the verify code is spent)
    nextTotpStep()
    const done = await sdk.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: optional.poolId,
        ClientId: optional.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: phoneCode(associated.SecretCode!, clock.now()) },
        Session: challenge.Session,
      }),
    )
    expect(done.ChallengeParameters).toEqual({})
    expect(done.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' })
    expect(done.AuthenticationResult!.AccessToken!.split('.')).toHaveLength(3)
    expect(done.AuthenticationResult!.IdToken!.split('.')).toHaveLength(3)
    expect(done.AuthenticationResult!.RefreshToken).toMatch(/^[A-Za-z0-9-_=.]+$/)
  })

  test('the administrator variant: AdminSetUserMFAPreference turns on the token the user verified', async () => {
    const username = uniqueName('Bob')
    await createConfirmedUser(sdk, optional.poolId, username, 'P@ssw0rd')

    // Nothing to turn on before the user has verified a token.
    const tooEarly = await rejectionOf(
      sdk.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: optional.poolId,
          Username: username,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      ),
    )
    expect(tooEarly.name).toBe('InvalidParameterException')

    const { AccessToken } = await signedIn(optional, username, 'P@ssw0rd')
    const secret = await associateAndVerify(AccessToken!, 'BobPhone')
    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: optional.poolId,
        Username: username,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    )

    expect(await sdk.send(new AdminGetUserCommand({ UserPoolId: optional.poolId, Username: username }))).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    })
    const challenge = await adminSignIn(optional, username, 'P@ssw0rd')
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')

    // A wrong code keeps the session; the next step's code then signs in with it.
    const respond = (code: string) =>
      sdk.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: optional.poolId,
          ClientId: optional.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
          Session: challenge.Session,
        }),
      )
    const mistyped = await rejectionOf(respond(wrongCode(secret, clock.now())))
    expect(mistyped.name).toBe('CodeMismatchException')
    expect(mistyped.message).toBe('Invalid code received for user')
    nextTotpStep()
    expect((await respond(phoneCode(secret, clock.now()))).AuthenticationResult?.AccessToken).toBeDefined()

    // The administrator can turn it off again: password only.
    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({ UserPoolId: optional.poolId, Username: username, SoftwareTokenMfaSettings: { Enabled: false } }),
    )
    const after = await sdk.send(new AdminGetUserCommand({ UserPoolId: optional.poolId, Username: username }))
    expect(after.UserMFASettingList).toBeUndefined()
    expect(after.PreferredMfaSetting).toBeUndefined()
    expect((await adminSignIn(optional, username, 'P@ssw0rd')).AuthenticationResult).toBeDefined()
  })
})

describe('which codes a sign-in accepts (docs/cognito-behaviour.md#totp-codes)', () => {
  test('the code of the step just gone is accepted (±30 s); one from two steps ago is not; an accepted code is never accepted again', async () => {
    const username = uniqueName('window')
    await createConfirmedUser(sdk, optional.poolId, username, 'Window-pass-2026!')
    const { AccessToken } = await signedIn(optional, username, 'Window-pass-2026!')
    const secret = await associateAndVerify(AccessToken!, 'Phone')
    await sdk.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }))
    const answer = async (code: string) => {
      const { Session } = await adminSignIn(optional, username, 'Window-pass-2026!')
      return sdk.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: optional.poolId,
          ClientId: optional.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
          Session,
        }),
      )
    }

    clock.advance(3 * TOTP_STEP_MS)
    const twoStepsAgo = phoneCode(secret, clock.now() - 2 * TOTP_STEP_MS)
    // (Only if that old code differs from the two valid ones, as it does all but once in a million.)
    if (twoStepsAgo !== phoneCode(secret, clock.now()) && twoStepsAgo !== phoneCode(secret, clock.now() - TOTP_STEP_MS)) {
      expect((await rejectionOf(answer(twoStepsAgo))).name).toBe('CodeMismatchException')
    }
    const lastStepsCode = phoneCode(secret, clock.now() - TOTP_STEP_MS) // the user read it just before it changed
    expect((await answer(lastStepsCode)).AuthenticationResult).toBeDefined()
    expect((await rejectionOf(answer(lastStepsCode))).name).toBe('ExpiredCodeException')
    expect((await answer(phoneCode(secret, clock.now()))).AuthenticationResult).toBeDefined()
    expect((await rejectionOf(answer(phoneCode(secret, clock.now())))).name).toBe('ExpiredCodeException')
  })
})

describe('MFA_SETUP during sign-in (MFA required pool), with Session-mode associate and verify', () => {
  test('each step returns a new session; a stale one is refused; a wrong code keeps the session; finishing gives tokens and TOTP preferred', async () => {
    const username = uniqueName('setup')
    await createConfirmedUser(sdk, required.poolId, username, 'Setup-pass-2026!')

    const started = await adminSignIn(required, username, 'Setup-pass-2026!')
    expect(started.ChallengeName).toBe('MFA_SETUP')
    expect(JSON.parse(started.ChallengeParameters!.MFAS_CAN_SETUP)).toEqual(['SOFTWARE_TOKEN_MFA'])
    const s0 = started.Session!
    expect(s0.length).toBeGreaterThanOrEqual(20)

    const associated = await sdk.send(new AssociateSoftwareTokenCommand({ Session: s0 }))
    const s1 = associated.Session!
    expect(associated.SecretCode).toMatch(/^[A-Z2-7]{52}$/)
    expect(s1).toBeDefined()
    expect(s1).not.toBe(s0)

    const staleAssociate = await rejectionOf(sdk.send(new AssociateSoftwareTokenCommand({ Session: s0 })))
    expect(staleAssociate.name).toBe('NotAuthorizedException')
    expect(staleAssociate.message).toMatch(/^Invalid session for the user/)
    const staleVerify = await rejectionOf(
      sdk.send(new VerifySoftwareTokenCommand({ Session: s0, UserCode: phoneCode(associated.SecretCode!, clock.now()) })),
    )
    expect(staleVerify.name).toBe('NotAuthorizedException')
    expect(staleVerify.message).toMatch(/^Invalid session for the user/)

    const respondSetup = (session: string) =>
      sdk.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: required.poolId,
          ClientId: required.clientId,
          ChallengeName: 'MFA_SETUP',
          ChallengeResponses: { USERNAME: username },
          Session: session,
        }),
      )
    // MFA_SETUP can only be answered with the session VerifySoftwareToken returns.
    const notVerified = await rejectionOf(respondSetup(s1))
    expect(notVerified.name).toBe('NotAuthorizedException')
    expect(notVerified.message).toBe('Invalid session for the user.')

    const mistyped = await rejectionOf(
      sdk.send(new VerifySoftwareTokenCommand({ Session: s1, UserCode: wrongCode(associated.SecretCode!, clock.now()) })),
    )
    expect(mistyped.name).toBe('EnableSoftwareTokenMFAException')
    expect(mistyped.message).toBe('Code mismatch and fail enable Software Token MFA')

    const verified = await sdk.send(
      new VerifySoftwareTokenCommand({ Session: s1, UserCode: phoneCode(associated.SecretCode!, clock.now()), FriendlyDeviceName: 'Setup phone' }),
    )
    expect(verified.Status).toBe('SUCCESS')
    const s2 = verified.Session!
    expect(s2).toBeDefined()
    expect([s0, s1]).not.toContain(s2)

    const done = await respondSetup(s2)
    expect(done.AuthenticationResult?.AccessToken).toBeDefined()
    expect(done.AuthenticationResult?.RefreshToken).toBeDefined()
    const reused = await rejectionOf(respondSetup(s2))
    expect(reused.message).toBe('Invalid session for the user, session can only be used once.')

    expect(await sdk.send(new AdminGetUserCommand({ UserPoolId: required.poolId, Username: username }))).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    })
    const next = await adminSignIn(required, username, 'Setup-pass-2026!')
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA')
    expect(next.ChallengeParameters?.FRIENDLY_DEVICE_NAME).toBe('Setup phone')
  })
})

describe('account operations', () => {
  test('ChangePassword needs the current password and the policy; afterwards only the new password works', async () => {
    const username = uniqueName('changer')
    await createConfirmedUser(sdk, optional.poolId, username, 'Old-pass-2026!')
    const { AccessToken } = await signedIn(optional, username, 'Old-pass-2026!')

    const wrongPrevious = await rejectionOf(
      sdk.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'Not-it-2026!', ProposedPassword: 'New-pass-2026!' })),
    )
    expect(wrongPrevious.name).toBe('NotAuthorizedException')
    expect(wrongPrevious.message).toBe('Incorrect username or password.')
    const weak = await rejectionOf(
      sdk.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'Old-pass-2026!', ProposedPassword: 'short' })),
    )
    expect(weak.name).toBe('InvalidPasswordException')
    expect(weak.message).toMatch(/^Password did not conform with policy: /)

    const changed = await sdk.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'Old-pass-2026!', ProposedPassword: 'New-pass-2026!' }))
    expect(changed.$metadata.httpStatusCode).toBe(200)
    expect((await rejectionOf(adminSignIn(optional, username, 'Old-pass-2026!'))).name).toBe('NotAuthorizedException')
    expect((await adminSignIn(optional, username, 'New-pass-2026!')).AuthenticationResult).toBeDefined()
  })

  test('RevokeToken ends one sign-in: its refresh token and access token are refused, another sign-in is untouched', async () => {
    const username = uniqueName('revoker')
    await createConfirmedUser(sdk, optional.poolId, username, 'Revoke-pass-2026!')
    const first = await signedIn(optional, username, 'Revoke-pass-2026!')
    const second = await signedIn(optional, username, 'Revoke-pass-2026!')

    const refreshed = await sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: optional.clientId, RefreshToken: first.RefreshToken }))
    expect(refreshed.AuthenticationResult?.AccessToken).toBeDefined()

    const accessInstead = await rejectionOf(sdk.send(new RevokeTokenCommand({ ClientId: optional.clientId, Token: first.AccessToken })))
    expect(accessInstead.name).toBe('UnsupportedTokenTypeException')

    await sdk.send(new RevokeTokenCommand({ ClientId: optional.clientId, Token: first.RefreshToken }))

    const refresh = await rejectionOf(
      sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: optional.clientId, RefreshToken: first.RefreshToken })),
    )
    expect(refresh.name).toBe('NotAuthorizedException')
    expect(refresh.message).toBe('Refresh Token has been revoked')
    const legacyRefresh = await rejectionOf(
      sdk.send(
        new InitiateAuthCommand({
          ClientId: optional.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: first.RefreshToken! },
        }),
      ),
    )
    expect(legacyRefresh.message).toBe('Refresh Token has been revoked')
    for (const token of [first.AccessToken, refreshed.AuthenticationResult!.AccessToken]) {
      const access = await rejectionOf(sdk.send(new GetUserCommand({ AccessToken: token })))
      expect(access.name).toBe('NotAuthorizedException')
      expect(access.message).toBe('Access Token has been revoked')
    }

    expect((await sdk.send(new GetUserCommand({ AccessToken: second.AccessToken }))).Username).toBe(username)
  })

  test('AdminDeleteUser removes the user: gone from AdminGetUser and ListUsers, and their access token no longer works', async () => {
    const username = uniqueName('leaver')
    await createConfirmedUser(sdk, optional.poolId, username, 'Leave-pass-2026!')
    const { AccessToken } = await signedIn(optional, username, 'Leave-pass-2026!')

    const deleted = await sdk.send(new AdminDeleteUserCommand({ UserPoolId: optional.poolId, Username: username }))
    expect(deleted.$metadata.httpStatusCode).toBe(200)

    const get = await rejectionOf(sdk.send(new AdminGetUserCommand({ UserPoolId: optional.poolId, Username: username })))
    expect(get.name).toBe('UserNotFoundException')
    expect(get.message).toBe('User does not exist.')
    expect((await sdk.send(new ListUsersCommand({ UserPoolId: optional.poolId, Filter: `username = "${username}"` }))).Users).toEqual([])
    const me = await rejectionOf(sdk.send(new GetUserCommand({ AccessToken })))
    expect(me.name).toBe('UserNotFoundException')
    expect((await rejectionOf(sdk.send(new AdminDeleteUserCommand({ UserPoolId: optional.poolId, Username: username })))).name).toBe(
      'UserNotFoundException',
    )
  })
})

describe('tokens verify against the pool JWKS', () => {
  // docs/cognito-behaviour.md#token-claims
  test('access and ID tokens are RS256, verify with the served JWKS, and carry the claims Cognito puts in them', async () => {
    const username = uniqueName('verifier')
    await createConfirmedUser(sdk, optional.poolId, username, 'Verify-pass-2026!')
    const tokens = await signedIn(optional, username, 'Verify-pass-2026!')
    const issuer = `${emulator.url}/${optional.poolId}`

    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>
    expect(discovery).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json` })
    const jwksResponse = await fetch(`${issuer}/.well-known/jwks.json`)
    expect(jwksResponse.status).toBe(200)
    const jwks = (await jwksResponse.json()) as JSONWebKeySet
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' })

    const remote = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`))
    const access = await jwtVerify(tokens.AccessToken!, remote, { issuer, algorithms: ['RS256'] })
    expect(access.protectedHeader).toEqual({ alg: 'RS256', kid: jwks.keys[0].kid })
    const sub = (await sdk.send(new AdminGetUserCommand({ UserPoolId: optional.poolId, Username: username }))).UserAttributes!.find(
      (a) => a.Name === 'sub',
    )!.Value
    expect(access.payload).toEqual({
      sub,
      iss: issuer,
      client_id: optional.clientId,
      origin_jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: Math.floor(clock.now() / 1000),
      iat: Math.floor(clock.now() / 1000),
      exp: Math.floor(clock.now() / 1000) + 3600,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      username,
    })

    const id = await jwtVerify(tokens.IdToken!, createLocalJWKSet(jwks), { issuer, audience: optional.clientId, algorithms: ['RS256'] })
    expect(id.payload).toMatchObject({
      sub,
      aud: optional.clientId,
      iss: issuer,
      token_use: 'id',
      'cognito:username': username,
      auth_time: access.payload.auth_time,
      origin_jti: access.payload.origin_jti,
      email: `${username}@example.com`,
      email_verified: true, // a JSON boolean in the ID token, "true" in UserAttributes
    })
    expect(id.payload.jti).not.toBe(access.payload.jti)

    // Another pool's key does not verify these tokens.
    const otherIssuer = `${emulator.url}/${required.poolId}`
    const other = createRemoteJWKSet(new URL(`${otherIssuer}/.well-known/jwks.json`))
    expect(decodeProtectedHeader(tokens.AccessToken!).kid).not.toBe(
      ((await (await fetch(`${otherIssuer}/.well-known/jwks.json`)).json()) as JSONWebKeySet).keys[0].kid,
    )
    await expect(jwtVerify(tokens.AccessToken!, other)).rejects.toThrow()
  })
})

describe('token lifetimes', () => {
  test('an access token is refused once its hour is up; the refresh token then gets a working one', async () => {
    const username = uniqueName('sleeper')
    await createConfirmedUser(sdk, optional.poolId, username, 'Sleep-pass-2026!')
    const tokens = await signedIn(optional, username, 'Sleep-pass-2026!')

    clock.advance(3600 * 1000 + 1000) // ExpiresIn 3600

    const expired = await rejectionOf(sdk.send(new GetUserCommand({ AccessToken: tokens.AccessToken })))
    expect(expired.name).toBe('NotAuthorizedException')
    expect(expired.message).toBe('Access Token has expired')
    const refreshed = await sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: optional.clientId, RefreshToken: tokens.RefreshToken }))
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined() // no rotation: the app keeps its refresh token
    expect((await sdk.send(new GetUserCommand({ AccessToken: refreshed.AuthenticationResult!.AccessToken }))).Username).toBe(username)
  })
})

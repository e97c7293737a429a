import type { AdminInitiateAuthRequest, ExplicitAuthFlowsType, InitiateAuthRequest } from '@aws-sdk/client-cognito-identity-provider'
import { isValidSrpA, passwordMatchesVerifier, poolNameOf, startServerExchange } from '../domain/srp.ts'
import { cognitoError, invalidParameter, notAuthorized } from '../errors.ts'
import type { Deps } from '../deps.ts'
import type { ClientRecord, PoolRecord, UserRecord } from '../state/model.ts'
import { optionalStringMap, requiredEnum, requiredParameter, requiredString, type Untrusted } from '../validate.ts'
import { allowedFlows } from './client-flows.ts'
import { requireSecretHash } from './client-secret.ts'
import { passwordAttemptChanges, passwordMatches, refuseWhileLockedOut } from './password.ts'
import { refreshTokens } from './refresh.ts'
import { afterPassword, challenge, type AuthResponse } from './sign-in.ts'
import { decoyFor } from './unknown-users.ts'
import { requireConfirmedDevice } from './devices.ts'

const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const
type AuthFlow = (typeof AUTH_FLOWS)[number]

// CUSTOM_AUTH (Lambda triggers) and USER_AUTH (passwordless) are outside what this emulator does.
const PUBLIC_FLOWS: readonly AuthFlow[] = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'USER_PASSWORD_AUTH']
const ADMIN_FLOWS: readonly AuthFlow[] = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']

/** Which ExplicitAuthFlows entry lets a client use a flow. */
const REQUIRED_CLIENT_FLOW: Partial<Record<AuthFlow, ExplicitAuthFlowsType>> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
}

/** The members both requests have, and the admin one's UserPoolId. */
type SignInRequest = InitiateAuthRequest & Pick<Partial<AdminInitiateAuthRequest>, 'UserPoolId'>

/** InitiateAuth and AdminInitiateAuth (docs/cognito-behaviour.md#initiateauth); `admin` is the SigV4 variant. */
export async function initiateAuth(input: Untrusted<SignInRequest>, deps: Deps, admin: boolean): Promise<AuthResponse> {
  const poolId = admin ? requiredString(input, 'UserPoolId') : undefined
  const clientId = requiredString(input, 'ClientId')
  const flow = requiredEnum(input, 'AuthFlow', AUTH_FLOWS)
  const params = optionalStringMap(input, 'AuthParameters')
  if (poolId !== undefined) deps.store.requirePool(poolId)
  const client = deps.store.requireClient(clientId, poolId)
  const pool = deps.store.requirePool(client.poolId)

  const supported = admin ? ADMIN_FLOWS : PUBLIC_FLOWS
  if (!supported.includes(flow)) throw invalidParameter('Initiate Auth method not supported.')
  const needed = REQUIRED_CLIENT_FLOW[flow]
  if (!needed || !allowedFlows(client).has(needed)) {
    throw invalidParameter(
      flow === 'USER_PASSWORD_AUTH' ? 'USER_PASSWORD_AUTH flow not enabled for this client' : 'Auth flow not enabled for this client',
    )
  }

  if (flow === 'USER_SRP_AUTH') return startSrp(deps, pool, client, params)
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    // The hash of a refresh is computed over the token's user, by username or sub: a refresh names no one
    // (docs/cognito-behaviour.md#client-secrets). A token that names no user can only match a USERNAME
    // sent with it, so without the secret every answer is the secret's error.
    const result = await refreshTokens(
      deps,
      pool,
      client,
      requiredParameter(params, 'REFRESH_TOKEN'),
      (user) => requireSecretHash(client, params.SECRET_HASH, [user?.username, user?.sub, params.USERNAME], 'refresh'),
      params.DEVICE_KEY,
    )
    return { ChallengeParameters: {}, AuthenticationResult: result }
  }
  return plainPassword(deps, pool, client, params)
}

/** USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH: the password checked against the SRP verifier. */
async function plainPassword(deps: Deps, pool: PoolRecord, client: ClientRecord, params: Record<string, string>) {
  const username = requiredParameter(params, 'USERNAME')
  const password = requiredParameter(params, 'PASSWORD')
  const found = deps.store.findUser(pool, username)
  // As on the SRP path, a key the user has no confirmed device for (or a name nobody has) is refused
  // first, and Amplify repeats the request without it (docs/cognito-behaviour.md#unknown-devices).
  const deviceKey = params.DEVICE_KEY ? knownDeviceKey(found, params.DEVICE_KEY) : undefined
  requireSecretHash(client, params.SECRET_HASH, [username, found?.username, found?.sub])
  if (!found) return refuseUnknownPassword(deps, pool, client, username, password)
  refuseUnconfirmedBeforePassword(client, found)
  refuseWhileLockedOut(found, deps.clock)
  if (!passwordMatches(pool, found, password)) {
    deps.store.updateUser(found, passwordAttemptChanges(found, false, deps.clock))
    throw notAuthorized('Incorrect username or password.')
  }
  // The count is reset only when the sign-in ends in tokens (sign-in.ts), not by the password alone.
  return afterPassword({ deps, pool, client, user: found, ...(deviceKey !== undefined ? { deviceKey } : {}) })
}

function knownDeviceKey(user: UserRecord | undefined, key: string): string {
  if (!user) throw cognitoError('ResourceNotFoundException', 'Device does not exist.')
  return requireConfirmedDevice(user, key).key
}

/**
 * A name the pool does not know. With PreventUserExistenceErrors ENABLED: the same lockout, the same
 * verifier computation and the same answer as a real user's wrong password (docs/cognito-behaviour.md#unknown-users).
 */
function refuseUnknownPassword(deps: Deps, pool: PoolRecord, client: ClientRecord, username: string, password: string): never {
  if (client.preventUserExistenceErrors !== 'ENABLED') throw cognitoError('UserNotFoundException', 'User does not exist.')
  const decoy = decoyFor(pool, username)
  deps.unknownNames.refuseWhileLockedOut(pool.id, decoy.key)
  // Done for its cost alone: no password matches a verifier that is not g^x for any known x.
  passwordMatchesVerifier(poolNameOf(pool.id), decoy.userIdForSrp, password, decoy.saltHex, decoy.verifierHex)
  deps.unknownNames.recordFailure(pool.id, decoy.key)
  throw notAuthorized('Incorrect username or password.')
}

/**
 * First half of SRP: B, salt and a secret block, bound to a new session
 * (docs/cognito-behaviour.md#srp-exchange, step 1).
 */
function startSrp(deps: Deps, pool: PoolRecord, client: ClientRecord, params: Record<string, string>): AuthResponse {
  const username = requiredParameter(params, 'USERNAME')
  const aHex = requiredParameter(params, 'SRP_A')
  if (!isValidSrpA(aHex)) throw invalidParameter('Invalid SRP_A value.')
  const secretBlock = deps.sessions.newSecretBlock(client.authSessionValidityMinutes)
  const found = deps.store.findUser(pool, username)
  requireSecretHash(client, params.SECRET_HASH, [username, found?.username, found?.sub])
  if (!found) {
    if (client.preventUserExistenceErrors !== 'ENABLED') throw cognitoError('UserNotFoundException', 'User does not exist.')
    // Answer as for a real user, with the name's own salt and a verifier nobody knows the password of;
    // the signature then fails like a wrong password and reveals nothing (docs/cognito-behaviour.md#unknown-users).
    const decoy = decoyFor(pool, username)
    const { bHex, BHex } = startServerExchange(decoy.verifierHex)
    const session = deps.sessions.issue(
      {
        poolId: pool.id,
        clientId: client.clientId,
        sub: '',
        unknown: decoy,
        challenge: 'PASSWORD_VERIFIER',
        srp: { aHex, bHex, BHex, secretBlock },
      },
      client.authSessionValidityMinutes,
    )
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: session.id,
      // The members in the order `challenge` gives a real user's.
      ChallengeParameters: { USER_ID_FOR_SRP: decoy.userIdForSrp, ...srpParameters(decoy.saltHex, BHex, secretBlock, decoy.userIdForSrp) },
    }
  }
  refuseUnconfirmedBeforePassword(client, found)
  const { bHex, BHex } = startServerExchange(found.srp.verifierHex)
  return challenge({ deps, pool, client, user: found }, 'PASSWORD_VERIFIER', srpParameters(found.srp.saltHex, BHex, secretBlock, found.username), {
    srp: { aHex, bHex, BHex, secretBlock },
  })
}

/**
 * A LEGACY client tells an unconfirmed user so before the password is looked at, so the app can send
 * them to confirmation; an ENABLED one only once the password is proven (sign-in.ts), as a wrong
 * password must not tell anyone that the name is an account (docs/cognito-behaviour.md#account-states).
 */
function refuseUnconfirmedBeforePassword(client: ClientRecord, user: UserRecord): void {
  if (client.preventUserExistenceErrors !== 'ENABLED' && user.status === 'UNCONFIRMED') {
    throw cognitoError('UserNotConfirmedException', 'User is not confirmed.')
  }
}

function srpParameters(saltHex: string, BHex: string, secretBlock: string, username: string): Record<string, string> {
  return { SALT: saltHex, SRP_B: BHex, SECRET_BLOCK: secretBlock, USERNAME: username }
}

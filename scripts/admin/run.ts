// `npm run admin`: the pool check and the support commands. Everything the commands touch from
// outside (output, prompts, the SDK client, amplify_outputs.json) comes in through AdminDeps, so
// tests drive them against the local pool without a terminal.
import {
  AdminDeleteSoftwareTokenCommand,
  AdminForgetDeviceCommand,
  AdminGetUserCommand,
  AdminListDevicesCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUserGlobalSignOutCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  RevokeTokenCommand,
  type AdminInitiateAuthCommandOutput,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import { parseArgs } from 'node:util'
import { parseAmplifyOutputs } from '../../src/config/app-config.ts'
import { checkPool, poolUsable, type AppMfa, type Check } from './check-pool-rules.ts'
import { deviceSummary, formatDevices, type DeviceSummary } from './devices.ts'
import { describeAwsError, type ErrorContext } from './errors.ts'
import { DEFAULT_POOL_URL } from '../../emulator/ports.ts'

export type AdminIo = {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Reads one line from the terminal; with `secret` the terminal does not echo what is typed. */
  prompt: (question: string, options: { secret: boolean }) => Promise<string>
}

export type ClientOptions = { endpoint?: string; region?: string }

export type AdminDeps = {
  io: AdminIo
  createClient: (options: ClientOptions) => CognitoIdentityProviderClient
  /** The text of amplify_outputs.json in the working directory, or undefined when there is none. */
  readAmplifyOutputs: () => string | undefined
}

export const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  check-pool --pool-id P [--client-id C] [--mfa optional|required]
                        check that a user pool and app client are set up the way the app needs;
                        exits 1 when the app cannot work on the pool
  mfa-status USER       the user's status and MFA settings
  reset-totp USER       remove the user's authenticator (lost phone; AdminDeleteSoftwareToken) and forget
                        their devices, so no remembered browser skips the new authenticator's code: in an
                        OPTIONAL pool they sign in without a code and set it up again on Security, in
                        an ON pool they set it up at the next sign-in; asks first unless --yes
  prefer-totp USER      make the user's verified authenticator their preferred MFA
  sign-out USER         end every session of the user (revokes their refresh tokens)
  reset-password USER   make the user choose a new password: sign-in is refused until they reset it
                        with the code Cognito sends to their verified email or phone; asks first unless --yes
  test-sign-in USER     sign in as the user with password and authenticator code (asked without
                        echo; the client must allow ALLOW_ADMIN_USER_PASSWORD_AUTH); prints no token
  devices USER          the user's tracked devices (browsers): name, remembered or not, last sign-in
  forget-devices USER   forget every device of the user (lost or stolen laptop): the next sign-in on
                        any of them asks for the authenticator code; asks first unless --yes

Options:
  --pool-id P           the user pool (default: auth.user_pool_id of amplify_outputs.json)
  --client-id C         the app client (default: auth.user_pool_client_id of amplify_outputs.json)
  --mfa optional|required  the app's MFA setting (default: amplify_outputs.json's mfa_configuration)
  --endpoint URL        a Cognito endpoint other than AWS's, e.g. the local pool ${DEFAULT_POOL_URL}
  --region R            the AWS region (default: the pool id's prefix, else AWS_REGION or your profile)
  --json                machine-readable output on stdout
  --yes                 do not ask for confirmation
  --help

Credentials come from the AWS SDK's default chain (environment, AWS_PROFILE, SSO, instance role).`

type Options = {
  poolId?: string
  clientId?: string
  mfa?: AppMfa
  endpoint?: string
  region?: string
  json: boolean
  yes: boolean
}

class UsageError extends Error {}

/** The region a pool lives in is the part of its id before "_" (e.g. eu-west-1_AbC123). */
export function regionOfPool(poolId: string | undefined): string | undefined {
  const prefix = poolId?.split('_')[0]
  return prefix && /^[a-z]{2}(-[a-z]+)+-\d$/.test(prefix) ? prefix : undefined
}

function amplifyOutputs(deps: AdminDeps): { poolId?: string; clientId?: string; mfa?: AppMfa } {
  const raw = deps.readAmplifyOutputs()
  if (raw === undefined) return {}
  const parsed = parseAmplifyOutputs(raw)
  if (!parsed.ok) return {}
  const { userPoolId, userPoolClientId, mfa } = parsed.pool
  return { poolId: userPoolId, clientId: userPoolClientId, mfa: mfa === 'unknown' ? undefined : mfa }
}

function parse(argv: readonly string[], deps: AdminDeps): { command?: string; user?: string; options: Options; help: boolean } {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'pool-id': { type: 'string' },
        'client-id': { type: 'string' },
        mfa: { type: 'string' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        json: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  const mfa = values.mfa
  if (mfa !== undefined && mfa !== 'optional' && mfa !== 'required') throw new UsageError(`--mfa must be optional or required, got "${mfa}"`)
  if (values.endpoint !== undefined && !/^https?:\/\//.test(values.endpoint)) throw new UsageError(`--endpoint must be an http(s) URL`)
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`)
  // amplify_outputs.json fills in only what the flags leave out, and only for its own pool.
  const outputs = amplifyOutputs(deps)
  const poolId = values['pool-id'] ?? outputs.poolId
  const sameApp = poolId === outputs.poolId
  return {
    command: positionals[0],
    user: positionals[1],
    help: values.help,
    options: {
      poolId,
      clientId: values['client-id'] ?? (sameApp ? outputs.clientId : undefined),
      mfa: mfa ?? (sameApp ? outputs.mfa : undefined),
      endpoint: values.endpoint,
      region: values.region ?? regionOfPool(poolId),
      json: values.json,
      yes: values.yes,
    },
  }
}

/** A failed AWS call, already worded for the reader. */
class CommandFailure extends Error {}

type Context = { deps: AdminDeps; options: Options; sdk: CognitoIdentityProviderClient; poolId: string }

async function send<Output>(
  context: Context,
  call: () => Promise<Output>,
  what: Omit<ErrorContext, 'poolId' | 'region' | 'endpoint'>,
): Promise<Output> {
  try {
    return await call()
  } catch (error) {
    throw new CommandFailure(
      describeAwsError(error, { ...what, poolId: context.poolId, region: context.options.region, endpoint: context.options.endpoint }),
      { cause: error },
    )
  }
}

function out(context: Context, json: object, lines: string[]): void {
  context.deps.io.stdout(context.options.json ? JSON.stringify(json, null, 2) : lines.join('\n'))
}

const SYMBOL: Record<Check['status'], string> = { ok: '✔', failed: '✖', skipped: '–' }

export function formatChecks(checks: readonly Check[]): string[] {
  const width = Math.max(...checks.map((check) => check.requirement.length + (check.level === 'warning' ? 10 : 0)))
  const lines: string[] = []
  let printed: string | undefined
  for (const check of checks) {
    const label = check.level === 'warning' ? `${check.requirement} (advised)` : check.requirement
    lines.push(`${SYMBOL[check.status]} ${label.padEnd(width)}  ${check.actual}`)
    if (check.status === 'failed' && check.fix) {
      // The client's fixes share one command (check-pool-rules.ts): print it once.
      if (check.fix.cli) lines.push(`    fix:      ${check.fix.cli === printed ? 'the same command as above' : check.fix.cli}`)
      printed = check.fix.cli ?? printed
      lines.push(`    template: ${check.fix.template}`)
      if (check.fix.note) lines.push(`    note:     ${check.fix.note}`)
    }
  }
  return lines
}

async function checkPoolCommand(context: Context): Promise<number> {
  const { sdk, poolId, options } = context
  const { UserPool: pool } = await send(context, () => sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), {
    operation: 'DescribeUserPool',
  })
  const mfaConfig = await send(context, () => sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId })), {
    operation: 'GetUserPoolMfaConfig',
  })
  const clientId = options.clientId
  const client = clientId
    ? (
        await send(context, () => sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })), {
          operation: 'DescribeUserPoolClient',
          clientId,
        })
      ).UserPoolClient
    : undefined
  const checks = checkPool({ pool: pool ?? { Id: poolId }, mfaConfig, client, appMfa: options.mfa })
  const usable = poolUsable(checks)
  const errors = checks.filter((check) => check.status === 'failed' && check.level === 'error').length
  const warnings = checks.filter((check) => check.status === 'failed' && check.level === 'warning').length
  const heading = `User pool ${poolId}${pool?.Name ? ` (${pool.Name})` : ''}${client ? `, app client ${client.ClientId}${client.ClientName ? ` (${client.ClientName})` : ''}` : ''}`
  const verdict = usable
    ? `The app can work on this pool${warnings ? `; ${warnings} advised change${warnings > 1 ? 's' : ''}` : ''}.`
    : `The app cannot work on this pool: ${errors} problem${errors > 1 ? 's' : ''} to fix${warnings ? `, and ${warnings} advised change${warnings > 1 ? 's' : ''}` : ''}.`
  out(context, { poolId, clientId: client?.ClientId, usable, checks }, [heading, '', ...formatChecks(checks), '', verdict])
  return usable ? 0 : 1
}

function requireUser(user: string | undefined, command: string): string {
  if (!user) throw new UsageError(`${command} needs a USER (username, alias or sub)`)
  return user
}

async function mfaStatus(context: Context, username: string): Promise<number> {
  const { sdk, poolId } = context
  const user = await send(context, () => sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username })), {
    operation: 'AdminGetUser',
    username,
  })
  const totp = user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false
  const status = {
    username: user.Username,
    userStatus: user.UserStatus,
    enabled: user.Enabled,
    totpEnabled: totp,
    mfaEnabled: user.UserMFASettingList ?? [],
    preferredMfa: user.PreferredMfaSetting ?? null,
  }
  out(context, status, [
    `User ${user.Username} in ${poolId}`,
    `  status:        ${user.UserStatus ?? 'unknown'}${user.Enabled === false ? ' (disabled)' : ''}`,
    `  TOTP:          ${totp ? 'enabled (authenticator verified)' : 'not set up'}`,
    `  MFA enabled:   ${status.mfaEnabled.length > 0 ? status.mfaEnabled.join(', ') : 'none'}`,
    `  preferred MFA: ${user.PreferredMfaSetting ?? 'none'}`,
  ])
  return 0
}

async function setTotp(context: Context, username: string, enabled: boolean): Promise<void> {
  const { sdk, poolId } = context
  await send(
    context,
    () =>
      sdk.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: poolId,
          Username: username,
          SoftwareTokenMfaSettings: { Enabled: enabled, PreferredMfa: enabled },
        }),
      ),
    { operation: 'AdminSetUserMFAPreference', username },
  ).catch((error: unknown) => {
    const name = error instanceof Error && error.cause instanceof Error ? error.cause.name : ''
    if (name !== 'InvalidParameterException') throw error
    const said = error instanceof Error && error.cause instanceof Error ? error.cause.message : ''
    // Cognito's refusals here (docs/cognito-behaviour.md#setusermfapreference), worded for support.
    throw new CommandFailure(
      enabled
        ? `${username} has no verified authenticator, so TOTP cannot be preferred: they set one up at sign-in or on the Security page first. Cognito said: ${said}`
        : `Cognito refused to turn TOTP off for ${username}: ${said}\nIn a pool with MFA required (ON) a user's last MFA factor cannot be turned off, and this region does not offer AdminDeleteSoftwareToken yet; see README, "Support: a user lost their phone".`,
      { cause: error },
    )
  })
}

/** The pool's MFA mode as the reset's messages need it; `unknown` when neither the pool nor the app says. */
type PoolMfa = 'OPTIONAL' | 'ON' | 'unknown'

/**
 * The pool's own MFA mode (GetUserPoolMfaConfig), else the app's (--mfa / amplify_outputs.json):
 * the reset works either way, only what support tells the user depends on it.
 */
async function poolMfaMode(context: Context): Promise<PoolMfa> {
  const fromApp: PoolMfa = context.options.mfa === 'required' ? 'ON' : context.options.mfa === 'optional' ? 'OPTIONAL' : 'unknown'
  try {
    const { MfaConfiguration } = await context.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: context.poolId }))
    return MfaConfiguration === 'ON' || MfaConfiguration === 'OPTIONAL' ? MfaConfiguration : fromApp
  } catch {
    return fromApp
  }
}

// What happens next for the user, per pool mode (docs/cognito-behaviour.md#admindeletesoftwaretoken).
const NEXT: Record<PoolMfa, string> = {
  OPTIONAL: 'they sign in with the password alone (no code is asked) and set up a new authenticator on the Security page',
  ON: 'at their next sign-in they are asked to set up a new authenticator (MFA_SETUP) before they get in',
  unknown:
    'if the pool requires MFA they set up a new authenticator at their next sign-in; if MFA is optional they sign in without a code and set it up again on the Security page',
}

const FACTOR_NAMES: Record<string, string> = { SMS_MFA: 'a code by text message (SMS_MFA)', EMAIL_OTP: 'a code by email (EMAIL_OTP)' }

/**
 * What happens next when the user has another MFA factor besides the authenticator (AdminGetUser's
 * UserMFASettingList): Cognito asks for that one at sign-in, in either pool mode, so neither "the
 * password alone" nor MFA_SETUP is true (docs/cognito-behaviour.md#admindeletesoftwaretoken).
 */
function nextWithOtherFactors(factors: string[]): string | undefined {
  if (factors.length === 0) return undefined
  const names = factors.map((f) => FACTOR_NAMES[f] ?? f).join(' or ')
  return `they sign in with their other MFA, ${names}, and can set up a new authenticator on the Security page`
}

/** A region (or pool) that does not offer AdminDeleteSoftwareToken yet: the only error the reset falls back on. */
function operationMissing(error: unknown): boolean {
  const name = error instanceof Error && error.cause instanceof Error ? error.cause.name : ''
  return name === 'UnknownOperationException' || name === 'OperationNotEnabledException'
}

async function resetTotp(context: Context, username: string): Promise<number> {
  const { deps, options, sdk, poolId } = context
  // Read first: an unknown user fails before anyone is asked to confirm.
  const user = await send(context, () => sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username })), {
    operation: 'AdminGetUser',
    username,
  })
  const mode = await poolMfaMode(context)
  const otherFactors = (user.UserMFASettingList ?? []).filter((factor) => factor !== 'SOFTWARE_TOKEN_MFA')
  const withOther = nextWithOtherFactors(otherFactors)
  const next = withOther ?? NEXT[mode]
  if (!options.yes) {
    const answer = await deps.io.prompt(
      `Reset the authenticator of ${user.Username} in ${poolId}? The authenticator app is removed from the account and its remembered browsers are forgotten, then ${next}. [y/N] `,
      { secret: false },
    )
    if (!/^y(es)?$/i.test(answer.trim())) {
      deps.io.stderr('Nothing changed.')
      return 1
    }
  }
  const signOutHint = `To end the sessions still open on the lost phone: npm run admin -- sign-out ${username} --pool-id ${poolId}`
  try {
    await send(context, () => sdk.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: username })), {
      operation: 'AdminDeleteSoftwareToken',
      username,
    })
  } catch (error) {
    if (!operationMissing(error)) throw error
    // The old way: TOTP off. The verified token stays on the account, and an ON pool refuses it.
    const said = error instanceof Error && error.cause instanceof Error ? error.cause.message : ''
    await setTotp(context, username, false)
    const forgotten = await forgetAllDevices(context, username)
    out(
      context,
      {
        username: user.Username,
        totpEnabled: false,
        tokenDeleted: false,
        poolMfa: mode,
        via: 'AdminSetUserMFAPreference',
        devicesForgotten: forgotten,
      },
      [
        `Note: AdminDeleteSoftwareToken is not available for this pool yet (Cognito said: ${said}), so TOTP was turned off with AdminSetUserMFAPreference instead.`,
        `The old authenticator stays registered: until ${user.Username} sets up a new one, anyone signed in as them could turn it back on.`,
        `TOTP is off for ${user.Username}: ${withOther ?? NEXT.OPTIONAL}; the old one stops working once they do.`,
        ...forgottenLines(user.Username ?? username, forgotten),
        signOutHint,
      ],
    )
    return 0
  }
  // A browser remembered with the old authenticator would skip the new one's code (a stolen laptop):
  // every device goes. A pool without device tracking lists none.
  const forgotten = await forgetAllDevices(context, username)
  out(
    context,
    { username: user.Username, totpEnabled: false, tokenDeleted: true, poolMfa: mode, via: 'AdminDeleteSoftwareToken', devicesForgotten: forgotten },
    [
      `The authenticator of ${user.Username} is removed (AdminDeleteSoftwareToken): codes from the old app no longer work.`,
      ...forgottenLines(user.Username ?? username, forgotten),
      `Next: ${next}.`,
      // Said only where it is true: an ON pool lets no one in without setting up first, and another
      // factor is asked for instead of none.
      ...(mode === 'OPTIONAL' && !withOther ? ['Until they do, their password alone signs them in.'] : []),
      signOutHint,
    ],
  )
  return 0
}

/** What reset-totp says of the devices it forgot: nothing where there were none (a pool without device tracking). */
function forgottenLines(username: string, forgotten: number): string[] {
  if (forgotten === 0) return []
  return [
    `Forgot ${forgotten} device${forgotten === 1 ? '' : 's'} of ${username} (AdminForgetDevice): no browser skips the authenticator code any more, and their refresh tokens stop working.`,
  ]
}

async function preferTotp(context: Context, username: string): Promise<number> {
  await setTotp(context, username, true)
  out(context, { username, totpEnabled: true, preferredMfa: 'SOFTWARE_TOKEN_MFA' }, [`TOTP is enabled and preferred for ${username}.`])
  return 0
}

async function signOut(context: Context, username: string): Promise<number> {
  await send(context, () => context.sdk.send(new AdminUserGlobalSignOutCommand({ UserPoolId: context.poolId, Username: username })), {
    operation: 'AdminUserGlobalSignOut',
    username,
  })
  out(context, { username, signedOut: true }, [
    `Signed ${username} out everywhere: every refresh token is revoked, and Cognito refuses the access tokens issued with them.`,
  ])
  return 0
}

/** A user's verified email or phone number, which a reset code can go to (docs/cognito-behaviour.md#adminresetuserpassword). */
function hasVerifiedAddress(attributes: readonly { Name?: string; Value?: string }[] = []): boolean {
  const verified = (name: string) => attributes.some((attribute) => attribute.Name === name && attribute.Value === 'true')
  return verified('email_verified') || verified('phone_number_verified')
}

async function resetPassword(context: Context, username: string): Promise<number> {
  const { deps, options, sdk, poolId } = context
  // Read first: an unknown user fails before anyone is asked to confirm.
  const user = await send(context, () => sdk.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username })), {
    operation: 'AdminGetUser',
    username,
  })
  if (!options.yes) {
    const answer = await deps.io.prompt(
      `Reset the password of ${user.Username} in ${poolId}? It stops working at once: they sign in again only after choosing a new one with the code Cognito sends them. [y/N] `,
      { secret: false },
    )
    if (!/^y(es)?$/i.test(answer.trim())) {
      deps.io.stderr('Nothing changed.')
      return 1
    }
  }
  await send(context, () => sdk.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: username })), {
    operation: 'AdminResetUserPassword',
    username,
  }).catch((error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined
    if (cause?.name !== 'NotAuthorizedException') throw error
    throw new CommandFailure(
      `${user.Username} cannot be reset in status ${user.UserStatus ?? 'unknown'}: a user who never chose a password needs a new temporary one (AdminCreateUser with MessageAction RESEND) or AdminSetUserPassword. Cognito said: ${cause.message}`,
      { cause: error },
    )
  })
  const codeSent = hasVerifiedAddress(user.UserAttributes)
  out(context, { username: user.Username, userStatus: 'RESET_REQUIRED', codeSent }, [
    `The password of ${user.Username} is reset (AdminResetUserPassword): sign-in answers "password reset required" until they choose a new one.`,
    codeSent
      ? 'Cognito sent them a reset code (to their verified email or phone number), which they enter with a new password. Their authenticator stays: the next sign-in still asks for its code.'
      : 'They have no verified email or phone number, so no code was sent: give them a password with AdminSetUserPassword instead.',
    `Sessions already open stay open; to end them: npm run admin -- sign-out ${username} --pool-id ${poolId}`,
  ])
  return 0
}

type SignInOutcome = 'signed-in-with-totp' | 'signed-in-without-mfa' | 'mfa-setup-required' | 'new-password-required' | 'other-challenge'

async function testSignIn(context: Context, username: string): Promise<number> {
  const { sdk, poolId, deps, options } = context
  const clientId = options.clientId
  if (!clientId) throw new UsageError('test-sign-in needs --client-id (or amplify_outputs.json)')
  const password = await deps.io.prompt(`Password for ${username}: `, { secret: true })
  const authFailure = (error: unknown, operation: string): never => {
    const cause = error instanceof Error ? error : new Error(String(error))
    if (cause.name === 'NotAuthorizedException' || cause.name === 'CodeMismatchException' || cause.name === 'ExpiredCodeException') {
      throw new CommandFailure(`Sign-in refused at ${operation}: ${cause.name}: ${cause.message}`, { cause })
    }
    if (cause.name === 'InvalidParameterException' && /flow not enabled/i.test(cause.message)) {
      throw new CommandFailure(
        `The client does not allow ADMIN_USER_PASSWORD_AUTH (${cause.message}). Allow it for the test (template parameter AllowAdminUserPasswordAuth=true, i.e. ExplicitAuthFlows ALLOW_ADMIN_USER_PASSWORD_AUTH), or test in the app.`,
        { cause },
      )
    }
    throw new CommandFailure(describeAwsError(cause, { operation, poolId, clientId, username, region: options.region, endpoint: options.endpoint }), {
      cause,
    })
  }
  let answer: AdminInitiateAuthCommandOutput
  try {
    answer = await sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    )
  } catch (error) {
    return authFailure(error, 'AdminInitiateAuth')
  }
  let outcome: SignInOutcome
  let refreshToken = answer.AuthenticationResult?.RefreshToken
  if (answer.AuthenticationResult) outcome = 'signed-in-without-mfa'
  else if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
    const code = await deps.io.prompt('Authenticator code: ', { secret: true })
    try {
      const result = await sdk.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: answer.Session,
          ChallengeResponses: { USERNAME: answer.ChallengeParameters?.USER_ID_FOR_SRP ?? username, SOFTWARE_TOKEN_MFA_CODE: code.trim() },
        }),
      )
      refreshToken = result.AuthenticationResult?.RefreshToken
    } catch (error) {
      return authFailure(error, 'AdminRespondToAuthChallenge')
    }
    outcome = 'signed-in-with-totp'
  } else if (answer.ChallengeName === 'MFA_SETUP') outcome = 'mfa-setup-required'
  else if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED') outcome = 'new-password-required'
  else outcome = 'other-challenge'

  // The test sign-in is not a session anyone uses: revoke its refresh token (and with it the
  // access token) so it does not linger. Failing to is reported, never fatal.
  let revoked: boolean | undefined
  if (refreshToken) {
    revoked = await sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: refreshToken })).then(
      () => true,
      () => false,
    )
  }
  const words: Record<SignInOutcome, string> = {
    'signed-in-with-totp': `${username} signed in with password and authenticator code: TOTP works.`,
    'signed-in-without-mfa': `${username} signed in with the password alone: no MFA was asked (the user has no authenticator, or the pool's MFA is off).`,
    'mfa-setup-required': `The password is right; ${username} has no authenticator and will be asked to set one up at sign-in (MFA_SETUP).`,
    'new-password-required': `The password is right but temporary: ${username} must choose a new one at sign-in (NEW_PASSWORD_REQUIRED).`,
    'other-challenge': `The password is right; Cognito asked for ${answer.ChallengeName ?? 'an unknown challenge'}, which this test does not answer.`,
  }
  const lines = [words[outcome]]
  if (revoked === false) lines.push('Note: the test session could not be revoked (token revocation is off for this client).')
  out(context, { username, outcome, ...(revoked === undefined ? {} : { testSessionRevoked: revoked }) }, lines)
  return 0
}

/** Every tracked device of the user, page by page (AdminListDevices lists at most 60 at a time). */
async function listAllDevices(context: Context, username: string): Promise<DeviceSummary[]> {
  const devices: DeviceSummary[] = []
  let token: string | undefined
  do {
    const page = await send(
      context,
      () => context.sdk.send(new AdminListDevicesCommand({ UserPoolId: context.poolId, Username: username, Limit: 60, PaginationToken: token })),
      { operation: 'AdminListDevices', username },
    )
    devices.push(...(page.Devices ?? []).map(deviceSummary))
    token = page.PaginationToken
  } while (token)
  return devices
}

async function listDevicesCommand(context: Context, username: string): Promise<number> {
  const devices = await listAllDevices(context, username)
  out(context, { username, devices }, formatDevices(username, devices))
  return 0
}

/** Forgets every tracked device of the user (AdminListDevices, then AdminForgetDevice each); returns how many. */
async function forgetAllDevices(context: Context, username: string): Promise<number> {
  const devices = await listAllDevices(context, username)
  await forgetEach(context, username, devices)
  return devices.length
}

async function forgetEach(context: Context, username: string, devices: readonly DeviceSummary[]): Promise<void> {
  for (const device of devices) {
    await send(
      context,
      () => context.sdk.send(new AdminForgetDeviceCommand({ UserPoolId: context.poolId, Username: username, DeviceKey: device.key })),
      { operation: 'AdminForgetDevice', username },
    )
  }
}

async function forgetDevices(context: Context, username: string): Promise<number> {
  const { deps, options, poolId } = context
  // Read first: an unknown user fails before anyone is asked to confirm.
  const devices = await listAllDevices(context, username)
  if (devices.length === 0) {
    out(context, { username, forgotten: 0 }, [`${username} has no tracked devices: nothing to forget.`])
    return 0
  }
  if (!options.yes) {
    const remembered = devices.filter((device) => device.remembered).length
    const answer = await deps.io.prompt(
      `Forget the ${devices.length} device${devices.length === 1 ? '' : 's'} of ${username} in ${poolId} (${remembered} remembered)? The next sign-in on each asks for the authenticator code. [y/N] `,
      { secret: false },
    )
    if (!/^y(es)?$/i.test(answer.trim())) {
      deps.io.stderr('Nothing changed.')
      return 1
    }
  }
  await forgetEach(context, username, devices)
  out(context, { username, forgotten: devices.length }, [
    `Forgot ${devices.length} device${devices.length === 1 ? '' : 's'} of ${username}: the next sign-in on any of them asks for the authenticator code, and their refresh tokens stop working.`,
    `Access tokens already issued last until they expire (an hour by default); to revoke them now: npm run admin -- sign-out ${username} --pool-id ${poolId}`,
  ])
  return 0
}

const COMMANDS = [
  'check-pool',
  'mfa-status',
  'reset-totp',
  'prefer-totp',
  'sign-out',
  'reset-password',
  'test-sign-in',
  'devices',
  'forget-devices',
] as const

/** Runs one admin command; resolves to the process exit code (0 ok, 1 failed, 2 usage). */
export async function runAdmin(argv: readonly string[], deps: AdminDeps): Promise<number> {
  let parsed
  try {
    parsed = parse(argv, deps)
  } catch (error) {
    deps.io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }
  const { command, user, options, help } = parsed
  if (help || command === undefined) {
    ;(help ? deps.io.stdout : deps.io.stderr)(USAGE)
    return help ? 0 : 2
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    deps.io.stderr(`Unknown command "${command}".\n\n${USAGE}`)
    return 2
  }
  try {
    const poolId = options.poolId
    if (!poolId) throw new UsageError(`${command} needs --pool-id (or an amplify_outputs.json in this directory)`)
    const sdk = deps.createClient({ endpoint: options.endpoint, region: options.region })
    const context: Context = { deps, options, sdk, poolId }
    try {
      switch (command) {
        case 'check-pool':
          return await checkPoolCommand(context)
        case 'mfa-status':
          return await mfaStatus(context, requireUser(user, command))
        case 'reset-totp':
          return await resetTotp(context, requireUser(user, command))
        case 'prefer-totp':
          return await preferTotp(context, requireUser(user, command))
        case 'sign-out':
          return await signOut(context, requireUser(user, command))
        case 'reset-password':
          return await resetPassword(context, requireUser(user, command))
        case 'devices':
          return await listDevicesCommand(context, requireUser(user, command))
        case 'forget-devices':
          return await forgetDevices(context, requireUser(user, command))
        default:
          return await testSignIn(context, requireUser(user, command))
      }
    } finally {
      sdk.destroy()
    }
  } catch (error) {
    if (error instanceof UsageError) {
      deps.io.stderr(`${error.message}\n\n${USAGE}`)
      return 2
    }
    if (error instanceof CommandFailure) {
      deps.io.stderr(error.message)
      return 1
    }
    throw error
  }
}

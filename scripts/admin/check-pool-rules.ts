// What the app needs from a user pool and its app client, as a pure function of what
// DescribeUserPool, GetUserPoolMfaConfig and DescribeUserPoolClient answer. `check-pool` is a thin
// shell around it; every fix names the AWS CLI command and the property of infra/user-pool.yaml.
import type {
  ExplicitAuthFlowsType,
  GetUserPoolMfaConfigResponse,
  TimeUnitsType,
  UserPoolClientType,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider'

/** The MFA mode the app was built for (VITE_COGNITO_MFA, or amplify_outputs.json's mfa_configuration). */
export type AppMfa = 'optional' | 'required' | 'off'

/**
 * `error`: the app cannot work on the pool (check-pool exits non-zero). `warning`: it works, but
 * not as the template sets it up (weaker security or a different experience).
 */
export type Level = 'error' | 'warning'

export type Fix = {
  /** An AWS CLI command that fixes it, ready to paste (none when the fix is in the app's build). */
  cli?: string
  /** The template's resource and property, e.g. `AWS::Cognito::UserPoolClient EnableTokenRevocation: true`. */
  template: string
  note?: string
}

export type Check = {
  requirement: string
  /** `skipped`: not checked because its input is missing (no client id, no app configuration). */
  status: 'ok' | 'failed' | 'skipped'
  level: Level
  /** What the pool says, in words. */
  actual: string
  fix?: Fix
}

export type CheckInput = {
  pool: UserPoolType
  mfaConfig: GetUserPoolMfaConfigResponse
  /** Undefined when no client id was given. */
  client?: UserPoolClientType
  /** Undefined when neither a flag nor amplify_outputs.json says. */
  appMfa?: AppMfa
}

const POOL = 'AWS::Cognito::UserPool'
const CLIENT = 'AWS::Cognito::UserPoolClient'

// When a client was created without ExplicitAuthFlows, AWS allows these
// (docs/cognito-behaviour.md#app-client-defaults).
const DEFAULT_FLOWS: readonly ExplicitAuthFlowsType[] = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']
const LEGACY_FLOWS: Partial<Record<ExplicitAuthFlowsType, ExplicitAuthFlowsType>> = {
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
}
const UNIT_SECONDS: Record<TimeUnitsType, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 }
const POOL_MODE: Record<AppMfa, string> = { optional: 'OPTIONAL', required: 'ON', off: 'OFF' }

/** Quotes a value for a POSIX shell when it needs it. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

function flowsOf(client: UserPoolClientType): ExplicitAuthFlowsType[] {
  const flows = client.ExplicitAuthFlows
  if (!flows || flows.length === 0) return [...DEFAULT_FLOWS]
  const allowed = new Set(flows.map((flow) => LEGACY_FLOWS[flow] ?? flow))
  // A list of only legacy names keeps SRP and refresh (docs/cognito-behaviour.md#app-client-defaults).
  if (flows.every((flow) => flow in LEGACY_FLOWS)) {
    allowed.add('ALLOW_USER_SRP_AUTH')
    allowed.add('ALLOW_REFRESH_TOKEN_AUTH')
  }
  return [...allowed]
}

type Lifetimes = { access: number; id: number; refresh: number }

/** Token lifetimes in seconds, with Cognito's defaults (1 hour, 1 hour, 30 days) for what is not set. */
function lifetimesOf(client: UserPoolClientType): Lifetimes {
  const units = client.TokenValidityUnits ?? {}
  const seconds = (value: number | undefined, unit: TimeUnitsType | undefined, fallbackUnit: TimeUnitsType, fallback: number) =>
    value === undefined ? fallback : value * UNIT_SECONDS[unit ?? fallbackUnit]
  return {
    access: seconds(client.AccessTokenValidity, units.AccessToken, 'hours', 3600),
    id: seconds(client.IdTokenValidity, units.IdToken, 'hours', 3600),
    refresh: seconds(client.RefreshTokenValidity, units.RefreshToken, 'days', 30 * 86400),
  }
}

function duration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`
  if (seconds % 3600 === 0) return `${seconds / 3600} h`
  if (seconds % 60 === 0) return `${seconds / 60} min`
  return `${seconds} s`
}

/** The settings UpdateUserPoolClient takes, as the client has them now, with `changes` on top. */
export type ClientChanges = {
  ExplicitAuthFlows?: ExplicitAuthFlowsType[]
  EnableTokenRevocation?: boolean
  PreventUserExistenceErrors?: 'ENABLED' | 'LEGACY'
  AuthSessionValidity?: number
  lifetimes?: Lifetimes
}

/**
 * `aws cognito-idp update-user-pool-client` with every setting the client has now plus `changes`:
 * UpdateUserPoolClient resets each setting left out of the request to its default
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html),
 * so a command with only the fixed member would silently undo others.
 */
export function updateClientCommand(client: UserPoolClientType, changes: ClientChanges = {}): string {
  const lifetimes = changes.lifetimes ?? lifetimesOf(client)
  const args: string[] = [
    'aws cognito-idp update-user-pool-client',
    `--user-pool-id ${shellQuote(client.UserPoolId ?? '')}`,
    `--client-id ${shellQuote(client.ClientId ?? '')}`,
  ]
  if (client.ClientName) args.push(`--client-name ${shellQuote(client.ClientName)}`)
  const flows = changes.ExplicitAuthFlows ?? flowsOf(client)
  args.push(`--explicit-auth-flows ${flows.join(' ')}`)
  // Minutes for access and ID tokens, days for the refresh token when whole (as the template does).
  const refreshUnit = lifetimes.refresh % 86400 === 0 ? 'days' : 'minutes'
  args.push(
    `--token-validity-units AccessToken=minutes,IdToken=minutes,RefreshToken=${refreshUnit}`,
    `--access-token-validity ${Math.round(lifetimes.access / 60)}`,
    `--id-token-validity ${Math.round(lifetimes.id / 60)}`,
    `--refresh-token-validity ${lifetimes.refresh / UNIT_SECONDS[refreshUnit]}`,
    `--auth-session-validity ${changes.AuthSessionValidity ?? client.AuthSessionValidity ?? 3}`,
    `--prevent-user-existence-errors ${changes.PreventUserExistenceErrors ?? client.PreventUserExistenceErrors ?? 'LEGACY'}`,
    (changes.EnableTokenRevocation ?? client.EnableTokenRevocation ?? true) ? '--enable-token-revocation' : '--no-enable-token-revocation',
  )
  const lists: [string, string[] | undefined][] = [
    ['--read-attributes', client.ReadAttributes],
    ['--write-attributes', client.WriteAttributes],
    ['--supported-identity-providers', client.SupportedIdentityProviders],
    ['--callback-urls', client.CallbackURLs],
    ['--logout-urls', client.LogoutURLs],
    ['--allowed-o-auth-flows', client.AllowedOAuthFlows],
    ['--allowed-o-auth-scopes', client.AllowedOAuthScopes],
  ]
  for (const [flag, values] of lists) if (values && values.length > 0) args.push(`${flag} ${values.map(shellQuote).join(' ')}`)
  if (client.DefaultRedirectURI) args.push(`--default-redirect-uri ${shellQuote(client.DefaultRedirectURI)}`)
  if (client.AllowedOAuthFlowsUserPoolClient) args.push('--allowed-o-auth-flows-user-pool-client')
  return args.join(' ')
}

function mfaCommand(poolId: string, mode: string): string {
  return `aws cognito-idp set-user-pool-mfa-config --user-pool-id ${shellQuote(poolId)} --software-token-mfa-configuration Enabled=true --mfa-configuration ${mode}`
}

/** One check per requirement, in the order check-pool prints them. */
export function checkPool({ pool, mfaConfig, client, appMfa }: CheckInput): Check[] {
  const poolId = pool.Id ?? ''
  const checks: Check[] = []
  const mode = mfaConfig.MfaConfiguration ?? pool.MfaConfiguration ?? 'OFF'
  const totp = mfaConfig.SoftwareTokenMfaConfiguration?.Enabled === true
  // The mode to suggest: the app's, when it is one that can use TOTP.
  const wantedMode = appMfa && appMfa !== 'off' ? POOL_MODE[appMfa] : mode === 'ON' ? 'ON' : 'OPTIONAL'

  checks.push({
    requirement: 'TOTP (software token MFA) enabled',
    status: totp ? 'ok' : 'failed',
    level: 'error',
    actual: totp ? 'enabled' : 'not enabled',
    fix: totp ? undefined : { cli: mfaCommand(poolId, wantedMode), template: `${POOL} EnabledMfas: [SOFTWARE_TOKEN_MFA]` },
  })
  checks.push({
    requirement: 'MFA on the pool (OPTIONAL or ON)',
    status: mode === 'OFF' ? 'failed' : 'ok',
    level: 'error',
    actual: mode,
    fix:
      mode === 'OFF'
        ? {
            cli: mfaCommand(poolId, wantedMode),
            template: `${POOL} MfaConfiguration: ${wantedMode}`,
            note: 'MFA is switched on in the pool before TOTP can be used.',
          }
        : undefined,
  })
  if (appMfa === undefined) {
    checks.push({
      requirement: "MFA mode matches the app's configuration",
      status: 'skipped',
      level: 'error',
      actual: 'app configuration unknown (pass --mfa optional|required, or run where amplify_outputs.json is)',
    })
  } else {
    const expected = POOL_MODE[appMfa]
    const same = expected === mode
    // The other way round is to build the app for the pool as it is (src/config/app-config.ts).
    const rebuild =
      mode === 'OFF'
        ? undefined
        : `or build the app with VITE_COGNITO_MFA=${mode === 'ON' ? 'required' : 'optional'} (amplify_outputs.json auth.mfa_configuration ${mode === 'ON' ? 'REQUIRED' : 'OPTIONAL'})`
    checks.push({
      requirement: "MFA mode matches the app's configuration",
      status: same ? 'ok' : 'failed',
      level: 'error',
      actual: `pool ${mode}, app ${appMfa} (${expected})`,
      fix: same
        ? undefined
        : appMfa === 'off'
          ? { template: `${POOL} MfaConfiguration: ${mode}`, note: rebuild ?? 'build the app with VITE_COGNITO_MFA=optional or required' }
          : { cli: mfaCommand(poolId, expected), template: `${POOL} MfaConfiguration: ${expected}`, note: rebuild },
    })
  }

  if (!client) {
    checks.push({
      requirement: 'app client settings',
      status: 'skipped',
      level: 'error',
      actual: 'no client id (pass --client-id, or run where amplify_outputs.json is)',
    })
    return checks
  }

  const flows = flowsOf(client)
  const missingFlows = (['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const).filter((flow) => !flows.includes(flow))
  const revocation = client.EnableTokenRevocation !== false
  const prevented = client.PreventUserExistenceErrors === 'ENABLED'
  // Cognito allows 3 to 15 minutes; the MFA code and the setup during sign-in (MFA_SETUP) must be
  // finished within it (docs/cognito-behaviour.md#challenge-sessions).
  const session = client.AuthSessionValidity ?? 3
  const sessionOk = session >= 3 && session <= 15
  // Access and ID tokens sit in browser storage: the template keeps them at an hour at most, and
  // the refresh token must outlive them or Amplify cannot refresh.
  const lifetimes = lifetimesOf(client)
  const lifetimesOk = lifetimes.access <= 3600 && lifetimes.id <= 3600 && lifetimes.refresh > lifetimes.access
  const fixedLifetimes: Lifetimes = {
    access: Math.min(lifetimes.access, 3600),
    id: Math.min(lifetimes.id, 3600),
    refresh: Math.max(lifetimes.refresh, 86400),
  }
  const fixedFlows = [...flows, ...missingFlows]
  // UpdateUserPoolClient replaces every setting, so one command carries all of the client's
  // fixes: two commands each fixing one thing would undo each other.
  const clientFix = updateClientCommand(client, {
    ExplicitAuthFlows: missingFlows.length > 0 ? fixedFlows : undefined,
    EnableTokenRevocation: revocation ? undefined : true,
    PreventUserExistenceErrors: prevented ? undefined : 'ENABLED',
    AuthSessionValidity: sessionOk ? undefined : 3,
    lifetimes: lifetimesOk ? undefined : fixedLifetimes,
  })
  const fix = (ok: boolean, template: string): Fix | undefined => (ok ? undefined : { cli: clientFix, template: `${CLIENT} ${template}` })

  const recreate = `aws cognito-idp create-user-pool-client --user-pool-id ${shellQuote(poolId)} --client-name ${shellQuote(client.ClientName ?? 'web')} --no-generate-secret --explicit-auth-flows ${fixedFlows.join(' ')} --enable-token-revocation --prevent-user-existence-errors ENABLED`
  const hasSecret = Boolean(client.ClientSecret)
  checks.push({
    requirement: 'client has no secret (a browser cannot keep one)',
    status: hasSecret ? 'failed' : 'ok',
    level: 'error',
    actual: hasSecret ? 'has a secret' : 'no secret',
    fix: hasSecret
      ? {
          cli: recreate,
          template: `${CLIENT} GenerateSecret: false`,
          note: "a client's secret cannot be removed: create a new client and configure the app with its id",
        }
      : undefined,
  })
  for (const [flow, what] of [
    ['ALLOW_USER_SRP_AUTH', 'SRP sign-in allowed (ALLOW_USER_SRP_AUTH)'],
    ['ALLOW_REFRESH_TOKEN_AUTH', 'token refresh allowed (ALLOW_REFRESH_TOKEN_AUTH)'],
  ] as const) {
    const allowed = flows.includes(flow)
    checks.push({
      requirement: what,
      status: allowed ? 'ok' : 'failed',
      level: 'error',
      actual: flows.join(' '),
      fix: fix(allowed, `ExplicitAuthFlows: [${fixedFlows.join(', ')}]`),
    })
  }
  checks.push({
    requirement: 'token revocation on (sign-out revokes the refresh token)',
    status: revocation ? 'ok' : 'failed',
    level: 'warning',
    actual: revocation ? 'on' : 'off',
    fix: fix(revocation, 'EnableTokenRevocation: true'),
  })
  checks.push({
    requirement: 'user-existence errors prevented',
    status: prevented ? 'ok' : 'failed',
    level: 'warning',
    actual: client.PreventUserExistenceErrors ?? 'LEGACY',
    fix: fix(prevented, 'PreventUserExistenceErrors: ENABLED'),
  })
  checks.push({
    requirement: 'session validity 3–15 minutes (time to enter a code)',
    status: sessionOk ? 'ok' : 'failed',
    level: 'error',
    actual: `${session} min`,
    fix: fix(sessionOk, 'AuthSessionValidity: 3'),
  })
  checks.push({
    requirement: 'token lifetimes (access and ID ≤ 1 h, refresh longer)',
    status: lifetimesOk ? 'ok' : 'failed',
    level: 'warning',
    actual: `access ${duration(lifetimes.access)}, ID ${duration(lifetimes.id)}, refresh ${duration(lifetimes.refresh)}`,
    fix: fix(
      lifetimesOk,
      `AccessTokenValidity: ${fixedLifetimes.access / 60}, IdTokenValidity: ${fixedLifetimes.id / 60}, RefreshTokenValidity: ${Math.ceil(fixedLifetimes.refresh / 86400)}, TokenValidityUnits: {AccessToken: minutes, IdToken: minutes, RefreshToken: days}`,
    ),
  })
  return checks
}

/** Whether the app can work on the pool: no failed check of level `error`. */
export function poolUsable(checks: readonly Check[]): boolean {
  return !checks.some((check) => check.status === 'failed' && check.level === 'error')
}

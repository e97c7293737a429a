// Which Cognito user pool the app talks to, and how we found out. Everything here is pure, so
// each way of configuring the app (nothing, env vars, amplify_outputs.json, the local emulator's
// discovery document, a config injected by tests) is parsed and validated in one tested place.

/** Whether the pool makes MFA mandatory. 'unknown' means: attempt, and map the server's refusal. */
export type MfaRequirement = 'required' | 'optional' | 'off' | 'unknown'

export type PoolConfig = {
  userPoolId: string
  userPoolClientId: string
  /** Absolute URL of the Cognito user-pool API; undefined = AWS's regional endpoint. */
  endpoint?: string
  mfa: MfaRequirement
  /** A label for the local pool picker. */
  name?: string
}

export type Backend =
  /** The local emulator; its pools are discovered at run time. */
  { kind: 'local'; endpoint: string; discoveryUrl: string } | { kind: 'explicit'; pool: PoolConfig; source: ConfigSource }

export type ConfigSource = 'env' | 'amplify_outputs.json' | 'injected'

export type ConfigProblem = { kind: 'missing' | 'invalid'; field: string } | { kind: 'unreadable'; source: string }

/**
 * Where Amplify keeps the tokens (ADR 010): 'local' (localStorage, Amplify's default) keeps the
 * user signed in across tabs and restarts; 'session' (sessionStorage) ends with the tab.
 * Absent means 'local'.
 */
export type TokenStorage = 'local' | 'session'

/**
 * Where a user who cannot sign in (e.g. a lost phone) gets help: a web page, an email address, or
 * both. Absent: the sign-in help says to contact whoever runs the service.
 */
export type SupportContact = { url?: string; email?: string }

export type AppConfig = {
  backend: Backend
  appName: string
  tokenStorage?: TokenStorage
  support?: SupportContact
  /** How recent a sign-in must be for turning the authenticator off or replacing it (ADR 016); absent means 5 minutes. */
  recentSignInMinutes?: number
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] }

/** What tests (and embedders) may pass to `<App config>`. */
export type AppConfigInput = (
  | { mode: 'local'; baseUrl?: string; appName?: string }
  | {
      mode: 'explicit'
      userPoolId: string
      userPoolClientId: string
      endpoint?: string
      mfaRequired?: boolean
      appName?: string
    }
) & { tokenStorage?: TokenStorage; support?: SupportContact }

export const defaultAppName = 'Cognito TOTP'
export const localPathPrefix = '/local-cognito/'

// Amplify takes the region from the part before "_" and refuses an id without one.
const userPoolIdPattern = /^[\w-]+_[0-9a-zA-Z]+$/
const clientIdPattern = /^[\w+]{1,128}$/

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

function validatePool(
  fields: { userPoolId?: unknown; userPoolClientId?: unknown; endpoint?: unknown },
  names: { userPoolId: string; userPoolClientId: string; endpoint: string },
): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  const check = (value: unknown, field: string, pattern: RegExp) => {
    if (value === undefined || value === null || value === '') problems.push({ kind: 'missing', field })
    else if (typeof value !== 'string' || !pattern.test(value)) problems.push({ kind: 'invalid', field })
  }
  check(fields.userPoolId, names.userPoolId, userPoolIdPattern)
  check(fields.userPoolClientId, names.userPoolClientId, clientIdPattern)
  if (fields.endpoint !== undefined && (typeof fields.endpoint !== 'string' || !isHttpUrl(fields.endpoint))) {
    problems.push({ kind: 'invalid', field: names.endpoint })
  }
  return problems
}

function appNameFrom(value: string | undefined): string {
  const trimmed = value?.trim()
  return trimmed ? trimmed : defaultAppName
}

/** Reads the Amplify Gen 2 `amplify_outputs.json` (only the `auth` block matters here). */
export function parseAmplifyOutputs(raw: string): { ok: true; pool: PoolConfig } | { ok: false; problems: ConfigProblem[] } {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { ok: false, problems: [{ kind: 'unreadable', source: 'amplify_outputs.json' }] }
  }
  const auth = typeof parsed === 'object' && parsed !== null && 'auth' in parsed ? parsed.auth : undefined
  if (typeof auth !== 'object' || auth === null) {
    return { ok: false, problems: [{ kind: 'missing', field: 'amplify_outputs.json auth' }] }
  }
  const a = auth as Record<string, unknown>
  const problems = validatePool(
    { userPoolId: a.user_pool_id, userPoolClientId: a.user_pool_client_id },
    {
      userPoolId: 'amplify_outputs.json auth.user_pool_id',
      userPoolClientId: 'amplify_outputs.json auth.user_pool_client_id',
      endpoint: '',
    },
  )
  const mfaByName: Record<string, MfaRequirement> = { NONE: 'off', OPTIONAL: 'optional', REQUIRED: 'required' }
  let mfa: MfaRequirement = 'unknown'
  if (a.mfa_configuration !== undefined) {
    const known = typeof a.mfa_configuration === 'string' ? mfaByName[a.mfa_configuration] : undefined
    if (known) mfa = known
    else problems.push({ kind: 'invalid', field: 'amplify_outputs.json auth.mfa_configuration' })
  }
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    pool: { userPoolId: a.user_pool_id as string, userPoolClientId: a.user_pool_client_id as string, mfa },
  }
}

export type BuildInput = {
  env: Record<string, unknown>
  /** Raw text of amplify_outputs.json when the build found one. */
  amplifyOutputs?: string
  /** `location.origin`, for the same-origin path to the local emulator. */
  origin: string
}

function envString(env: Record<string, unknown>, name: string): string | undefined {
  const value = env[name]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export function localBackend(base: string): Backend {
  const endpoint = new URL(base).href
  return { kind: 'local', endpoint, discoveryUrl: new URL('_local/config', endpoint).href }
}

/**
 * Decides the backend at build time. Env vars naming a pool win over amplify_outputs.json (they
 * are the quicker override); with neither, the app uses the local emulator behind /local-cognito/.
 */
export function resolveBuildConfig({ env, amplifyOutputs, origin }: BuildInput): ConfigResult {
  const appName = appNameFrom(envString(env, 'VITE_APP_NAME'))
  const poolId = envString(env, 'VITE_COGNITO_USER_POOL_ID')
  const clientId = envString(env, 'VITE_COGNITO_USER_POOL_CLIENT_ID')
  const endpoint = envString(env, 'VITE_COGNITO_ENDPOINT')
  const mfaText = envString(env, 'VITE_COGNITO_MFA')
  // Applies to every backend, the local pool's included. Only an env var: amplify_outputs.json is
  // written whole from the stack by `npm run config`, which would drop a choice added by hand (ADR 010).
  // Used only once `problems` is empty, so only when valid.
  const envStorage = envString(env, 'VITE_COGNITO_TOKEN_STORAGE') as TokenStorage | undefined

  const problems: ConfigProblem[] = []
  // Like the app name, the same whichever backend is used. Checked inline: this runs on the first
  // screen, where a helper costs more than its lines (ADR 003). The address may hold nothing a
  // mailto: link could read as more ("?", "&", "#", ":", spaces).
  const supportUrl = envString(env, 'VITE_SUPPORT_URL')
  const supportEmail = envString(env, 'VITE_SUPPORT_EMAIL')
  if (supportUrl && !isHttpUrl(supportUrl)) problems.push({ kind: 'invalid', field: 'VITE_SUPPORT_URL' })
  if (supportEmail && !/^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(supportEmail)) problems.push({ kind: 'invalid', field: 'VITE_SUPPORT_EMAIL' })
  const support: SupportContact | undefined = supportUrl || supportEmail ? { url: supportUrl, email: supportEmail } : undefined
  if (envStorage && envStorage !== 'local' && envStorage !== 'session') problems.push({ kind: 'invalid', field: 'VITE_COGNITO_TOKEN_STORAGE' })
  // Whole minutes from 1 to 60 (ADR 016; longer would make the check meaningless), in one pattern:
  // the first screen carries this (ADR 003).
  const recentText = envString(env, 'VITE_RECENT_SIGN_IN_MINUTES')
  if (recentText && !/^([1-9]|[1-5]\d|60)$/.test(recentText)) problems.push({ kind: 'invalid', field: 'VITE_RECENT_SIGN_IN_MINUTES' })
  const recentSignInMinutes = recentText ? +recentText : undefined
  let mfaOverride: MfaRequirement | undefined
  if (mfaText !== undefined) {
    if (mfaText === 'optional' || mfaText === 'required') mfaOverride = mfaText
    else problems.push({ kind: 'invalid', field: 'VITE_COGNITO_MFA' })
  }
  if (endpoint !== undefined && !isHttpUrl(endpoint)) problems.push({ kind: 'invalid', field: 'VITE_COGNITO_ENDPOINT' })

  if (poolId !== undefined || clientId !== undefined || (amplifyOutputs === undefined && (endpoint || mfaText))) {
    problems.push(
      ...validatePool(
        { userPoolId: poolId, userPoolClientId: clientId },
        { userPoolId: 'VITE_COGNITO_USER_POOL_ID', userPoolClientId: 'VITE_COGNITO_USER_POOL_CLIENT_ID', endpoint: '' },
      ),
    )
    if (problems.length > 0) return { ok: false, problems }
    return {
      ok: true,
      config: {
        appName,
        backend: {
          kind: 'explicit',
          source: 'env',
          pool: { userPoolId: poolId!, userPoolClientId: clientId!, endpoint, mfa: mfaOverride ?? 'unknown' },
        },
        tokenStorage: envStorage,
        support,
        recentSignInMinutes,
      },
    }
  }

  if (amplifyOutputs !== undefined) {
    const outputs = parseAmplifyOutputs(amplifyOutputs)
    if (!outputs.ok) problems.push(...outputs.problems)
    if (problems.length > 0 || !outputs.ok) return { ok: false, problems }
    const pool = { ...outputs.pool, endpoint, mfa: mfaOverride ?? outputs.pool.mfa }
    return {
      ok: true,
      config: {
        appName,
        backend: { kind: 'explicit', source: 'amplify_outputs.json', pool },
        tokenStorage: envStorage,
        support,
        recentSignInMinutes,
      },
    }
  }

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    config: { appName, backend: localBackend(new URL(localPathPrefix, origin).href), tokenStorage: envStorage, support, recentSignInMinutes },
  }
}

/** Validates a config handed to `<App config>` (flow tests, embedders). */
export function resolveInjectedConfig(input: AppConfigInput, origin: string): ConfigResult {
  const appName = appNameFrom(input.appName)
  // Typed by the caller (code, not a build's environment), like mfaRequired: not checked again.
  const { tokenStorage, support } = input
  if (input.mode === 'local') {
    const base = input.baseUrl ?? new URL(localPathPrefix, origin).href
    if (!isHttpUrl(base)) return { ok: false, problems: [{ kind: 'invalid', field: 'baseUrl' }] }
    return { ok: true, config: { appName, backend: localBackend(base.endsWith('/') ? base : `${base}/`), tokenStorage, support } }
  }
  const problems = validatePool(input, { userPoolId: 'userPoolId', userPoolClientId: 'userPoolClientId', endpoint: 'endpoint' })
  if (problems.length > 0) return { ok: false, problems }
  const mfa: MfaRequirement = input.mfaRequired === undefined ? 'unknown' : input.mfaRequired ? 'required' : 'optional'
  return {
    ok: true,
    config: {
      appName,
      backend: {
        kind: 'explicit',
        source: 'injected',
        pool: { userPoolId: input.userPoolId, userPoolClientId: input.userPoolClientId, endpoint: input.endpoint, mfa },
      },
      tokenStorage,
      support,
    },
  }
}

/**
 * Parses the emulator's `GET /_local/config`:
 * `{ pools: [{ name, userPoolId, clientId, mfaConfiguration: "OFF" | "OPTIONAL" | "ON" }] }`.
 * Entries that do not validate are dropped rather than failing the whole list.
 */
export function parseLocalDiscovery(json: unknown, endpoint: string): PoolConfig[] | undefined {
  if (typeof json !== 'object' || json === null || !('pools' in json) || !Array.isArray(json.pools)) return undefined
  const mfaByName: Record<string, MfaRequirement> = { OFF: 'off', OPTIONAL: 'optional', ON: 'required' }
  const pools: PoolConfig[] = []
  for (const entry of json.pools as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue
    const e = entry as Record<string, unknown>
    const problems = validatePool(
      { userPoolId: e.userPoolId, userPoolClientId: e.clientId },
      { userPoolId: 'userPoolId', userPoolClientId: 'clientId', endpoint: '' },
    )
    if (problems.length > 0) continue
    pools.push({
      name: typeof e.name === 'string' && e.name ? e.name : (e.userPoolId as string),
      userPoolId: e.userPoolId as string,
      userPoolClientId: e.clientId as string,
      endpoint,
      mfa: (typeof e.mfaConfiguration === 'string' && mfaByName[e.mfaConfiguration]) || 'unknown',
    })
  }
  return pools
}

/** The pool to use: the remembered one if it is still offered, else the first. */
export function choosePool(pools: readonly PoolConfig[], rememberedName: string | null | undefined): PoolConfig | undefined {
  return pools.find((p) => p.name === rememberedName) ?? pools[0]
}

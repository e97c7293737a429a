import { describe, expect, test } from 'vitest'
import { choosePool, parseAmplifyOutputs, parseLocalDiscovery, resolveBuildConfig, resolveInjectedConfig } from './app-config.ts'

const origin = 'http://127.0.0.1:5173'
const outputs = (auth: object) => JSON.stringify({ version: '1.3', auth })

describe('resolveBuildConfig', () => {
  test('no configuration means the local pool behind the same-origin proxy path', () => {
    const result = resolveBuildConfig({ env: {}, origin })
    expect(result).toEqual({
      ok: true,
      config: {
        appName: 'Cognito TOTP',
        backend: {
          kind: 'local',
          endpoint: 'http://127.0.0.1:5173/local-cognito/',
          discoveryUrl: 'http://127.0.0.1:5173/local-cognito/_local/config',
        },
      },
    })
  })

  test('VITE_APP_NAME names the issuer', () => {
    const result = resolveBuildConfig({ env: { VITE_APP_NAME: '  Acme Corp ' }, origin })
    expect(result.ok && result.config.appName).toBe('Acme Corp')
  })

  test('env vars select a real pool, with optional endpoint and MFA requirement', () => {
    const result = resolveBuildConfig({
      env: {
        VITE_COGNITO_USER_POOL_ID: 'eu-west-1_AbC123',
        VITE_COGNITO_USER_POOL_CLIENT_ID: '5abc1def2',
        VITE_COGNITO_ENDPOINT: 'https://cognito.example.test/',
        VITE_COGNITO_MFA: 'required',
      },
      origin,
    })
    expect(result.ok && result.config.backend).toEqual({
      kind: 'explicit',
      source: 'env',
      pool: {
        userPoolId: 'eu-west-1_AbC123',
        userPoolClientId: '5abc1def2',
        endpoint: 'https://cognito.example.test/',
        mfa: 'required',
      },
    })
  })

  test('a partial env configuration names what is missing', () => {
    const result = resolveBuildConfig({ env: { VITE_COGNITO_USER_POOL_ID: 'eu-west-1_AbC123' }, origin })
    expect(result).toEqual({ ok: false, problems: [{ kind: 'missing', field: 'VITE_COGNITO_USER_POOL_CLIENT_ID' }] })
  })

  test('malformed values are reported, all at once', () => {
    const result = resolveBuildConfig({
      env: {
        VITE_COGNITO_USER_POOL_ID: 'no-underscore',
        VITE_COGNITO_USER_POOL_CLIENT_ID: 'has spaces',
        VITE_COGNITO_ENDPOINT: 'ftp://x',
        VITE_COGNITO_MFA: 'always',
      },
      origin,
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems.map((p) => ('field' in p ? p.field : p.source)).sort()).toEqual([
      'VITE_COGNITO_ENDPOINT',
      'VITE_COGNITO_MFA',
      'VITE_COGNITO_USER_POOL_CLIENT_ID',
      'VITE_COGNITO_USER_POOL_ID',
    ])
  })

  test('an endpoint alone without pool ids is a partial configuration, not silently local', () => {
    const result = resolveBuildConfig({ env: { VITE_COGNITO_ENDPOINT: 'http://localhost:8329' }, origin })
    expect(result.ok).toBe(false)
  })

  test('amplify_outputs.json selects a real pool and its MFA setting', () => {
    const result = resolveBuildConfig({
      env: {},
      origin,
      amplifyOutputs: outputs({
        user_pool_id: 'us-east-1_Zz9',
        user_pool_client_id: 'client1',
        aws_region: 'us-east-1',
        mfa_configuration: 'REQUIRED',
        mfa_methods: ['TOTP'],
      }),
    })
    expect(result.ok && result.config.backend).toEqual({
      kind: 'explicit',
      source: 'amplify_outputs.json',
      pool: { userPoolId: 'us-east-1_Zz9', userPoolClientId: 'client1', endpoint: undefined, mfa: 'required' },
    })
  })

  test('env pool ids win over amplify_outputs.json', () => {
    const result = resolveBuildConfig({
      env: { VITE_COGNITO_USER_POOL_ID: 'eu-west-1_Env', VITE_COGNITO_USER_POOL_CLIENT_ID: 'envclient' },
      origin,
      amplifyOutputs: outputs({ user_pool_id: 'us-east-1_Zz9', user_pool_client_id: 'client1' }),
    })
    expect(result.ok && result.config.backend.kind === 'explicit' && result.config.backend.pool.userPoolId).toBe('eu-west-1_Env')
  })

  test('a malformed amplify_outputs.json is reported, not a blank page', () => {
    expect(resolveBuildConfig({ env: {}, origin, amplifyOutputs: '{ "auth": ' })).toEqual({
      ok: false,
      problems: [{ kind: 'unreadable', source: 'amplify_outputs.json' }],
    })
  })
})

describe('parseAmplifyOutputs', () => {
  test('maps NONE / OPTIONAL / REQUIRED and treats an absent setting as unknown', () => {
    const mfa = (mfa_configuration?: string) => {
      const r = parseAmplifyOutputs(outputs({ user_pool_id: 'a_b', user_pool_client_id: 'c', mfa_configuration }))
      return r.ok ? r.pool.mfa : r.problems
    }
    expect(mfa('NONE')).toBe('off')
    expect(mfa('OPTIONAL')).toBe('optional')
    expect(mfa('REQUIRED')).toBe('required')
    expect(mfa(undefined)).toBe('unknown')
    expect(mfa('SOMETIMES')).toEqual([{ kind: 'invalid', field: 'amplify_outputs.json auth.mfa_configuration' }])
  })

  test('a file without an auth block or a client id says which', () => {
    expect(parseAmplifyOutputs('{"version":"1"}')).toEqual({
      ok: false,
      problems: [{ kind: 'missing', field: 'amplify_outputs.json auth' }],
    })
    expect(parseAmplifyOutputs(outputs({ user_pool_id: 'a_b' }))).toEqual({
      ok: false,
      problems: [{ kind: 'missing', field: 'amplify_outputs.json auth.user_pool_client_id' }],
    })
  })
})

describe('resolveInjectedConfig', () => {
  test('explicit config for flow tests against an absolute emulator URL', () => {
    const result = resolveInjectedConfig(
      { mode: 'explicit', userPoolId: 'local_abc', userPoolClientId: 'cli', endpoint: 'http://127.0.0.1:4321/', mfaRequired: true },
      origin,
    )
    expect(result.ok && result.config.backend).toEqual({
      kind: 'explicit',
      source: 'injected',
      pool: { userPoolId: 'local_abc', userPoolClientId: 'cli', endpoint: 'http://127.0.0.1:4321/', mfa: 'required' },
    })
  })

  test('local mode can point discovery at an absolute URL', () => {
    const result = resolveInjectedConfig({ mode: 'local', baseUrl: 'http://127.0.0.1:4321' }, origin)
    expect(result.ok && result.config.backend).toEqual({
      kind: 'local',
      endpoint: 'http://127.0.0.1:4321/',
      discoveryUrl: 'http://127.0.0.1:4321/_local/config',
    })
  })

  test('a bad injected config is reported', () => {
    const result = resolveInjectedConfig({ mode: 'explicit', userPoolId: '', userPoolClientId: 'x' }, origin)
    expect(result).toEqual({ ok: false, problems: [{ kind: 'missing', field: 'userPoolId' }] })
  })
})

describe('parseLocalDiscovery', () => {
  const endpoint = 'http://127.0.0.1:5173/local-cognito/'
  test('reads pools and their MFA configuration; drops malformed entries', () => {
    const pools = parseLocalDiscovery(
      {
        pools: [
          { name: 'MFA optional', userPoolId: 'local_opt', clientId: 'c1', mfaConfiguration: 'OPTIONAL' },
          { name: 'MFA required', userPoolId: 'local_req', clientId: 'c2', mfaConfiguration: 'ON' },
          { name: 'broken', userPoolId: 'nounderscore', clientId: 'c3' },
          'junk',
        ],
      },
      endpoint,
    )
    expect(pools).toEqual([
      { name: 'MFA optional', userPoolId: 'local_opt', userPoolClientId: 'c1', endpoint, mfa: 'optional' },
      { name: 'MFA required', userPoolId: 'local_req', userPoolClientId: 'c2', endpoint, mfa: 'required' },
    ])
  })

  test('something that is not a discovery document is undefined', () => {
    expect(parseLocalDiscovery({ nope: true }, endpoint)).toBeUndefined()
    expect(parseLocalDiscovery(null, endpoint)).toBeUndefined()
  })
})

describe('choosePool', () => {
  const pools = [
    { name: 'a', userPoolId: 'l_a', userPoolClientId: 'a', mfa: 'optional' as const },
    { name: 'b', userPoolId: 'l_b', userPoolClientId: 'b', mfa: 'required' as const },
  ]
  test('keeps the remembered pool while it is offered, else the first', () => {
    expect(choosePool(pools, 'b')?.name).toBe('b')
    expect(choosePool(pools, 'gone')?.name).toBe('a')
    expect(choosePool([], 'a')).toBeUndefined()
  })
})

describe('token storage (ADR 010)', () => {
  const pool = { user_pool_id: 'us-east-1_Zz9', user_pool_client_id: 'client1' }
  const storageOf = (result: ReturnType<typeof resolveBuildConfig>) => (result.ok ? result.config.tokenStorage : result.problems)

  test('absent: no choice in the config, which means localStorage as Amplify does by default', () => {
    expect(storageOf(resolveBuildConfig({ env: {}, origin }))).toBeUndefined()
    expect(storageOf(resolveBuildConfig({ env: {}, origin, amplifyOutputs: outputs(pool) }))).toBeUndefined()
    expect(storageOf(resolveInjectedConfig({ mode: 'local' }, origin))).toBeUndefined()
  })

  test('VITE_COGNITO_TOKEN_STORAGE chooses it for an env pool, the local pool and amplify_outputs.json alike', () => {
    const envPool = { VITE_COGNITO_USER_POOL_ID: 'eu-west-1_Env', VITE_COGNITO_USER_POOL_CLIENT_ID: 'envclient' }
    expect(storageOf(resolveBuildConfig({ env: { ...envPool, VITE_COGNITO_TOKEN_STORAGE: 'session' }, origin }))).toBe('session')
    expect(storageOf(resolveBuildConfig({ env: { ...envPool, VITE_COGNITO_TOKEN_STORAGE: ' local ' }, origin }))).toBe('local')
    expect(storageOf(resolveBuildConfig({ env: { VITE_COGNITO_TOKEN_STORAGE: 'session' }, origin }))).toBe('session')
    expect(storageOf(resolveBuildConfig({ env: { VITE_COGNITO_TOKEN_STORAGE: 'session' }, origin, amplifyOutputs: outputs(pool) }))).toBe('session')
  })

  test('the choice alone does not turn the local pool into a partial explicit configuration', () => {
    const result = resolveBuildConfig({ env: { VITE_COGNITO_TOKEN_STORAGE: 'session' }, origin })
    expect(result.ok && result.config.backend.kind).toBe('local')
  })

  test('an invalid value is a configuration problem naming where it came from, not a silent default', () => {
    expect(storageOf(resolveBuildConfig({ env: { VITE_COGNITO_TOKEN_STORAGE: 'cookie' }, origin }))).toEqual([
      { kind: 'invalid', field: 'VITE_COGNITO_TOKEN_STORAGE' },
    ])
    expect(storageOf(resolveBuildConfig({ env: { VITE_COGNITO_TOKEN_STORAGE: 'Session' }, origin, amplifyOutputs: outputs(pool) }))).toEqual([
      { kind: 'invalid', field: 'VITE_COGNITO_TOKEN_STORAGE' },
    ])
    expect(
      storageOf(
        resolveBuildConfig({ env: { VITE_COGNITO_TOKEN_STORAGE: 'memory', VITE_COGNITO_MFA: 'sometimes' }, origin, amplifyOutputs: outputs(pool) }),
      ),
    ).toEqual([
      { kind: 'invalid', field: 'VITE_COGNITO_TOKEN_STORAGE' },
      { kind: 'invalid', field: 'VITE_COGNITO_MFA' },
    ])
  })

  test('an injected config takes it in either mode', () => {
    const explicit = { mode: 'explicit', userPoolId: 'local_abc', userPoolClientId: 'cli' } as const
    expect(storageOf(resolveInjectedConfig({ ...explicit, tokenStorage: 'session' }, origin))).toBe('session')
    expect(storageOf(resolveInjectedConfig({ mode: 'local', tokenStorage: 'session' }, origin))).toBe('session')
    expect(storageOf(resolveInjectedConfig(explicit, origin))).toBeUndefined()
  })
})

describe('support contact (the lost-phone help at the code step)', () => {
  const pool = { user_pool_id: 'us-east-1_Zz9', user_pool_client_id: 'client1' }
  const envPool = { VITE_COGNITO_USER_POOL_ID: 'eu-west-1_Env', VITE_COGNITO_USER_POOL_CLIENT_ID: 'envclient' }
  const supportOf = (result: ReturnType<typeof resolveBuildConfig>) => (result.ok ? result.config.support : result.problems)
  const both = { VITE_SUPPORT_URL: ' https://help.example.com/totp ', VITE_SUPPORT_EMAIL: 'help@example.com' }

  test('absent or blank: no contact (the help then says to contact whoever runs the service)', () => {
    expect(supportOf(resolveBuildConfig({ env: {}, origin }))).toBeUndefined()
    expect(supportOf(resolveBuildConfig({ env: { VITE_SUPPORT_URL: ' ', VITE_SUPPORT_EMAIL: '' }, origin }))).toBeUndefined()
  })

  test('VITE_SUPPORT_URL and VITE_SUPPORT_EMAIL apply to the local pool, an env pool and amplify_outputs.json alike', () => {
    const expected = { url: 'https://help.example.com/totp', email: 'help@example.com' }
    expect(supportOf(resolveBuildConfig({ env: both, origin }))).toEqual(expected)
    expect(supportOf(resolveBuildConfig({ env: { ...envPool, ...both }, origin }))).toEqual(expected)
    expect(supportOf(resolveBuildConfig({ env: both, origin, amplifyOutputs: outputs(pool) }))).toEqual(expected)
    expect(supportOf(resolveBuildConfig({ env: { VITE_SUPPORT_EMAIL: 'it.desk+totp@corp.example.co.jp' }, origin }))).toEqual({
      email: 'it.desk+totp@corp.example.co.jp',
    })
    expect(supportOf(resolveBuildConfig({ env: { VITE_SUPPORT_URL: 'http://intranet/help' }, origin }))).toEqual({ url: 'http://intranet/help' })
  })

  test('alone they do not turn the local pool into a partial explicit configuration', () => {
    const result = resolveBuildConfig({ env: both, origin })
    expect(result.ok && result.config.backend.kind).toBe('local')
  })

  test('an invalid URL or address is a configuration problem naming the setting, not a link that goes nowhere', () => {
    for (const url of ['javascript:alert(1)', 'mailto:help@example.com', 'help.example.com', 'ftp://example.com/']) {
      expect(supportOf(resolveBuildConfig({ env: { VITE_SUPPORT_URL: url }, origin })), url).toEqual([{ kind: 'invalid', field: 'VITE_SUPPORT_URL' }])
    }
    for (const email of ['help', 'help@', '@example.com', 'help desk@example.com', 'help@example.com?cc=x', 'mailto:help@example.com']) {
      expect(supportOf(resolveBuildConfig({ env: { VITE_SUPPORT_EMAIL: email }, origin })), email).toEqual([
        { kind: 'invalid', field: 'VITE_SUPPORT_EMAIL' },
      ])
    }
    expect(supportOf(resolveBuildConfig({ env: { ...envPool, VITE_SUPPORT_URL: 'nope', VITE_SUPPORT_EMAIL: 'nope' }, origin }))).toEqual([
      { kind: 'invalid', field: 'VITE_SUPPORT_URL' },
      { kind: 'invalid', field: 'VITE_SUPPORT_EMAIL' },
    ])
    expect(supportOf(resolveBuildConfig({ env: { VITE_SUPPORT_URL: 'nope' }, origin, amplifyOutputs: outputs(pool) }))).toEqual([
      { kind: 'invalid', field: 'VITE_SUPPORT_URL' },
    ])
  })

  test('an injected config takes it in either mode, as typed (code, like tokenStorage)', () => {
    const explicit = { mode: 'explicit', userPoolId: 'local_abc', userPoolClientId: 'cli' } as const
    const support = { url: 'https://help.example.com/', email: 'help@example.com' }
    expect(supportOf(resolveInjectedConfig({ ...explicit, support }, origin))).toEqual(support)
    expect(supportOf(resolveInjectedConfig({ mode: 'local', support: { email: 'help@example.com' } }, origin))).toEqual({ email: 'help@example.com' })
    expect(supportOf(resolveInjectedConfig(explicit, origin))).toBeUndefined()
  })
})

describe('recent sign-in (ADR 016)', () => {
  const minutesOf = (result: ReturnType<typeof resolveBuildConfig>) => (result.ok ? result.config.recentSignInMinutes : result.problems)
  const envPool = { VITE_COGNITO_USER_POOL_ID: 'eu-west-1_Env', VITE_COGNITO_USER_POOL_CLIENT_ID: 'envclient' }

  test('absent: no choice in the config (the Security page then uses five minutes)', () => {
    expect(minutesOf(resolveBuildConfig({ env: {}, origin }))).toBeUndefined()
    expect(minutesOf(resolveBuildConfig({ env: envPool, origin }))).toBeUndefined()
  })

  test('VITE_RECENT_SIGN_IN_MINUTES sets it for the local pool, an env pool and amplify_outputs.json alike', () => {
    expect(minutesOf(resolveBuildConfig({ env: { VITE_RECENT_SIGN_IN_MINUTES: '10' }, origin }))).toBe(10)
    expect(minutesOf(resolveBuildConfig({ env: { ...envPool, VITE_RECENT_SIGN_IN_MINUTES: ' 1 ' }, origin }))).toBe(1)
    const outputsPool = { user_pool_id: 'us-east-1_Zz9', user_pool_client_id: 'client1' }
    expect(minutesOf(resolveBuildConfig({ env: { VITE_RECENT_SIGN_IN_MINUTES: '60' }, origin, amplifyOutputs: outputs(outputsPool) }))).toBe(60)
  })

  test('anything but whole minutes from 1 to 60 is a configuration problem, not a silent default', () => {
    for (const value of ['0', '61', '2.5', '-5', 'five', '1e1']) {
      expect(minutesOf(resolveBuildConfig({ env: { VITE_RECENT_SIGN_IN_MINUTES: value }, origin })), value).toEqual([
        { kind: 'invalid', field: 'VITE_RECENT_SIGN_IN_MINUTES' },
      ])
    }
  })
})

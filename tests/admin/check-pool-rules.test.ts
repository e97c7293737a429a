import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider'
import { checkPool, poolUsable, shellQuote, updateClientCommand, type Check, type CheckInput } from '../../scripts/admin/check-pool-rules.ts'

// A pool and client as infra/user-pool.yaml makes them (MFA OPTIONAL).
const client: UserPoolClientType = {
  UserPoolId: 'eu-west-1_Good',
  ClientId: 'client1',
  ClientName: 'web',
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  EnableTokenRevocation: true,
  PreventUserExistenceErrors: 'ENABLED',
  AuthSessionValidity: 3,
  AccessTokenValidity: 60,
  IdTokenValidity: 60,
  RefreshTokenValidity: 30,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
}
const good: CheckInput = {
  pool: { Id: 'eu-west-1_Good', MfaConfiguration: 'OPTIONAL' },
  mfaConfig: { MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } },
  client,
  appMfa: 'optional',
}

function find(checks: Check[], start: string): Check {
  const check = checks.find((c) => c.requirement.startsWith(start))
  if (!check) throw new Error(`no check "${start}" in ${checks.map((c) => c.requirement).join(', ')}`)
  return check
}

describe('checkPool', () => {
  test('the template pool passes every check, one line per requirement', () => {
    const checks = checkPool(good)
    expect(checks.map((c) => [c.requirement, c.status])).toEqual([
      ['TOTP (software token MFA) enabled', 'ok'],
      ['MFA on the pool (OPTIONAL or ON)', 'ok'],
      ["MFA mode matches the app's configuration", 'ok'],
      ['client has no secret (a browser cannot keep one)', 'ok'],
      ['SRP sign-in allowed (ALLOW_USER_SRP_AUTH)', 'ok'],
      ['token refresh allowed (ALLOW_REFRESH_TOKEN_AUTH)', 'ok'],
      ['token revocation on (sign-out revokes the refresh token)', 'ok'],
      ['user-existence errors prevented', 'ok'],
      ['session validity 3–15 minutes (time to enter a code)', 'ok'],
      ['token lifetimes (access and ID ≤ 1 h, refresh longer)', 'ok'],
    ])
    expect(checks.every((c) => c.fix === undefined)).toBe(true)
    expect(poolUsable(checks)).toBe(true)
  })

  test('TOTP off and MFA OFF: both fail with set-user-pool-mfa-config and the template properties; unusable', () => {
    const checks = checkPool({ ...good, pool: { Id: 'eu-west-1_Good' }, mfaConfig: { MfaConfiguration: 'OFF' }, appMfa: undefined })
    const command =
      'aws cognito-idp set-user-pool-mfa-config --user-pool-id eu-west-1_Good --software-token-mfa-configuration Enabled=true --mfa-configuration OPTIONAL'
    expect(find(checks, 'TOTP')).toMatchObject({
      status: 'failed',
      level: 'error',
      fix: { cli: command, template: 'AWS::Cognito::UserPool EnabledMfas: [SOFTWARE_TOKEN_MFA]' },
    })
    expect(find(checks, 'MFA on the pool')).toMatchObject({
      status: 'failed',
      actual: 'OFF',
      fix: { cli: command, template: 'AWS::Cognito::UserPool MfaConfiguration: OPTIONAL' },
    })
    expect(find(checks, 'MFA mode matches').status).toBe('skipped')
    expect(poolUsable(checks)).toBe(false)
  })

  test('an app built for required MFA on an OPTIONAL pool fails, naming both ways to fix it', () => {
    const check = find(checkPool({ ...good, appMfa: 'required' }), 'MFA mode matches')
    expect(check).toMatchObject({
      status: 'failed',
      level: 'error',
      actual: 'pool OPTIONAL, app required (ON)',
      fix: {
        cli: expect.stringContaining('--mfa-configuration ON') as string,
        template: 'AWS::Cognito::UserPool MfaConfiguration: ON',
        note: 'or build the app with VITE_COGNITO_MFA=optional (amplify_outputs.json auth.mfa_configuration OPTIONAL)',
      },
    })
    expect(
      find(
        checkPool({ ...good, mfaConfig: { MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }, appMfa: 'required' }),
        'MFA mode',
      ).status,
    ).toBe('ok')
  })

  test('a client with a secret cannot be fixed in place: the fix creates a new client without one', () => {
    const check = find(checkPool({ ...good, client: { ...client, ClientSecret: 's3cret' } }), 'client has no secret')
    expect(check.status).toBe('failed')
    expect(check.fix?.cli).toContain('aws cognito-idp create-user-pool-client --user-pool-id eu-west-1_Good --client-name web --no-generate-secret')
    expect(check.fix?.template).toBe('AWS::Cognito::UserPoolClient GenerateSecret: false')
  })

  test('without SRP or refresh the client fails, and the fix adds the flows while keeping every other setting', () => {
    const checks = checkPool({ ...good, client: { ...client, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] } })
    const fix = {
      cli: 'aws cognito-idp update-user-pool-client --user-pool-id eu-west-1_Good --client-id client1 --client-name web --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_USER_SRP_AUTH ALLOW_REFRESH_TOKEN_AUTH --token-validity-units AccessToken=minutes,IdToken=minutes,RefreshToken=days --access-token-validity 60 --id-token-validity 60 --refresh-token-validity 30 --auth-session-validity 3 --prevent-user-existence-errors ENABLED --enable-token-revocation',
      template: 'AWS::Cognito::UserPoolClient ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]',
    }
    expect(find(checks, 'SRP')).toMatchObject({ status: 'failed', fix })
    expect(find(checks, 'token refresh')).toMatchObject({ status: 'failed', fix })
    expect(poolUsable(checks)).toBe(false)
  })

  test("no ExplicitAuthFlows, or only legacy names, still allow SRP and refresh (AWS's defaults)", () => {
    for (const flows of [undefined, [], ['ADMIN_NO_SRP_AUTH' as const]]) {
      const checks = checkPool({ ...good, client: { ...client, ExplicitAuthFlows: flows } })
      expect([find(checks, 'SRP').status, find(checks, 'token refresh').status]).toEqual(['ok', 'ok'])
    }
  })

  test('revocation off and LEGACY existence errors are advised changes: shown as failed, but the app still works', () => {
    const checks = checkPool({ ...good, client: { ...client, EnableTokenRevocation: false, PreventUserExistenceErrors: 'LEGACY' } })
    expect(find(checks, 'token revocation')).toMatchObject({
      status: 'failed',
      level: 'warning',
      fix: { template: 'AWS::Cognito::UserPoolClient EnableTokenRevocation: true' },
    })
    // One command carries both fixes: UpdateUserPoolClient resets what a request leaves out.
    expect(find(checks, 'token revocation').fix?.cli).toContain('--prevent-user-existence-errors ENABLED --enable-token-revocation')
    expect(find(checks, 'user-existence')).toMatchObject({
      status: 'failed',
      level: 'warning',
      actual: 'LEGACY',
      fix: { template: 'AWS::Cognito::UserPoolClient PreventUserExistenceErrors: ENABLED' },
    })
    expect(find(checks, 'user-existence').fix?.cli).toBe(find(checks, 'token revocation').fix?.cli)
    expect(poolUsable(checks)).toBe(true)
  })

  test('token lifetimes read with their units and the defaults (1 h, 1 h, 30 d); a day-long access token is advised against', () => {
    const defaults = find(
      checkPool({
        ...good,
        client: {
          ...client,
          AccessTokenValidity: undefined,
          IdTokenValidity: undefined,
          RefreshTokenValidity: undefined,
          TokenValidityUnits: undefined,
        },
      }),
      'token lifetimes',
    )
    expect(defaults).toMatchObject({ status: 'ok', actual: 'access 1 h, ID 1 h, refresh 30 d' })
    const long = find(
      checkPool({
        ...good,
        client: { ...client, AccessTokenValidity: 1, TokenValidityUnits: { AccessToken: 'days', IdToken: 'minutes', RefreshToken: 'days' } },
      }),
      'token lifetimes',
    )
    expect(long).toMatchObject({
      status: 'failed',
      level: 'warning',
      actual: 'access 1 d, ID 1 h, refresh 30 d',
      fix: {
        template:
          'AWS::Cognito::UserPoolClient AccessTokenValidity: 60, IdTokenValidity: 60, RefreshTokenValidity: 30, TokenValidityUnits: {AccessToken: minutes, IdToken: minutes, RefreshToken: days}',
      },
    })
    expect(long.fix?.cli).toContain('--access-token-validity 60 --id-token-validity 60 --refresh-token-validity 30')
  })

  test('session validity outside 3–15 minutes fails with AuthSessionValidity', () => {
    expect(find(checkPool({ ...good, client: { ...client, AuthSessionValidity: 30 } }), 'session validity')).toMatchObject({
      status: 'failed',
      actual: '30 min',
      fix: { template: 'AWS::Cognito::UserPoolClient AuthSessionValidity: 3' },
    })
  })

  test('without a client only the pool is checked, and the client line says how to include it', () => {
    const checks = checkPool({ ...good, client: undefined })
    expect(checks.at(-1)).toMatchObject({ requirement: 'app client settings', status: 'skipped' })
    expect(checks).toHaveLength(4)
  })
})

describe('updateClientCommand', () => {
  test('keeps OAuth settings and attributes, and quotes what the shell would split', () => {
    const command = updateClientCommand({
      ...client,
      ClientName: "Bob's app",
      ReadAttributes: ['email'],
      CallbackURLs: ['https://example.com/cb'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
    })
    expect(command).toContain(`--client-name 'Bob'\\''s app'`)
    expect(command).toContain('--read-attributes email --supported-identity-providers COGNITO --callback-urls https://example.com/cb')
    expect(command).toContain('--allowed-o-auth-flows code --allowed-o-auth-scopes openid --allowed-o-auth-flows-user-pool-client')
  })

  test('shellQuote leaves plain words alone', () => {
    expect(shellQuote('eu-west-1_Abc')).toBe('eu-west-1_Abc')
    expect(shellQuote('a b')).toBe(`'a b'`)
  })
})

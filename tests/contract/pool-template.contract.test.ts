// infra/user-pool.yaml booted in the local pool, read back through the AWS SDK: the local pool has
// exactly the template's settings, with the parameters given on the command line, and says which
// of the template's properties it does not model. The demo pools of `npm start` come from it too.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import { startEmulator } from '../../emulator/server.ts'
import { bootTemplate, parseTemplate, POOL_TEMPLATE } from '../../emulator/template.ts'
import { sdkClient } from './harness.ts'

const template = parseTemplate(readFileSync(POOL_TEMPLATE, 'utf8'))
const pool = template.Resources.UserPool.Properties!
const client = template.Resources.UserPoolClient.Properties!
// Every property of infra/user-pool.yaml is modeled since issue 12 (AccountRecoverySetting and
// DeletionProtection are kept and returned, ADR 022): nothing is named as not modeled.

/** Each pool of the local pool with its client, read with the SDK. */
async function describeAll(sdk: CognitoIdentityProviderClient) {
  const { UserPools = [] } = await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }))
  return Promise.all(
    UserPools.map(async ({ Id }) => {
      const { UserPool } = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: Id }))
      const mfa = await sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: Id }))
      const { UserPoolClients = [] } = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: Id, MaxResults: 60 }))
      expect(UserPoolClients).toHaveLength(1)
      const { UserPoolClient } = await sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: Id, ClientId: UserPoolClients[0].ClientId }))
      return { pool: UserPool!, mfa, client: UserPoolClient! }
    }),
  )
}

/** What the template's pool and client settings say, for the parameter values given. */
function expectTemplateSettings(
  described: Awaited<ReturnType<typeof describeAll>>[number],
  p: { name: string; mfa: string; flows: string[]; existence: string; session: number; access: number; id: number; refresh: number },
) {
  expect(described.pool).toMatchObject({
    Name: p.name,
    MfaConfiguration: p.mfa,
    Policies: pool.Policies,
    UsernameConfiguration: pool.UsernameConfiguration,
    AutoVerifiedAttributes: pool.AutoVerifiedAttributes,
    AccountRecoverySetting: pool.AccountRecoverySetting,
    DeletionProtection: 'ACTIVE',
  })
  // EnabledMfas: [SOFTWARE_TOKEN_MFA] and nothing else: TOTP on, no SMS.
  expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA'])
  expect(described.mfa).toMatchObject({ MfaConfiguration: p.mfa, SoftwareTokenMfaConfiguration: { Enabled: true } })
  expect(described.mfa.SmsMfaConfiguration).toBeUndefined()
  expect(described.client).toMatchObject({
    ClientName: client.ClientName,
    ExplicitAuthFlows: p.flows,
    PreventUserExistenceErrors: p.existence,
    EnableTokenRevocation: client.EnableTokenRevocation,
    AuthSessionValidity: p.session,
    AccessTokenValidity: p.access,
    IdTokenValidity: p.id,
    RefreshTokenValidity: p.refresh,
    TokenValidityUnits: client.TokenValidityUnits,
  })
  expect(client.GenerateSecret).toBe(false)
  expect(described.client.ClientSecret).toBeUndefined()
}

describe('npm run emulator -- --template infra/user-pool.yaml', () => {
  test('creates the pool and client with the template settings and the --param values (every property of the template is modeled)', async () => {
    const params = {
      PoolName: 'template-boot',
      Mfa: 'ON',
      AllowAdminUserPasswordAuth: 'true',
      AuthSessionValidityMinutes: '7',
      AccessTokenValidityMinutes: '30',
      IdTokenValidityMinutes: '45',
      RefreshTokenValidityDays: '10',
    }
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'emulator/main.ts',
        '--port',
        '0',
        '--template',
        'infra/user-pool.yaml',
        ...Object.entries(params).flatMap(([k, v]) => ['--param', `${k}=${v}`]),
      ],
      {
        cwd: new URL('../..', import.meta.url),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
    )
    try {
      let output = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (text: string) => {
          output += text
          const ready = /^READY (\S+)$/m.exec(output)
          if (ready) resolve(ready[1])
        })
        child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text))
        child.once('exit', (code) => reject(new Error(`the emulator exited (${code}):\n${output}`)))
      })
      expect(output).toContain('Template: infra/user-pool.yaml')
      expect(output).not.toContain('Not modeled by the local pool')
      const described = await describeAll(sdkClient(url))
      expect(described).toHaveLength(1)
      expectTemplateSettings(described[0], {
        name: 'template-boot',
        mfa: 'ON',
        flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
        existence: 'ENABLED',
        session: 7,
        access: 30,
        id: 45,
        refresh: 10,
      })
    } finally {
      child.kill()
    }
  }, 30_000)

  test("with no parameters the template's defaults: MFA optional, no admin password sign-in, existence errors prevented", async () => {
    let unmodeled: string[] = []
    const emulator = await startEmulator({
      port: 0,
      log: () => {},
      seed: async (deps) => {
        unmodeled = (await bootTemplate(template, {}, deps)).unmodeled
      },
    })
    try {
      const described = await describeAll(sdkClient(emulator.url))
      expect(described).toHaveLength(1)
      expectTemplateSettings(described[0], {
        name: 'cognito-totp',
        mfa: 'OPTIONAL',
        flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        existence: 'ENABLED',
        session: 3,
        access: 60,
        id: 60,
        refresh: 30,
      })
      expect(unmodeled).toEqual([])
    } finally {
      await emulator.close()
    }
  })

  test.each([
    [{ Mfa: 'OFF' }, 'template parameter Mfa must be one of OPTIONAL, ON, got "OFF"'],
    [{ Mfa: 'on' }, 'template parameter Mfa must be one of OPTIONAL, ON, got "on"'],
    [{ AuthSessionValidityMinutes: '20' }, 'template parameter AuthSessionValidityMinutes must be between 3 and 15, got 20'],
    [{ AccessTokenValidityMinutes: 'soon' }, 'template parameter AccessTokenValidityMinutes must be a number, got "soon"'],
    [{ Mfa: 'ON', MFA: 'ON' }, 'unknown template parameter MFA (the template has PoolName, Mfa,'],
  ])('refuses %o before creating anything', async (params, message) => {
    const emulator = await startEmulator({ port: 0, seed: false, log: () => {} })
    try {
      await expect(bootTemplate(template, params, emulator.deps)).rejects.toThrow(message)
      expect(emulator.store.listPools()).toEqual([])
    } finally {
      await emulator.close()
    }
  })

  test('a property the local pool does not model is named, however deeply nested; an unknown intrinsic is an error', async () => {
    const emulator = await startEmulator({ port: 0, seed: false, log: () => {} })
    try {
      const changed = parseTemplate(readFileSync(POOL_TEMPLATE, 'utf8'))
      const props = changed.Resources.UserPool.Properties!
      props.Policies = { PasswordPolicy: { ...(props.Policies as { PasswordPolicy: object }).PasswordPolicy, PasswordHistorySize: 3 } }
      props.EnabledMfas = ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']
      changed.Resources.UserPoolClient.Properties!.CallbackURLs = ['https://example.com/']
      changed.Resources.Bucket = { Type: 'AWS::S3::Bucket' }
      const booted = await bootTemplate(changed, {}, emulator.deps)
      expect(booted.unmodeled).toEqual([
        'Bucket (AWS::S3::Bucket)',
        'UserPool.Policies.PasswordPolicy.PasswordHistorySize',
        'UserPool.EnabledMfas EMAIL_OTP',
        'UserPoolClient.CallbackURLs',
      ])
      changed.Resources.UserPoolClient.Properties!.ClientName = { 'Fn::Join': ['-', ['a', 'b']] }
      await expect(bootTemplate(changed, {}, emulator.deps)).rejects.toThrow("Fn::Join is not supported by the local pool's template reader")
    } finally {
      await emulator.close()
    }
  })
})

describe('the demo pools of npm start', () => {
  test('are the template with MFA OPTIONAL and ON, plus the admin sign-in and legacy existence errors', async () => {
    const lines: string[] = []
    const emulator = await startEmulator({ port: 0, log: (line) => lines.push(line) })
    try {
      const described = await describeAll(sdkClient(emulator.url))
      const demo = { flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'], existence: 'LEGACY' }
      const defaults = { session: 3, access: 60, id: 60, refresh: 30 }
      expect(described.map((d) => d.pool.Name)).toEqual(['Demo - MFA optional', 'Demo - MFA required'])
      expectTemplateSettings(described[0], { name: 'Demo - MFA optional', mfa: 'OPTIONAL', ...demo, ...defaults })
      expectTemplateSettings(described[1], { name: 'Demo - MFA required', mfa: 'ON', ...demo, ...defaults })
      expect(lines.filter((line) => line.includes('does not model'))).toEqual([])
      expect(emulator.pools().map((p) => [p.name, p.users.map((u) => u.username)])).toEqual([
        ['Demo - MFA optional', ['alice', 'dave']],
        ['Demo - MFA required', ['bob']],
      ])
    } finally {
      await emulator.close()
    }
  })
})

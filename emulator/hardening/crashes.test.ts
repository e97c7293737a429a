// Issue 9, item 6: inputs that crashed the server (500) or made answers no client can read
// (docs/cognito-behaviour.md#input-limits).
import { CognitoIdentityProvider } from '@aws-sdk/client-cognito-identity-provider'
import { failOnConsoleError, useLocalPool } from '../../tests/contract/harness.ts'
import { ERROR_HEADER_MAX, headerSafe } from '../handle.ts'
import { resolveParameters, type Template } from '../template.ts'
import { QUOTED_VALUE_MAX, quoted } from '../validate.ts'

const TARGET = 'AWSCognitoIdentityProviderService'
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']
failOnConsoleError()
const local = useLocalPool()

async function post(operation: string, text: string): Promise<{ status: number; type?: string; message?: string; header: string | null }> {
  const response = await fetch(local.emulator.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.${operation}` },
    body: text,
  })
  const answer = (await response.json()) as { __type?: string; message?: string }
  return { status: response.status, type: answer.__type, message: answer.message, header: response.headers.get('x-amzn-errormessage') }
}

describe('ListUsers filters on names Object.prototype has', () => {
  test.each(PROTOTYPE_NAMES.flatMap((name) => ['=', '^='].map((operator) => [name, operator])))(
    '%s %s "x" is refused as unsearchable (it answered 500)',
    async (name, operator) => {
      // Issue 12 made ListUsers refuse every name Cognito cannot search (docs/cognito-behaviour.md#listusers):
      // these were answered 200 with nobody, and now 400, never 500.
      const result = await post('ListUsers', JSON.stringify({ UserPoolId: local.pool.userPoolId, Filter: `${name} ${operator} "x"` }))
      expect([result.status, result.type]).toEqual([400, 'InvalidParameterException'])
    },
  )

  test('a real attribute still filters', async () => {
    const response = await fetch(local.emulator.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.ListUsers` },
      body: JSON.stringify({ UserPoolId: local.pool.userPoolId, Filter: 'email ^= "alice"' }),
    })
    const { Users } = (await response.json()) as { Users: { Username: string }[] }
    expect(Users.map((user) => user.Username)).toEqual(['alice'])
  })
})

describe('lists and maps nested 100,000 deep are a 400, not a stack overflow', () => {
  const deepList = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`
  const deepMap = `${'{"a":'.repeat(100_000)}"x"${'}'.repeat(100_000)}`
  test.each<[string, string, () => string]>([
    [
      'ExplicitAuthFlows',
      'CreateUserPoolClient',
      () => `{"UserPoolId":"${local.pool.userPoolId}","ClientName":"c","ExplicitAuthFlows":[${deepList}]}`,
    ],
    [
      'ExplicitAuthFlows',
      'UpdateUserPoolClient',
      () => `{"UserPoolId":"${local.pool.userPoolId}","ClientId":"${local.pool.clientId}","ExplicitAuthFlows":[${deepList}]}`,
    ],
    ['AliasAttributes', 'CreateUserPool', () => `{"PoolName":"p","AliasAttributes":[${deepList}]}`],
    ['UsernameAttributes', 'CreateUserPool', () => `{"PoolName":"p","UsernameAttributes":${deepList}}`],
    [
      'UserAttributes',
      'SignUp',
      () => `{"ClientId":"${local.pool.clientId}","Username":"deep","Password":"Deep-2026!x","UserAttributes":[${deepMap}]}`,
    ],
    ['AuthParameters', 'InitiateAuth', () => `{"ClientId":"${local.pool.clientId}","AuthFlow":"USER_SRP_AUTH","AuthParameters":${deepMap}}`],
    [
      'TokenValidityUnits',
      'CreateUserPoolClient',
      () => `{"UserPoolId":"${local.pool.userPoolId}","ClientName":"c","TokenValidityUnits":{"AccessToken":${deepList}}}`,
    ],
    ['AuthFlow', 'InitiateAuth', () => `{"ClientId":"${local.pool.clientId}","AuthFlow":${deepList}}`],
  ])('%s in %s', async (_member, operation, body) => {
    const result = await post(operation, body())
    expect(result.status).toBe(400)
    expect(result.type).toBe('InvalidParameterException')
  })
})

describe('error messages quote at most 256 characters of a value; the header stays small', () => {
  test('a 20,000-character AuthFlow: the message quotes 256 characters and "...", the header is under 1 KiB', async () => {
    const result = await post('InitiateAuth', JSON.stringify({ ClientId: local.pool.clientId, AuthFlow: 'X'.repeat(20_000) }))
    expect(result.type).toBe('InvalidParameterException')
    expect(result.message).toMatch(
      new RegExp(
        `^1 validation error detected: Value 'X{${QUOTED_VALUE_MAX}}\\.\\.\\.' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: \\[`,
      ),
    )
    expect(result.header!.length).toBeLessThanOrEqual(ERROR_HEADER_MAX)
  })

  test('the AWS SDK for JavaScript reads the error (a 20 KB header made it fail to parse the answer)', async () => {
    const client = new CognitoIdentityProvider({
      endpoint: local.emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    })
    // @ts-expect-error -- a value outside the enum is what this test sends
    const attempt = client.initiateAuth({ ClientId: local.pool.clientId, AuthFlow: 'ア'.repeat(20_000) })
    await expect(attempt).rejects.toMatchObject({ name: 'InvalidParameterException' })
  })

  test('a list of bad enum values is quoted within the same bound', async () => {
    const flows = Array.from({ length: 5_000 }, (_, index) => `FLOW_${index}`)
    const result = await post(
      'CreateUserPoolClient',
      JSON.stringify({ UserPoolId: local.pool.userPoolId, ClientName: 'c', ExplicitAuthFlows: flows }),
    )
    expect(result.message).toContain(
      "...' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set:",
    )
    expect(result.message!.length).toBeLessThan(1_000)
  })

  test('quoting never cuts a surrogate pair in half; the header encoding stops before a cut %XX', () => {
    const value = `${'a'.repeat(QUOTED_VALUE_MAX - 1)}😀tail`
    expect(quoted(value)).toBe(`'${'a'.repeat(QUOTED_VALUE_MAX - 1)}...'`)
    const header = headerSafe('ア'.repeat(1_000))
    expect(header.length).toBeLessThanOrEqual(ERROR_HEADER_MAX)
    expect(header).toMatch(/^(%[0-9A-F]{2})+\.\.\.$/)
  })
})

describe('template parameters and references are own names only', () => {
  const template: Template = { Parameters: { Mfa: { Type: 'String', Default: 'OFF' } }, Resources: {} } as unknown as Template
  test.each(PROTOTYPE_NAMES)('--param %s=… is an unknown parameter', (name) => {
    expect(() => resolveParameters(template, { [name]: 'x' })).toThrow(/unknown template parameter/)
  })
})

// Bad input gets Cognito's answer, never a crash (issue 2, "Bad input"; docs/cognito-behaviour.md#wire-protocol): raw
// fetch, so nothing between the test and the wire tidies the request or the response up.
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { failOnConsoleError, useLocalPool } from './harness.ts'

const TARGET = 'AWSCognitoIdentityProviderService'
failOnConsoleError()
const local = useLocalPool((pools) => pools.find((candidate) => candidate.mfaConfiguration === 'OPTIONAL')!)

// After every bad request the server still answers good ones correctly, sign-in included.
afterEach(async () => {
  const pools = await call('ListUserPools', { MaxResults: 60 })
  expect(pools.status).toBe(200)
  expect(((await pools.json()) as { UserPools: unknown[] }).UserPools).toHaveLength(2)
  const signIn = await call('AdminInitiateAuth', {
    UserPoolId: local.pool.userPoolId,
    ClientId: local.pool.clientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice-demo-2026!' },
  })
  expect(signIn.status).toBe(200)
  expect(((await signIn.json()) as { AuthenticationResult?: { AccessToken?: string } }).AuthenticationResult?.AccessToken).toEqual(expect.any(String))
})

function post(body: string, headers: Record<string, string>, path = '/'): Promise<Response> {
  return fetch(`${local.emulator.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', ...headers }, body })
}

function call(operation: string, body: unknown): Promise<Response> {
  return post(JSON.stringify(body), { 'X-Amz-Target': `${TARGET}.${operation}` })
}

/**
 * A Cognito error as every client reads it (docs/cognito-behaviour.md#error-responses): the status,
 * `__type` and `message` in the body (the CLI reads only these) and `x-amzn-ErrorType` (Amplify and the SDK read it
 * first). The body is exactly those two members: no stack, no file paths.
 */
async function expectCognitoError(response: Response, status: number, type: string): Promise<string> {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1')
  expect(response.headers.get('x-amzn-errortype')).toBe(`${type}:`)
  expectNoInternals(text)
  const body = JSON.parse(text) as Record<string, unknown>
  expect(Object.keys(body).sort()).toEqual(['__type', 'message'])
  expect(body.__type).toBe(type)
  expect(body.message).toEqual(expect.any(String))
  return body.message as string
}

function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\n\s+at /) // stack frames
  expect(text).not.toMatch(/\bat .+:\d+:\d+/)
  expect(text).not.toMatch(/\.(ts|js|mjs)\b/) // source files
  expect(text).not.toMatch(/\/(work|home|root|usr|tmp)\//) // file system paths
  expect(text).not.toMatch(/node:internal|node_modules/)
}

describe('malformed JSON is 400 SerializationException', () => {
  test.each([
    ['a truncated object', '{"ClientId": "abc", "AuthFlow":'],
    ['plain text', 'sign me in please'],
    ['single quotes', "{'ClientId': 'abc'}"],
    ['a trailing comma', '{"MaxResults": 10,}'],
  ])('%s', async (_what, body) => {
    const message = await expectCognitoError(await post(body, { 'X-Amz-Target': `${TARGET}.InitiateAuth` }), 400, 'SerializationException')
    expect(message).not.toContain('JSON.parse') // no engine internals either
  })

  test.each([
    ['an array', '[{"MaxResults": 10}]'],
    ['a string', '"ListUserPools"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('JSON that is not an object: %s', async (_what, body) => {
    await expectCognitoError(await post(body, { 'X-Amz-Target': `${TARGET}.ListUserPools` }), 400, 'SerializationException')
  })
})

describe('missing or invalid parameters are 400 InvalidParameterException naming the parameter', () => {
  const clientId = () => local.pool.clientId
  const poolId = () => local.pool.userPoolId
  test.each<[string, string, () => Record<string, unknown>, string]>([
    [
      'InitiateAuth without ClientId',
      'InitiateAuth',
      () => ({ AuthFlow: 'USER_SRP_AUTH' }),
      "Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    ],
    ['InitiateAuth without AuthFlow', 'InitiateAuth', () => ({ ClientId: clientId() }), "at 'authFlow'"],
    [
      'an AuthFlow outside the enum',
      'InitiateAuth',
      () => ({ ClientId: clientId(), AuthFlow: 'MAGIC_LINK' }),
      "Value 'MAGIC_LINK' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set",
    ],
    ['a ClientId that is a number', 'InitiateAuth', () => ({ ClientId: 42, AuthFlow: 'USER_SRP_AUTH' }), "at 'clientId'"],
    [
      'AuthParameters that is a list',
      'InitiateAuth',
      () => ({ ClientId: clientId(), AuthFlow: 'USER_SRP_AUTH', AuthParameters: ['alice'] }),
      "at 'authParameters'",
    ],
    [
      'USER_SRP_AUTH without USERNAME',
      'InitiateAuth',
      () => ({ ClientId: clientId(), AuthFlow: 'USER_SRP_AUTH', AuthParameters: {} }),
      'Missing required parameter USERNAME',
    ],
    [
      'USER_SRP_AUTH without SRP_A',
      'InitiateAuth',
      () => ({ ClientId: clientId(), AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice' } }),
      'Missing required parameter SRP_A',
    ],
    [
      'ADMIN_USER_PASSWORD_AUTH without PASSWORD',
      'AdminInitiateAuth',
      () => ({ UserPoolId: poolId(), ClientId: clientId(), AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice' } }),
      'Missing required parameter PASSWORD',
    ],
    [
      'a Session under 20 characters',
      'RespondToAuthChallenge',
      () => ({ ClientId: clientId(), ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'short' }),
      "at 'session'",
    ],
    ['a UserCode of five digits', 'VerifySoftwareToken', () => ({ Session: 'x'.repeat(40), UserCode: '12345' }), "at 'userCode'"],
    ['a UserCode with a letter', 'VerifySoftwareToken', () => ({ Session: 'x'.repeat(40), UserCode: '12a456' }), "at 'userCode'"],
    ['VerifySoftwareToken with neither AccessToken nor Session', 'VerifySoftwareToken', () => ({ UserCode: '123456' }), 'AccessToken or Session'],
    ['ListUserPools without MaxResults', 'ListUserPools', () => ({}), "at 'maxResults'"],
    ['MaxResults out of range', 'ListUserPools', () => ({ MaxResults: 0 }), "at 'maxResults'"],
    ['CreateUserPool without PoolName', 'CreateUserPool', () => ({}), "at 'poolName'"],
    ['AdminCreateUser without Username', 'AdminCreateUser', () => ({ UserPoolId: poolId() }), "at 'username'"],
    ['an empty Username', 'AdminGetUser', () => ({ UserPoolId: poolId(), Username: '' }), "at 'username'"],
    [
      'an unknown ExplicitAuthFlows value',
      'CreateUserPoolClient',
      () => ({ UserPoolId: poolId(), ClientName: 'app', ExplicitAuthFlows: ['ALLOW_EVERYTHING'] }),
      "at 'explicitAuthFlows'",
    ],
  ])('%s', async (_what, operation, body, expected) => {
    const message = await expectCognitoError(await call(operation, body()), 400, 'InvalidParameterException')
    expect(message).toContain(expected)
  })

  // Error texts quote the bad value; a value no HTTP header can carry must not turn the 400 into a 500.
  test.each([
    ['in Japanese', 'ログイン'],
    ['with a line break', 'USER_SRP_AUTH\r\nX-Injected: yes'],
    ['with a control character', 'USER\u0000SRP'],
    ['with a lone surrogate', 'USER_\ud800_AUTH'],
  ])('an AuthFlow %s is still a 400 naming authFlow', async (_what, authFlow) => {
    const response = await call('InitiateAuth', { ClientId: local.pool.clientId, AuthFlow: authFlow })
    expect(response.headers.get('x-injected')).toBeNull()
    const message = await expectCognitoError(response, 400, 'InvalidParameterException')
    expect(message).toContain(`Value '${authFlow}' at 'authFlow'`)
  })

  test('a client id the pool never issued, in Japanese, is a 400 client error, not a 500', async () => {
    const response = await call('InitiateAuth', {
      ClientId: 'クライアント',
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'alice', SRP_A: 'ab' },
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { __type: string }
    expect(['InvalidParameterException', 'ResourceNotFoundException']).toContain(body.__type)
  })

  test('an empty body is read as {} and the first missing parameter is named', async () => {
    const message = await expectCognitoError(await post('', { 'X-Amz-Target': `${TARGET}.InitiateAuth` }), 400, 'InvalidParameterException')
    expect(message).toContain("'clientId'")
  })
})

describe('unknown operations are 400 UnknownOperationException', () => {
  test.each([
    ['an operation Cognito does not have', { 'X-Amz-Target': `${TARGET}.StealAllTokens` }],
    ['toString (an Object.prototype member)', { 'X-Amz-Target': `${TARGET}.toString` }],
    ['__proto__', { 'X-Amz-Target': `${TARGET}.__proto__` }],
    ['constructor', { 'X-Amz-Target': `${TARGET}.constructor` }],
    ['hasOwnProperty', { 'X-Amz-Target': `${TARGET}.hasOwnProperty` }],
    ['an empty operation name', { 'X-Amz-Target': `${TARGET}.` }],
    ["another service's prefix", { 'X-Amz-Target': 'DynamoDB_20120810.ListTables' }],
    ['no X-Amz-Target header at all', {}],
  ])('%s', async (_what, headers: Record<string, string>) => {
    await expectCognitoError(await post('{}', headers), 400, 'UnknownOperationException')
  })
})

describe('request size', () => {
  test('a body over 1 MiB is refused with 413, in Cognito’s error shape', async () => {
    const body = JSON.stringify({ MaxResults: 10, Padding: 'x'.repeat(1024 * 1024) })
    const response = await post(body, { 'X-Amz-Target': `${TARGET}.ListUserPools` })
    expect(await expectCognitoError(response, 413, 'RequestEntityTooLargeException')).toBe('Request body exceeds 1 MiB.')
  })

  test('a body just under 1 MiB is still read and answered', async () => {
    const padding = 'x'.repeat(1024 * 1024 - 100)
    const response = await call('ListUserPools', { MaxResults: 10, Padding: padding })
    expect(response.status).toBe(200)
  })
})

describe('clients that stall or go away', () => {
  const listUserPools = '{"MaxResults": 10}'
  const head = (length: number) =>
    `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: ${TARGET}.ListUserPools\r\nContent-Length: ${length}\r\n\r\n`

  /** A raw connection that sends `text` and then waits (a stalled or about-to-vanish client). */
  async function rawClient(text: string) {
    const socket = connect({ host: '127.0.0.1', port: local.emulator.port })
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(text)
    await pause(50)
    return socket
  }

  test('a client that stalls half-way through its body does not hold up other clients', async () => {
    const stalled = await rawClient(head(listUserPools.length) + listUserPools.slice(0, 5))

    expect(await answersWithin(2_000)).toBe(true)
    stalled.destroy()
  })

  test('a client that gives up while its request waits its turn does not stop the server', async () => {
    const stalled = await rawClient(head(listUserPools.length) + listUserPools.slice(0, 5))
    const impatient = await rawClient(head(listUserPools.length) + listUserPools) // complete, but queued
    impatient.destroy()
    await pause(50)
    stalled.destroy()
    await pause(50)

    expect(await answersWithin(2_000)).toBe(true)
  })
})

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Whether a good request is answered in time (a wedged server would never answer). */
async function answersWithin(ms: number): Promise<boolean> {
  try {
    const response = await fetch(local.emulator.url, {
      method: 'POST',
      headers: { 'X-Amz-Target': `${TARGET}.ListUserPools`, 'Content-Type': 'application/x-amz-json-1.1' },
      body: '{"MaxResults": 10}',
      signal: AbortSignal.timeout(ms),
    })
    return response.status === 200
  } catch {
    return false
  }
}

describe('browser CORS (docs/cognito-behaviour.md#requests)', () => {
  const amplifyHeaders = 'content-type,x-amz-target,x-amz-user-agent,cache-control,amz-sdk-invocation-id,amz-sdk-request'

  test('a preflight allows every header Amplify sends (a fixed list, ADR 014) and exposes the error headers', async () => {
    const response = await fetch(local.emulator.url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': amplifyHeaders },
    })
    expect(response.status).toBeLessThan(300)
    expect(['http://localhost:5173', '*']).toContain(response.headers.get('access-control-allow-origin'))
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/)
    expect(allowed).toEqual(expect.arrayContaining(amplifyHeaders.split(',')))
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-errortype')
  })

  test('an error answer to a cross-origin POST lets the page read x-amzn-errortype', async () => {
    const response = await fetch(local.emulator.url, {
      method: 'POST',
      headers: { Origin: 'http://localhost:5173', 'X-Amz-Target': `${TARGET}.InitiateAuth`, 'Content-Type': 'application/x-amz-json-1.1' },
      body: '{',
    })
    expect(['http://localhost:5173', '*']).toContain(response.headers.get('access-control-allow-origin'))
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-errortype')
    await expectCognitoError(response, 400, 'SerializationException')
  })
})

describe('the wire around the operations', () => {
  test('POST on any path is dispatched by X-Amz-Target (Amplify posts to the endpoint URL as given)', async () => {
    const response = await post(JSON.stringify({ MaxResults: 60 }), { 'X-Amz-Target': `${TARGET}.ListUserPools` }, '/some/proxy/path')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1')
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/)
  })

  test('other methods and unknown GET paths get a JSON error, not a crash', async () => {
    const put = await fetch(local.emulator.url, { method: 'PUT', body: '{}' })
    expect(put.status).toBe(405)
    expectNoInternals(await put.text())
    const get = await fetch(`${local.emulator.url}/us-east-1_Missing/.well-known/jwks.json`)
    expect(get.status).toBe(404)
    expectNoInternals(await get.text())
  })
})

describe('where it listens', () => {
  test('only on 127.0.0.1: its URL says so and no other local address accepts a connection', async () => {
    expect(local.emulator.url).toBe(`http://127.0.0.1:${local.emulator.port}`)
    expect(await connects('127.0.0.1', local.emulator.port)).toBe(true)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && address.address !== '127.0.0.1' && !address.address.startsWith('fe80:'))
      .map((address) => address!.address)
    for (const host of others) expect(await connects(host, local.emulator.port), `reachable on ${host}`).toBe(false)
  })
})

/** Whether a TCP connection to host:port is accepted (refused or unreachable → false). */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
  })
}

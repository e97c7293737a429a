// Who the local pool serves (ADR 014): the app's browser origins, clients without an Origin, and
// only requests that name it by a loopback Host. Raw node:http requests, so Host and Origin are
// exactly what a hostile page or a DNS-rebinding one would send.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { startEmulator, type RunningEmulator, type StartOptions } from './server.ts'
import { ALLOWED_REQUEST_HEADERS, BROWSER_OPERATIONS, parseOrigin } from './request-policy.ts'
import { operations } from './operations/index.ts'
import { createTestClock, type TestClock } from './state/clock.ts'
import { T0 } from './test-support.ts'

const APP = 'http://127.0.0.1:5173'
const FOREIGN = 'http://evil.example'

type Reply = { status: number; headers: IncomingHttpHeaders; body: string }
type Sent = { method?: string; path?: string; headers?: Record<string, string>; body?: string; host?: string | null }

let emulator: RunningEmulator
let clock: TestClock
let logs: string[] = []
let poolId: string

// One pool for the file (starting one generates RSA keys): each test uses its own usernames.
beforeAll(async () => {
  clock = createTestClock(T0)
  emulator = await startEmulator({ port: 0, clockControl: clock, log: (line) => void logs.push(line) })
  poolId = emulator.pools()[0].userPoolId
})

beforeEach(() => {
  logs = []
  clock.set(T0)
})

afterAll(async () => {
  await emulator.close()
})

/** Runs `body` against a pool of its own, started with `options` (its log goes to `logs`). */
async function withOwnEmulator(options: { corsOrigins?: string[]; onRequest?: StartOptions['onRequest'] }, body: () => Promise<void>): Promise<void> {
  const shared = { emulator, poolId }
  emulator = await startEmulator({ port: 0, log: (line) => void logs.push(line), ...options })
  poolId = emulator.pools()[0].userPoolId
  try {
    await body()
  } finally {
    await emulator.close()
    ;({ emulator, poolId } = shared)
  }
}

/** One request; `host: null` sends none, a string replaces the loopback one. */
function send({ method = 'POST', path = '/', headers = {}, body, host }: Sent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const allHeaders = { ...headers, ...(typeof host === 'string' ? { Host: host } : {}) }
    const req = httpRequest({ host: '127.0.0.1', port: emulator.port, method, path, headers: allHeaders, setHost: host !== null }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Bytes straight onto a socket (what node:http's client would refuse to send); the whole answer. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = ''
    const socket = connect(emulator.port, '127.0.0.1', () => socket.end(text))
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk))
    socket.on('end', () => resolve(answer)).on('error', reject)
  })
}

function operation(name: string, input: object, headers: Record<string, string> = {}, host?: string | null): Promise<Reply> {
  return send({
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${name}`, ...headers },
    body: JSON.stringify(input),
    host,
  })
}

const listUsers = (headers: Record<string, string> = {}) => operation('ListUsers', { UserPoolId: poolId }, headers)
const signUp = (username: string, headers: Record<string, string> = {}) =>
  operation(
    'SignUp',
    {
      ClientId: emulator.pools()[0].clientId,
      Username: username,
      Password: 'Corr3ct-Horse!',
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    },
    headers,
  )
const userExists = (name: string) => emulator.store.findUser(emulator.store.findPool(poolId)!, name) !== undefined

function expectForbidden(reply: Reply): void {
  expect(reply.status).toBe(403)
  expect(JSON.parse(reply.body)).toEqual({ __type: 'ForbiddenException', message: expect.any(String) })
  expect(reply.headers['x-amzn-errortype']).toBe('ForbiddenException:')
  expect(reply.headers['access-control-allow-origin']).toBeUndefined()
}

describe('the bench request hook (onRequest)', () => {
  test('hears of each request as it arrives, with its method, path and operation name only', async () => {
    const heard: unknown[] = []
    await withOwnEmulator({ onRequest: (arrived) => void heard.push(arrived) }, async () => {
      await signUp('hook-user', { Origin: APP })
      await send({ method: 'GET', path: '/_local/config', headers: { Origin: APP } })
      await operation('ListUsers', { UserPoolId: poolId }, { Origin: FOREIGN })
    })
    const at = expect.any(Number)
    expect(heard).toEqual([
      { method: 'POST', path: '/', operation: 'SignUp', at },
      { method: 'GET', path: '/_local/config', operation: undefined, at },
      // A refused request reached the pool too: it is counted.
      { method: 'POST', path: '/', operation: 'ListUsers', at },
    ])
    // Nothing of the body (the password) or of the headers reaches the hook.
    expect(JSON.stringify(heard)).not.toMatch(/Corr3ct|hook-user|example/)
  })
})

describe('clients without an Origin (AWS SDK, CLI, boto3, Node)', () => {
  test('are served, admin operations included, with no CORS headers', async () => {
    const reply = await listUsers()
    expect(reply.status).toBe(200)
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
    expect((await signUp('nodeuser')).status).toBe(200)
    expect(userExists('nodeuser')).toBe(true)
  })
})

describe('the app’s origins', () => {
  test('get their own origin back (never *) on the operations a browser may call', async () => {
    const reply = await signUp('carol', { Origin: APP })
    expect(reply.status).toBe(200)
    expect(reply.headers['access-control-allow-origin']).toBe(APP)
    expect(reply.headers['access-control-expose-headers']).toContain('x-amzn-errortype')
    expect(reply.headers.vary).toBe('Origin')
    expect(userExists('carol')).toBe(true)
  })

  test('by default the Vite dev and preview origins on 127.0.0.1 and localhost, and not other ports', async () => {
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:4173', 'http://localhost:4173']) {
      const reply = await send({ method: 'GET', path: '/_local/config', headers: { Origin: origin } })
      expect([origin, reply.status]).toEqual([origin, 200])
      expect(reply.headers['access-control-allow-origin']).toBe(origin)
    }
    expectForbidden(await send({ method: 'GET', path: '/_local/config', headers: { Origin: 'http://127.0.0.1:3000' } }))
    expectForbidden(await send({ method: 'GET', path: '/_local/config', headers: { Origin: 'https://127.0.0.1:5173' } }))
  })

  test('a preflight asking for odd headers gets the fixed list, not an echo', async () => {
    const reply = await send({
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-amz-target, x-evil, cookie' },
    })
    expect(reply.status).toBe(204)
    expect(reply.headers['access-control-allow-origin']).toBe(APP)
    expect(reply.headers['access-control-allow-headers']).toBe(ALLOWED_REQUEST_HEADERS)
    expect(reply.headers['access-control-allow-headers']).not.toContain('x-evil')
    expect(reply.headers['access-control-allow-credentials']).toBeUndefined()
  })

  test('still may not call the operations that need IAM credentials on AWS (the app never does)', async () => {
    const create = await operation('AdminCreateUser', { UserPoolId: poolId, Username: 'mallory', MessageAction: 'SUPPRESS' }, { Origin: APP })
    expect(create.status).toBe(403)
    expect(JSON.parse(create.body).__type).toBe('ForbiddenException')
    // The app can read why: its origin is allowed, so the answer carries CORS headers.
    expect(create.headers['access-control-allow-origin']).toBe(APP)
    expect(userExists('mallory')).toBe(false)
    expect((await listUsers({ Origin: APP })).status).toBe(403)
    // Support's lost-phone reset would let a page strip any user's authenticator.
    const reset = await operation('AdminDeleteSoftwareToken', { UserPoolId: poolId, Username: 'mallory' }, { Origin: APP })
    expect(reset.status).toBe(403)
    expect(JSON.parse(reset.body).__type).toBe('ForbiddenException')
  })

  test('more origins with corsOrigins, and allowOrigins while running', async () => {
    await withOwnEmulator({ corsOrigins: ['http://127.0.0.1:3000/'] }, async () => {
      expect((await signUp('dan', { Origin: 'http://127.0.0.1:3000' })).status).toBe(200)
      expectForbidden(await signUp('erin', { Origin: APP }))
      emulator.allowOrigins(['http://LOCALHOST:8080'])
      expect((await signUp('erin', { Origin: 'http://localhost:8080' })).status).toBe(200)
    })
  })
})

describe('a foreign origin', () => {
  test.each([
    ['another site', FOREIGN],
    ['a sandboxed or file: page', 'null'],
    ['the app’s host on another port', 'http://127.0.0.1:5174'],
  ])('(%s) is refused with 403 before anything runs, with no CORS headers', async (_, origin) => {
    expectForbidden(await signUp('eve', { Origin: origin }))
    expect(userExists('eve')).toBe(false)
    expectForbidden(await listUsers({ Origin: origin }))
    expectForbidden(
      await operation(
        'AdminSetUserPassword',
        { UserPoolId: poolId, Username: 'alice', Password: 'Pwned-1234!', Permanent: true },
        { Origin: origin },
      ),
    )
    expectForbidden(await send({ method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } }))
    expectForbidden(await send({ method: 'GET', path: '/_local/config', headers: { Origin: origin } }))
  })

  test('a simple text/plain POST (no preflight in a browser) is refused too', async () => {
    const reply = await send({ headers: { Origin: FOREIGN, 'Content-Type': 'text/plain' }, body: '{}' })
    expectForbidden(reply)
  })

  test('is printed once, escaped, and only so many distinct refusals in all', async () => {
    await withOwnEmulator({}, async () => {
      await signUp('eve', { Origin: 'http://evil.example\x9b31m' })
      await signUp('eve', { Origin: 'http://evil.example\x9b31m' })
      // Node's client sends the header as UTF-8; the server reads it byte by byte (latin1).
      expect(logs.filter((line) => line.startsWith('refused'))).toEqual([expect.stringContaining('Origin "http://evil.example\\xc2\\x9b31m"')])
      expect(logs.filter((line) => line.startsWith('refused')).join('')).toMatch(/^[\x20-\x7e]*$/)
      for (let i = 0; i < 30; i++) await signUp('eve', { Origin: `http://evil${i}.example` })
      const refusals = logs.filter((line) => line.startsWith('refused'))
      expect(refusals).toHaveLength(20)
      expect(refusals.at(-1)).toContain('further refusals are not printed')
      await signUp('eve', { Origin: 'http://evil99.example' })
      expect(logs.filter((line) => line.startsWith('refused'))).toHaveLength(20)
    })
  })
})

describe('the Host header (DNS rebinding)', () => {
  test.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('%s:<port> is served', async (name) => {
    expect((await operation('ListUsers', { UserPoolId: poolId }, {}, `${name}:${emulator.port}`)).status).toBe(200)
  })

  test.each([
    ['a foreign name', () => `evil.example:${emulator.port}`],
    ['a loopback name on another port', () => `127.0.0.1:${emulator.port + 1}`],
    ['no port (only port 80 may leave it out)', () => '127.0.0.1'],
    ['a name ending in localhost', () => `evil.localhost.example:${emulator.port}`],
  ])('%s is refused with 403', async (_, host) => {
    expectForbidden(await operation('AdminCreateUser', { UserPoolId: poolId, Username: 'mallory', MessageAction: 'SUPPRESS' }, {}, host()))
    expect(userExists('mallory')).toBe(false)
    expectForbidden(await send({ method: 'GET', path: `/${poolId}/.well-known/jwks.json`, host: host() }))
  })

  test('a request with no Host is refused (HTTP/1.1 by Node itself, HTTP/1.0 by the policy)', async () => {
    expect((await send({ method: 'GET', path: '/_local/config', host: null })).status).toBe(400)
    const raw = await rawRequest('GET /_local/config HTTP/1.0\r\n\r\n')
    expect(raw).toMatch(/^HTTP\/1\.1 403 /)
    expect(raw).toContain('"__type":"ForbiddenException"')
  })

  test('a request-target that is no URL is answered, not left hanging', async () => {
    const raw = await rawRequest(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${emulator.port}\r\nConnection: close\r\n\r\n`)
    expect(raw).toMatch(/^HTTP\/1\.1 (400|404) /)
  })

  test('the issuer and .well-known stay on 127.0.0.1', async () => {
    const reply = await send({ method: 'GET', path: `/${poolId}/.well-known/openid-configuration`, host: `localhost:${emulator.port}` })
    expect(JSON.parse(reply.body).issuer).toBe(`http://127.0.0.1:${emulator.port}/${poolId}`)
  })
})

describe('POST /_local/clock', () => {
  const move = (headers: Record<string, string>, body = JSON.stringify({ advanceMs: 60_000 })) => send({ path: '/_local/clock', headers, body })

  test('moves the clock for a JSON request without an Origin, or from the app', async () => {
    expect((await move({ 'Content-Type': 'application/json' })).status).toBe(200)
    expect((await move({ 'Content-Type': 'application/json; charset=utf-8', Origin: APP })).status).toBe(200)
    expect(clock.now()).toBe(T0 + 120_000)
  })

  test.each(['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses %s (a browser sends it without a preflight)',
    async (type) => {
      const reply = await move({ 'Content-Type': type })
      expect(reply.status).toBe(415)
      expect(JSON.parse(reply.body).__type).toBe('SerializationException')
      expect(clock.now()).toBe(T0)
    },
  )

  test('refuses a body with no Content-Type, and JSON from a foreign origin', async () => {
    expect((await move({})).status).toBe(415)
    expectForbidden(await move({ 'Content-Type': 'application/json', Origin: FOREIGN }))
    expect(clock.now()).toBe(T0)
  })
})

describe('the policy’s tables', () => {
  test('every operation a browser may call exists', () => {
    for (const name of BROWSER_OPERATIONS) expect(Object.hasOwn(operations, name), name).toBe(true)
  })

  test('no Admin* operation is served to a browser (AdminUpdateUserAttributes … need IAM)', () => {
    const admin = Object.keys(operations).filter((name) => name.startsWith('Admin'))
    expect(admin).toContain('AdminUpdateUserAttributes')
    expect(admin.filter((name) => BROWSER_OPERATIONS.has(name))).toEqual([])
  })

  test.each(['null', '*', 'http://127.0.0.1:3000/app', 'ftp://127.0.0.1', 'http://127.0.0.1:3000?x', '127.0.0.1:3000'])(
    '--cors-origin %s is refused',
    (text) => {
      expect(() => parseOrigin(text)).toThrow(/--cors-origin/)
    },
  )

  test('an origin is kept as a browser writes it', () => {
    expect(parseOrigin('http://LocalHost:80/')).toBe('http://localhost')
    expect(parseOrigin('https://app.example.com:8443')).toBe('https://app.example.com:8443')
  })
})

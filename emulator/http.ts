import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { toJwks } from './domain/tokens.ts'
import { handle, type WireResponse } from './handle.ts'
import type { Deps } from './deps.ts'
import type { TestClock } from './state/clock.ts'

export const MAX_BODY_BYTES = 1024 * 1024

export type HttpOptions = {
  deps: Deps
  /** Called before every request that may change state, and after it (the snapshot writer). */
  beforeRequest(): void
  afterRequest(): void
  /** Only with --clock-control: POST /_local/clock moves the emulator's clock (browser tests). */
  testClock?: TestClock
  /** The demo pools for GET /_local/config, which the app reads in local mode. */
  localConfig(): object
}

// Amplify sends these; the preflight echoes whatever the browser asks for (docs/cognito-behaviour.md#requests).
const EXPOSED = 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage'

export function createHttpServer(options: HttpOptions): Server {
  // One request at a time: operations are short, and a queue rules out interleaved
  // updates (a double-clicked submit reaches the store strictly one after the other).
  let queue: Promise<unknown> = Promise.resolve()
  return createServer((request, response) => {
    // The body is read as it arrives, before the request joins the queue: a client that stalls
    // mid-upload must not hold up the others, and one that goes away while waiting must still
    // settle (read later, its end/error would already have passed and the queue would stall).
    const body = request.method === 'POST' ? readBody(request) : Promise.resolve('')
    body.then(
      (text) => {
        const task = queue.then(() => serve(request, response, options, text))
        queue = task.catch(() => {})
      },
      () => response.destroy(),
    )
  })
}

/** `body` is the request body, or undefined when it passed 1 MiB. */
async function serve(request: IncomingMessage, response: ServerResponse, options: HttpOptions, body: string | undefined): Promise<void> {
  const cors = corsHeaders(request)
  try {
    if (request.method === 'OPTIONS') return send(response, { status: 204, headers: cors, body: '' })
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (request.method === 'GET') return send(response, withCors(serveGet(path, options), cors))
    if (request.method !== 'POST') {
      return send(response, withCors(plainJson(405, { __type: 'MethodNotAllowedException', message: 'Use POST.' }), cors))
    }
    if (body === undefined) {
      return send(
        response,
        withCors(plainJson(413, { __type: 'RequestEntityTooLargeException', message: 'Request body exceeds 1 MiB.' }), cors),
        true,
      )
    }
    if (path === '/_local/clock' && options.testClock) {
      return send(response, withCors(moveClock(body, options.testClock), cors))
    }
    options.beforeRequest()
    const result = await handle(headerValue(request, 'x-amz-target'), body, options.deps)
    // Throws when the snapshot cannot be saved: the client then gets a 500, not `result`.
    options.afterRequest()
    send(response, withCors(result, cors))
  } catch (error) {
    console.error('[emulator] request failed:', error)
    if (!response.headersSent) {
      send(response, withCors(plainJson(500, { __type: 'InternalErrorException', message: 'An internal error occurred.' }), cors))
    }
  }
}

function serveGet(path: string, options: HttpOptions): WireResponse {
  if (path === '/_local/config') return plainJson(200, options.localConfig())
  const wellKnown = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(path)
  const pool = wellKnown ? options.deps.store.findPool(wellKnown[1]) : undefined
  if (!wellKnown || !pool) return plainJson(404, { __type: 'ResourceNotFoundException', message: 'Not found.' })
  if (wellKnown[2] === 'jwks.json') return plainJson(200, toJwks(pool.signingKey))
  const issuer = options.deps.issuer(pool.id)
  return plainJson(200, {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    response_types_supported: ['code', 'token'],
  })
}

function moveClock(body: string, clock: TestClock): WireResponse {
  try {
    const { advanceMs } = JSON.parse(body) as { advanceMs?: unknown }
    if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs)) throw new Error('advanceMs')
    clock.advance(advanceMs)
    return plainJson(200, { now: clock.now() })
  } catch {
    return plainJson(400, { __type: 'SerializationException', message: 'Expected {"advanceMs": number}.' })
  }
}

/** The body as text, or undefined once it passes 1 MiB (the rest is not read). */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        tooLarge = true
        resolve(undefined)
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString('utf8'))
    })
    request.on('error', reject)
    // A client gone before the end (settling twice is a no-op after 'end' or the 1 MiB cut-off).
    request.on('close', () => reject(new Error('request closed before its body ended')))
  })
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  const requested = headerValue(request, 'access-control-request-headers')
  return {
    'Access-Control-Allow-Origin': headerValue(request, 'origin') ?? '*',
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers':
      requested ?? 'content-type, x-amz-target, x-amz-user-agent, cache-control, amz-sdk-invocation-id, amz-sdk-request, authorization, x-amz-date',
    'Access-Control-Expose-Headers': EXPOSED,
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  }
}

function withCors(response: WireResponse, cors: Record<string, string>): WireResponse {
  return { ...response, headers: { ...cors, ...response.headers } }
}

function plainJson(status: number, body: object): WireResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
}

function send(response: ServerResponse, result: WireResponse, closeAfter = false): void {
  if (closeAfter) response.setHeader('Connection', 'close')
  response.writeHead(result.status, result.headers)
  response.end(result.body)
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { toJwks } from './domain/tokens.ts'
import { CognitoError } from './errors.ts'
import { errorResponse, handle, internalError, prepare, type WireResponse } from './handle.ts'
import { printableError } from './printable.ts'
import type { Deps } from './deps.ts'
import type { TestClock } from './state/clock.ts'
import { corsHeaders, refusal, servedOrigin, type RequestFacts } from './request-policy.ts'
import { requestRegion } from './request-region.ts'

export const MAX_BODY_BYTES = 1024 * 1024

export type HttpOptions = {
  deps: Deps
  /**
   * Called before every request that may change state, and after it with its answer: returns what
   * to send instead (a 500 when its changes could not be saved, server.ts).
   */
  beforeRequest(): void
  afterRequest(result: WireResponse): WireResponse
  /** Only with --clock-control: POST /_local/clock moves the emulator's clock (browser tests). */
  testClock?: TestClock
  /** The demo pools for GET /_local/config, which the app reads in local mode. */
  localConfig(): object
  /** The browser origins served (request-policy.ts); read on every request, so it may grow while running. */
  allowedOrigins: ReadonlySet<string>
  /** Bench only (server.ts StartOptions.onRequest): told of each request as it arrives. */
  onRequest?: (request: ArrivedRequest) => void
}

/** What the bench's request hook learns of a request: never a body, a header value or a token. */
export type ArrivedRequest = { method: string; path: string; operation?: string; at: number }

// A refused request is printed once per (Host, Origin, reason), and only so many times in all: a
// hostile page sending thousands of them must not flood the terminal or grow a set without bound.
const MAX_REFUSALS_PRINTED = 20

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.'

export function createHttpServer(options: HttpOptions): Server {
  // One request at a time: operations are short, and a queue rules out interleaved
  // updates (a double-clicked submit reaches the store strictly one after the other).
  let queue: Promise<unknown> = Promise.resolve()
  const printed = new Set<string>()
  const report = (line: string) => {
    if (printed.size >= MAX_REFUSALS_PRINTED || printed.has(line)) return
    printed.add(line)
    options.deps.log(printed.size === MAX_REFUSALS_PRINTED ? `${line} (further refusals are not printed)` : line)
  }
  return createServer((request, response) => {
    if (options.onRequest) {
      const { method, path, operation } = requestFacts(request)
      options.onRequest({ method, path, operation, at: Date.now() })
    }
    // The body is read as it arrives, before the request joins the queue: a client that stalls
    // mid-upload must not hold up the others, and one that goes away while waiting must still
    // settle (read later, its end/error would already have passed and the queue would stall).
    const body = request.method === 'POST' ? readBody(request) : Promise.resolve('')
    // Slow work a request needs (CreateUserPool's key) is done here too, off the queue: the others go
    // on meanwhile. Not for a request the policy refuses: a foreign page must not make keys made.
    const prepared =
      request.method === 'POST' && !refusal(requestFacts(request), options.allowedOrigins)
        ? prepare(headerValue(request, 'x-amz-target'), options.deps)
        : Promise.resolve()
    Promise.all([body, prepared]).then(
      ([text]) => {
        const task = queue.then(() => serve(request, response, options, text, report))
        queue = task.catch(() => {})
      },
      () => response.destroy(),
    )
  })
}

/** `body` is the request body, or undefined when it passed 1 MiB. */
async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  options: HttpOptions,
  body: string | undefined,
  report: (line: string) => void,
): Promise<void> {
  const facts = requestFacts(request)
  const { path, origin } = facts
  const target = headerValue(request, 'x-amz-target')
  const refused = refusal(facts, options.allowedOrigins)
  // An allowed origin gets CORS headers on a refusal too (e.g. an admin operation), so the page can read why.
  const cors = corsHeaders(servedOrigin(facts, options.allowedOrigins))
  if (refused) {
    report(`refused a request (Host ${quoted(headerValue(request, 'host'))}, Origin ${quoted(origin)}): ${refused.headers['x-amzn-ErrorMessage']}`)
    return send(response, withCors(refused, cors), body === undefined)
  }
  try {
    if (request.method === 'OPTIONS') return send(response, { status: 204, headers: cors, body: '' })
    if (request.method === 'GET') return send(response, withCors(serveGet(path, options), cors))
    if (request.method !== 'POST') {
      return send(response, withCors(errorResponse(new CognitoError('MethodNotAllowedException', 'Use POST.', 405)), cors))
    }
    if (body === undefined) {
      return send(
        response,
        withCors(errorResponse(new CognitoError('RequestEntityTooLargeException', 'Request body exceeds 1 MiB.', 413)), cors),
        true,
      )
    }
    if (path === '/_local/clock' && options.testClock) {
      return send(response, withCors(moveClock(body, options.testClock), cors))
    }
    options.beforeRequest()
    const result = await handle(target, body, options.deps, requestRegion(headerValue(request, 'authorization')))
    send(response, withCors(options.afterRequest(result), cors))
  } catch (error) {
    console.error(`[emulator] request failed: ${printableError(error)}`)
    if (!response.headersSent) {
      send(response, withCors(internalError(), cors))
    }
  }
}

/** What the request policy judges a request by (request-policy.ts). */
function requestFacts(request: IncomingMessage): RequestFacts {
  let path = ''
  try {
    path = new URL(request.url ?? '/', 'http://localhost').pathname
  } catch {
    // A request-target that is no URL (`http://[`) names no local path: a GET is not found, and a
    // POST is an operation, as on any path (Amplify posts to its endpoint's path).
  }
  const target = headerValue(request, 'x-amz-target')
  return {
    method: request.method ?? '',
    path,
    host: headerValue(request, 'host'),
    origin: headerValue(request, 'origin'),
    contentType: headerValue(request, 'content-type'),
    operation: target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined,
    port: request.socket.localPort ?? 0,
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

// Header values may hold bytes a terminal acts on (C1 controls such as \x9b among them): printed
// as \xHH, everything outside printable ASCII.
function quoted(value: string | undefined): string {
  const text = (value ?? '').replace(/[^\x20-\x7e]|\\/g, (char) =>
    char === '\\' ? '\\\\' : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
  return `"${text.replace(/"/g, '\\"')}"`
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

// Who may talk to the local pool (ADR 014): loopback clients outside a browser (the AWS SDK, CLI,
// boto3, the app's proxy) send no Origin; a browser sends one, and only the app's own origins are
// served. Every request must name the pool by a loopback Host, so a DNS-rebinding page whose name now
// points at 127.0.0.1 is refused. Pure: http.ts applies it to each request.
import { CognitoError } from './errors.ts'
import { errorResponse, type WireResponse } from './handle.ts'

/** The origins of `npm run dev` (5173) and `vite preview` (4173), Vite's defaults, by both loopback names. */
export const DEFAULT_APP_ORIGINS: readonly string[] = [5173, 4173].flatMap((port) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`])

/**
 * The operations a browser may call: those Cognito accepts without IAM credentials (the user's own,
 * authorised by nothing, a session or an access token; docs/cognito-behaviour.md#requests). Every other
 * operation (Admin*, ListUsers, pool and client configuration) needs a SigV4 signature on AWS, which no
 * page should hold, and the app never calls one; here they are served to non-browser clients only.
 */
export const BROWSER_OPERATIONS: ReadonlySet<string> = new Set([
  'AssociateSoftwareToken',
  'ChangePassword',
  'ConfirmForgotPassword',
  'ConfirmSignUp',
  'DeleteUserAttributes',
  'ForgotPassword',
  'GetTokensFromRefreshToken',
  'GetUser',
  'GetUserAttributeVerificationCode',
  'GlobalSignOut',
  'InitiateAuth',
  'ResendConfirmationCode',
  'RespondToAuthChallenge',
  'RevokeToken',
  'SetUserMFAPreference',
  'SignUp',
  'UpdateUserAttributes',
  'VerifySoftwareToken',
  'VerifyUserAttribute',
  // A user's own devices, with the access token (docs/cognito-behaviour.md#device-operations); the Admin* twins are not here.
  'ConfirmDevice',
  'ForgetDevice',
  'GetDevice',
  'ListDevices',
  'UpdateDeviceStatus',
])

// What Amplify (content-type, x-amz-target, x-amz-user-agent, cache-control, amz-sdk-*) and the AWS
// SDK for JavaScript in a browser (the same plus its SigV4 headers) send. A fixed list, never an echo
// of Access-Control-Request-Headers: the browser refuses a request whose headers are not all here.
export const ALLOWED_REQUEST_HEADERS = [
  'content-type',
  'x-amz-target',
  'x-amz-user-agent',
  'cache-control',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
].join(', ')

const EXPOSED_HEADERS = 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage'

/**
 * `text` as a browser serialises it in the Origin header (scheme://host[:port], lower case, no
 * default port), or an Error naming what is wrong: a path, `*`, `null` or another scheme is refused.
 */
export function parseOrigin(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`--cors-origin must be an origin such as http://127.0.0.1:5173, got ${JSON.stringify(text)}`)
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare || !/^https?:\/\/[^/]+\/?$/i.test(text)) {
    throw new Error(`--cors-origin must be scheme://host[:port] with nothing after it, got ${JSON.stringify(text)}`)
  }
  return url.origin
}

/** The Host values that name this server: its loopback names with the port it listens on (bare on port 80). */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false
  const names = ['127.0.0.1', 'localhost', '[::1]']
  const lower = host.toLowerCase()
  return names.some((name) => lower === `${name}:${port}` || (port === 80 && lower === name))
}

export type RequestFacts = {
  method: string
  path: string
  host: string | undefined
  /** The Origin header; absent for clients outside a browser (and a browser's same-origin GET). */
  origin: string | undefined
  contentType: string | undefined
  /** The operation name from X-Amz-Target, when there is one. */
  operation: string | undefined
  /** The port the request arrived on. */
  port: number
}

/** The refusal for a request the policy does not serve, or undefined when it may go on. */
export function refusal(request: RequestFacts, allowedOrigins: ReadonlySet<string>): WireResponse | undefined {
  if (!isLoopbackHost(request.host, request.port)) {
    return forbidden(`The local user pool answers only to 127.0.0.1:${request.port}, localhost:${request.port} or [::1]:${request.port}.`)
  }
  if (request.origin !== undefined && !allowedOrigins.has(request.origin)) {
    return forbidden('This origin may not call the local user pool. Start it with --cors-origin <origin> to allow another app origin.')
  }
  if (request.method !== 'POST') return undefined
  if (request.path === '/_local/clock' && mediaType(request.contentType) !== 'application/json') {
    // A browser sends text/plain and form bodies without a preflight: only JSON moves the clock.
    return error(415, 'SerializationException', 'POST /_local/clock takes Content-Type: application/json.')
  }
  if (request.origin !== undefined && request.operation !== undefined && !BROWSER_OPERATIONS.has(request.operation)) {
    // No name in the message: it would copy a request header into a response header.
    return forbidden('This operation needs IAM credentials and is not served to a browser; call it from the AWS SDK or CLI.')
  }
  return undefined
}

/** The request's Origin when it is one the pool serves (and the Host is its own): what CORS may name. */
export function servedOrigin(request: RequestFacts, allowedOrigins: ReadonlySet<string>): string | undefined {
  const { origin } = request
  return origin !== undefined && isLoopbackHost(request.host, request.port) && allowedOrigins.has(origin) ? origin : undefined
}

/** The CORS response headers for an allowed Origin; none without one (no browser is asking). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  const vary = { Vary: 'Origin' }
  if (origin === undefined) return vary
  return {
    ...vary,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    'Access-Control-Max-Age': '600',
  }
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0].trim().toLowerCase()
}

// Cognito's answer for a request it will not serve (e.g. one its WAF blocks) is ForbiddenException.
function forbidden(message: string): WireResponse {
  return error(403, 'ForbiddenException', message)
}

function error(status: number, type: string, message: string): WireResponse {
  return errorResponse(new CognitoError(type, message, status))
}

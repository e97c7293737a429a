import { randomUUID } from 'node:crypto'
import { CognitoError } from './errors.ts'
import { operations } from './operations/index.ts'
import { printableError } from './printable.ts'
import type { Deps } from './deps.ts'

export type WireResponse = { status: number; headers: Record<string, string>; body: string }

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.'

/**
 * One Cognito JSON request → one response. Knows the wire format (docs/cognito-behaviour.md#wire-protocol), nothing
 * of sockets: http.ts feeds it the X-Amz-Target header, the raw body and the region the request was signed for.
 */
export async function handle(target: string | undefined, rawBody: string, deps: Deps, region?: string): Promise<WireResponse> {
  const requestId = randomUUID()
  try {
    if (!target?.startsWith(TARGET_PREFIX)) {
      throw new CognitoError('UnknownOperationException', 'Missing or unknown X-Amz-Target header.')
    }
    const name = target.slice(TARGET_PREFIX.length)
    // hasOwn, not `in`: "toString" must not count as an operation.
    if (!Object.hasOwn(operations, name)) throw new CognitoError('UnknownOperationException', `Unknown operation ${name}.`)
    let input: unknown
    try {
      input = rawBody.trim() === '' ? {} : JSON.parse(rawBody)
    } catch {
      throw new CognitoError('SerializationException', 'Malformed JSON in request body.')
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new CognitoError('SerializationException', 'The request body must be a JSON object.')
    }
    const output = await operations[name](input as Record<string, unknown>, region === undefined ? deps : { ...deps, region })
    return json(200, requestId, output)
  } catch (error) {
    if (error instanceof CognitoError) return errorResponse(error, requestId)
    // A bug: logged here, never sent to the client (no stack traces on the wire).
    console.error(`[emulator] internal error (request ${requestId}): ${printableError(error)}`)
    return internalError(requestId)
  }
}

/**
 * A Cognito error as every client reads it (docs/cognito-behaviour.md#error-responses): `__type` and
 * `message` in the body, `x-amzn-ErrorType` and the message in headers. Also for what the HTTP layer
 * refuses before an operation runs (a foreign origin, a body over 1 MiB).
 */
export function errorResponse(error: CognitoError, requestId: string = randomUUID()): WireResponse {
  return json(
    error.status,
    requestId,
    { __type: error.type, message: error.message },
    {
      'x-amzn-ErrorType': `${error.type}:`,
      'x-amzn-ErrorMessage': headerSafe(error.message),
    },
  )
}

/** Cognito's 500 (docs/cognito-behaviour.md#error-responses): also what a request whose changes could not be saved gets. */
export function internalError(requestId: string = randomUUID()): WireResponse {
  return json(
    500,
    requestId,
    { __type: 'InternalErrorException', message: 'An internal error occurred.' },
    {
      'x-amzn-ErrorType': 'InternalErrorException:',
    },
  )
}

/** The x-amzn-ErrorMessage header is cut to this many characters (docs/cognito-behaviour.md#input-limits). */
export const ERROR_HEADER_MAX = 1024

/**
 * Work a request needs done before it joins the server's one-at-a-time queue, so that the queue does
 * not wait for it: CreateUserPool's RSA key (signing-keys.ts). Never rejects.
 */
export function prepare(target: string | undefined, deps: Deps): Promise<void> {
  return target === `${TARGET_PREFIX}CreateUserPool` ? deps.signingKeys.reserve() : Promise.resolve()
}

// Messages quote request values (e.g. an AuthFlow in Japanese or with a line break); a header
// cannot carry those, and writing one would throw and turn this 400 into a 500. The body keeps
// the exact text; the optional header gets it percent-encoded, and bounded: quoted values are
// already cut (validate.ts), and this keeps any message within what HTTP clients accept (the AWS
// SDK for JavaScript fails on a 20 KB header).
export function headerSafe(text: string): string {
  let header = ''
  for (const char of text) {
    // Via UTF-8 bytes, not encodeURIComponent, which throws on a lone surrogate.
    const encoded = /[\x20-\x7e]/.test(char)
      ? char
      : [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
    if (header.length + encoded.length > ERROR_HEADER_MAX - 3) return `${header}...`
    header += encoded
  }
  return header
}

function json(status: number, requestId: string, body: object, headers: Record<string, string> = {}): WireResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': requestId, ...headers },
    body: JSON.stringify(body),
  }
}

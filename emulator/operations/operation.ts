import type { Deps } from '../deps.ts'
import type { Untrusted } from '../validate.ts'

/**
 * A response as it goes on the wire, from the SDK's type: the SDK gives dates as `Date`, because
 * it parses them, but the JSON carries them as epoch seconds (numbers), which is what the emulator
 * sends. Lists and members are read-only: a response only passes on what the
 * store holds, and the store's records are read-only.
 */
export type Wire<T> = T extends Date
  ? number
  : T extends readonly (infer Item)[]
    ? readonly Wire<Item>[]
    : T extends object
      ? { readonly [Member in keyof T]: Wire<T[Member]> }
      : T

/**
 * One wire operation, typed with the AWS SDK's request and response (e.g.
 * `Operation<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse>`): a Cognito request body
 * in, still untrusted (validate.ts reads it), a Cognito response body out. No HTTP here.
 */
export type Operation<Request, Response> = (input: Untrusted<Request>, deps: Deps) => Promise<Wire<Response>>

/** AdminDeleteUser and AdminConfirmSignUp answer `{}`; the SDK has no response type for the first. */
export type NoMembers = Record<string, never>

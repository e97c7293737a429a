import type { Deps } from '../deps.ts'
import type { Input } from '../validate.ts'

/** One wire operation: a Cognito request body in, a Cognito response body out. No HTTP here. */
export type Operation = (input: Input, deps: Deps) => Promise<object>

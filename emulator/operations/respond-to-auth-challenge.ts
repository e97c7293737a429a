import { respondToAuthChallenge as respond } from '../auth/respond.ts'
import type { Operation } from './operation.ts'

export const respondToAuthChallenge: Operation = (input, deps) => respond(input, deps, false)

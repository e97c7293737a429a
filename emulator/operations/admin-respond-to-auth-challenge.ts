import { respondToAuthChallenge } from '../auth/respond.ts'
import type { Operation } from './operation.ts'

export const adminRespondToAuthChallenge: Operation = (input, deps) => respondToAuthChallenge(input, deps, true)

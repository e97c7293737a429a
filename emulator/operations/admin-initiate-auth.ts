import { initiateAuth } from '../auth/initiate.ts'
import type { Operation } from './operation.ts'

export const adminInitiateAuth: Operation = (input, deps) => initiateAuth(input, deps, true)

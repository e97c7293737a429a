import { initiateAuth as initiate } from '../auth/initiate.ts'
import type { Operation } from './operation.ts'

export const initiateAuth: Operation = (input, deps) => initiate(input, deps, false)

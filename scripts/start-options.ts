// What `npm start` accepts: where the app and the local pool listen, and whether to start from a fresh
// pool. Pure (argv and environment in, options out) so the defaults are tested without starting anything.
import { parseArgs } from 'node:util'
import { DEFAULT_POOL_PORT } from '../emulator/ports.ts'

/** Where `npm start` keeps the local pool (git-ignored); `npm run reset` deletes it. */
export const STATE_FILE = '.emulator/state.json'

/** Vite's own default; when it is taken Vite moves to the next free port and says so. */
export const DEFAULT_APP_PORT = 5173

export const START_USAGE = `Usage: npm start [-- [--port <n>] [--pool-port <n>] [--reset] [--no-seed]]

  --port <n>        the app's port (default ${DEFAULT_APP_PORT}, or APP_PORT; the next free one if taken)
  --pool-port <n>   the local user pool's port (default ${DEFAULT_POOL_PORT}, or COGNITO_EMULATOR_PORT;
                    any free one if taken: the app reaches it through its /local-cognito proxy)
  --reset           delete the local pool's state (${STATE_FILE}) first: fresh demo pools and users
  --no-seed         an empty state stays empty: no demo pools (with --reset: an empty pool); the app
                    then says the local pool has no app clients until you create a pool and client
  Stop with Ctrl+C.`

export type StartOptions = { appPort: number; poolPort: number; reset: boolean; noSeed: boolean; help: boolean }

export function parseStartOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): StartOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'pool-port': { type: 'string' },
      reset: { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  return {
    appPort: portFrom('--port', values.port ?? env.APP_PORT, DEFAULT_APP_PORT),
    poolPort: portFrom('--pool-port', values['pool-port'] ?? env.COGNITO_EMULATOR_PORT, DEFAULT_POOL_PORT),
    reset: values.reset,
    noSeed: values['no-seed'],
    help: values.help,
  }
}

function portFrom(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback
  const port = Number(text)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1-65535), got "${text}"`)
  return port
}

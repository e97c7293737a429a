// `npm start`: the local Cognito user pool (state kept in .emulator/, git-ignored) plus
// the Vite dev server, which proxies /local-cognito to it. No configuration needed.
import { createServer } from 'vite'
import { startEmulator, type RunningEmulator } from '../emulator/server.ts'
import { printable } from '../emulator/printable.ts'
import { CorruptStateError } from '../emulator/state/snapshot.ts'
import { StateFiles } from '../emulator/state/state-files.ts'
import { startBanner } from './start-banner.ts'
import { parseStartOptions, START_USAGE, STATE_FILE } from './start-options.ts'

async function startPool(port: number, seed: boolean): Promise<RunningEmulator> {
  try {
    return await startEmulator({ port, statePath: STATE_FILE, seed })
  } catch (error) {
    // The app reaches the pool through Vite's proxy, so any free port does.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    return startEmulator({ port: 0, statePath: STATE_FILE, seed })
  }
}

async function main(): Promise<void> {
  const options = parseStartOptions(process.argv.slice(2), process.env)
  if (options.help) {
    console.log(START_USAGE)
    return
  }
  if (options.reset && StateFiles.remove(STATE_FILE)) console.log(`  Deleted the local pool's state (${STATE_FILE}): fresh demo pools and users.`)
  const pool = await startPool(options.poolPort, !options.noSeed)
  process.env.COGNITO_EMULATOR_URL = pool.url
  const vite = await createServer({ server: { host: '127.0.0.1', port: options.appPort } })
  await vite.listen()
  const appUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${options.appPort}/`
  // The proxy passes the page's Origin on, and the pool serves only the app's origins (ADR 014):
  // 5173 is among its defaults, but Vite moves to the next free port when 5173 is taken.
  const port = new URL(appUrl).port
  pool.allowOrigins([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
  // Read from the pool now: what the users did in earlier runs is in its state (issue 11).
  console.log(startBanner(appUrl, pool.url, STATE_FILE, pool.pools()))
  const stop = async () => {
    await vite.close()
    await pool.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  // A state file's message quotes names from the file: escaped, as every user-supplied text printed.
  console.error(error instanceof CorruptStateError ? printable(error.message) : error)
  process.exit(1)
})

// `npm start`: the local Cognito user pool (state kept in .emulator/, git-ignored) plus
// the Vite dev server, which proxies /local-cognito to it. No configuration needed.
import { createServer } from 'vite'
import { startEmulator, type RunningEmulator } from '../emulator/server.ts'
import { printable } from '../emulator/printable.ts'
import { CorruptStateError } from '../emulator/state/snapshot.ts'

const STATE_FILE = '.emulator/state.json'
const PREFERRED_PORT = Number(process.env.COGNITO_EMULATOR_PORT ?? 9229)

async function startPool(): Promise<RunningEmulator> {
  try {
    return await startEmulator({ port: PREFERRED_PORT, statePath: STATE_FILE })
  } catch (error) {
    // The app reaches the pool through Vite's proxy, so any free port does.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    return startEmulator({ port: 0, statePath: STATE_FILE })
  }
}

async function main(): Promise<void> {
  const pool = await startPool()
  process.env.COGNITO_EMULATOR_URL = pool.url
  const vite = await createServer({ server: { host: '127.0.0.1' } })
  await vite.listen()
  const appUrl = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/'
  // The proxy passes the page's Origin on, and the pool serves only the app's origins (ADR 014):
  // 5173 is among its defaults, but Vite moves to the next free port when 5173 is taken.
  const port = new URL(appUrl).port
  pool.allowOrigins([`http://127.0.0.1:${port}`, `http://localhost:${port}`])
  const lines = ['', `  Cognito TOTP  ${appUrl}`, `  Local Cognito user pool  ${pool.url}  (state: ${STATE_FILE})`]
  for (const local of pool.pools()) {
    lines.push('', `  ${local.name} (MFA ${local.mfaConfiguration})  UserPoolId ${local.userPoolId}  ClientId ${local.clientId}`)
    for (const user of local.users) lines.push(`    ${user.username} / ${user.password}  (${user.note})`)
  }
  lines.push('', '  Sign-up confirmation codes appear in this terminal.', '')
  // Pool and user names come from the state file: escaped, so none can forge a line.
  console.log(lines.map(printable).join('\n'))
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

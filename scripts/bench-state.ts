// `npm run bench:state [-- --users 6000 --writes 200]`: what --state costs a write, against memory,
// in a pool of that many users: p50/p99 of AdminCreateUser and of a sign-in (each stores a record),
// and how many bytes the state files grow per sign-in. The emulator runs in-process; both modes are
// measured side by side in one run (timings are noisy on a shared machine: compare the ratios).
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startEmulator, type RunningEmulator } from '../emulator/server.ts'
import type { PersistentState } from '../emulator/state/model.ts'

const PASSWORD = 'Bench-pass-2026!'

type Result = { mode: string; writeP50: number; writeP99: number; signInP50: number; signInP99: number; bytesPerSignIn: number; files: number }

/** The demo pools with one real user copied `users` times (computing thousands of SRP verifiers would take minutes). */
async function bigState(users: number): Promise<{ state: PersistentState; poolId: string; clientId: string }> {
  const emulator = await startEmulator({ port: 0, log: () => {} })
  const pool = emulator.pools()[0]
  await call(emulator, 'AdminCreateUser', {
    UserPoolId: pool.userPoolId,
    Username: 'bench-0',
    TemporaryPassword: PASSWORD,
    MessageAction: 'SUPPRESS',
  })
  await call(emulator, 'AdminSetUserPassword', { UserPoolId: pool.userPoolId, Username: 'bench-0', Password: PASSWORD, Permanent: true })
  const state = emulator.store.toJSON()
  await emulator.close()
  const template = state.users.find((user) => user.username === 'bench-0')!
  const copies = Array.from({ length: users - 1 }, (_, i) => ({ ...template, username: `bench-${i + 1}`, sub: randomUUID() }))
  return { state: { ...state, users: [...state.users, ...copies] }, poolId: pool.userPoolId, clientId: pool.clientId }
}

async function call(emulator: RunningEmulator, operation: string, body: object): Promise<void> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  })
  if (response.status !== 200) throw new Error(`${operation}: ${response.status} ${await response.text()}`)
}

async function timed(times: number, run: (i: number) => Promise<void>): Promise<number[]> {
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    await run(i)
    ms.push(performance.now() - started)
  }
  return ms.sort((a, b) => a - b)
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

function filesSize(statePath: string | undefined): number {
  if (!statePath) return 0
  return [statePath, `${statePath}.journal`].filter(existsSync).reduce((sum, path) => sum + statSync(path).size, 0)
}

async function measure(mode: 'memory' | 'state', big: Awaited<ReturnType<typeof bigState>>, writes: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-state-'))
  const statePath = mode === 'state' ? join(dir, 'state.json') : undefined
  if (statePath) writeFileSync(statePath, JSON.stringify(big.state), { mode: 0o600 })
  const emulator = await startEmulator({
    port: 0,
    statePath,
    log: () => {},
    // In memory the records are put in directly; with a file they are loaded from it.
    seed: statePath
      ? false
      : (deps) => {
          for (const pool of big.state.pools) deps.store.savePool(pool)
          for (const client of big.state.clients) deps.store.saveClient(client)
          for (const user of big.state.users) deps.store.saveUser(user)
          return Promise.resolve()
        },
  })
  try {
    const { poolId, clientId } = big
    const write = await timed(writes, (i) =>
      call(emulator, 'AdminCreateUser', { UserPoolId: poolId, Username: `new-${i}`, TemporaryPassword: PASSWORD, MessageAction: 'SUPPRESS' }),
    )
    const before = filesSize(statePath)
    const signIn = await timed(writes, () =>
      call(emulator, 'AdminInitiateAuth', {
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        // The copies share bench-0's verifier, which only bench-0's name matches: every sign-in is bench-0's.
        AuthParameters: { USERNAME: 'bench-0', PASSWORD },
      }),
    )
    const after = filesSize(statePath)
    return {
      mode,
      writeP50: percentile(write, 0.5),
      writeP99: percentile(write, 0.99),
      signInP50: percentile(signIn, 0.5),
      signInP99: percentile(signIn, 0.99),
      bytesPerSignIn: (after - before) / writes,
      files: after,
    }
  } finally {
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { users: { type: 'string', default: '6000' }, writes: { type: 'string', default: '200' } } })
  const users = Number(values.users)
  const writes = Number(values.writes)
  const big = await bigState(users)
  const rows = [await measure('memory', big, writes), await measure('state', big, writes)]
  console.log(`${users} users, ${writes} writes (AdminCreateUser) then ${writes} sign-ins (ADMIN_USER_PASSWORD_AUTH, one refresh token each)`)
  console.log('mode | write p50 ms | write p99 ms | sign-in p50 ms | sign-in p99 ms | file growth per sign-in (bytes) | state files after (bytes)')
  console.log('--- | ---: | ---: | ---: | ---: | ---: | ---:')
  for (const row of rows) {
    const cells = [row.writeP50, row.writeP99, row.signInP50, row.signInP99].map((ms) => ms.toFixed(1))
    console.log(`${row.mode} | ${cells.join(' | ')} | ${row.bytesPerSignIn.toFixed(0)} | ${row.files}`)
  }
  const [memory, state] = rows
  console.log(
    `--state / memory: write p50 ×${(state.writeP50 / memory.writeP50).toFixed(2)}, sign-in p50 ×${(state.signInP50 / memory.signInP50).toFixed(2)}`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

// Growth and blocking measurements of the local pool (issue 9, items 9 and 10), each printed as
// "measurement | figure". Run alone with `node --import tsx scripts/bench-growth.ts [name ...]`
// (names: srp-starts, refresh-days, create-pool; all when none), or from `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startEmulator } from '../emulator/server.ts'
import { createTestClock } from '../emulator/state/clock.ts'
import { srpClientStart } from '../emulator/test-support.ts'
import { cognitoCall, percentile, startEmulatorProcess, stateFilesBytes } from './bench-process.ts'

export type GrowthRow = { measurement: string; figure: string }

const DAY_MS = 86_400_000

/** RSS of an emulator process before and after `count` USER_SRP_AUTH starts that nobody answers. */
export async function srpStarts(count: number, concurrency = 4): Promise<GrowthRow[]> {
  const emulator = await startEmulatorProcess()
  try {
    const [pool] = emulator.pools
    const { srpA } = srpClientStart()
    const start = () =>
      cognitoCall(emulator.url, 'InitiateAuth', {
        ClientId: pool.clientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'alice', SRP_A: srpA },
      })
    for (let i = 0; i < 50; i++) await start() // warm up: JIT, sockets, key imports
    const before = emulator.rssMiB()
    // RSS at each quarter: with a bound on what is kept it levels off; without, it keeps climbing.
    const checkpoints: string[] = []
    let next = 0
    let done = 0
    let failures = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          next++
          if (!(await start()).ok) failures++
          done++
          if (done % (count / 4) === 0) checkpoints.push(`${done}: ${emulator.rssMiB().toFixed(0)}`)
        }
      }),
    )
    const after = emulator.rssMiB()
    return [
      {
        measurement: `RSS after ${count} unanswered USER_SRP_AUTH starts`,
        figure: `${before.toFixed(0)} → ${after.toFixed(0)} MiB (+${(after - before).toFixed(1)}; after ${checkpoints.join(', ')})${failures ? `, ${failures} failed` : ''}`,
      },
    ]
  } finally {
    await emulator.stop()
  }
}

/**
 * `count` sign-ins spread evenly over `days` simulated days (TestClock), each keeping its refresh
 * token (30 days by default), against an in-process pool with a --state file: how many refresh
 * records the store holds at the end, and the size of the state file and its journal.
 */
export async function refreshDays(count: number, days: number): Promise<GrowthRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-bench-'))
  const statePath = join(dir, 'state.json')
  const clock = createTestClock(Date.UTC(2026, 0, 1))
  const emulator = await startEmulator({ port: 0, clock, statePath, log: () => {} })
  try {
    const [pool] = emulator.pools()
    const step = (days * DAY_MS) / count
    const times: number[] = []
    for (let i = 0; i < count; i++) {
      const { ok, ms } = await cognitoCall(emulator.url, 'AdminInitiateAuth', {
        UserPoolId: pool.userPoolId,
        ClientId: pool.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice-demo-2026!' },
      })
      if (!ok) throw new Error('sign-in failed')
      times.push(ms)
      clock.advance(step)
    }
    const records = emulator.store.toJSON().refreshTokens.length
    const last = times.slice(-500)
    return [
      {
        measurement: `${count} sign-ins over ${days} simulated days (--state)`,
        figure: `${records} refresh records, state files ${(stateFilesBytes(statePath) / 1024).toFixed(0)} KiB, last 500 sign-ins p50 ${percentile(last, 50).toFixed(1)} ms`,
      },
    ]
  } finally {
    await emulator.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Latency of DescribeUserPool sent while `creates` CreateUserPool calls (an RSA-2048 key each) are
 * in flight, against the same call alone; median over `rounds` rounds.
 */
export async function createPoolBlocking(creates = 5, rounds = 7): Promise<GrowthRow[]> {
  const emulator = await startEmulatorProcess()
  try {
    const [pool] = emulator.pools
    const describe = () => cognitoCall(emulator.url, 'DescribeUserPool', { UserPoolId: pool.userPoolId })
    for (let i = 0; i < 20; i++) await describe()
    const alone: number[] = []
    for (let i = 0; i < 20; i++) alone.push((await describe()).ms)
    const during: number[] = []
    const createAll: number[] = []
    for (let round = 0; round < rounds; round++) {
      const started = performance.now()
      const pools = Array.from({ length: creates }, (_, i) => cognitoCall(emulator.url, 'CreateUserPool', { PoolName: `bench ${round}-${i}` }))
      // Sent right after the creates, so it arrives behind them.
      const cheap = describe()
      during.push((await cheap).ms)
      for (const result of await Promise.all(pools)) if (!result.ok) throw new Error('CreateUserPool failed')
      createAll.push(performance.now() - started)
    }
    return [
      { measurement: 'DescribeUserPool alone, p50', figure: `${percentile(alone, 50).toFixed(1)} ms` },
      {
        measurement: `DescribeUserPool while ${creates} CreateUserPool run, p50 of ${rounds}`,
        figure: `${percentile(during, 50).toFixed(1)} ms (max ${Math.max(...during).toFixed(1)}); the ${creates} creates took ${percentile(createAll, 50).toFixed(0)} ms`,
      },
    ]
  } finally {
    await emulator.stop()
  }
}

export async function runGrowth(names: readonly string[]): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = []
  const all = names.length === 0
  if (all || names.includes('create-pool')) rows.push(...(await createPoolBlocking()))
  if (all || names.includes('refresh-days')) rows.push(...(await refreshDays(2000, 90)))
  if (all || names.includes('srp-starts')) rows.push(...(await srpStarts(all ? 3000 : 20_000)))
  return rows
}

export function printGrowth(rows: readonly GrowthRow[]): void {
  console.log('measurement | figure')
  console.log('--- | ---')
  for (const row of rows) console.log(`${row.measurement} | ${row.figure}`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals } = parseArgs({ allowPositionals: true })
  runGrowth(positionals)
    .then(printGrowth)
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}

// `npm run bench`, part 3: the local pool against cognito-local and moto in one run: cold start, then
// sign-in + TOTP flows per second and p50/p99 per operation with 1, 8 and 32 concurrent fast clients,
// on the flows each supports; our pool also with SRP's old BigInt arithmetic ("before"), both under
// V8's CPU profiler so SRP's share of the pool's time is measured, not guessed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { percentile } from '../scripts/bench-process.ts'
import { readProfile, srpShare, stackShare, type ProfileShare } from './cpu-profile.ts'
import type { BenchPart } from './part.ts'
import { PoolClient } from './pool-client.ts'
import { CodeSchedule, createBenchPool, createBenchUsers, FLOW_NAMES, type Flow } from './pool-flows.ts'
import { runLoad, type LoadResult } from './pool-load.ts'
import { probePool, type Probes } from './pool-probes.ts'
import { motoMissing, startServer, type ServerKind } from './pool-servers.ts'
import { ms, table } from './table.ts'

const LABELS: Record<ServerKind, string> = {
  ours: 'this local pool',
  'ours-bigint': 'this local pool, BigInt SRP (before)',
  'cognito-local': 'cognito-local',
  moto: 'moto (server mode)',
}

// SRP is measured where it is real: cognito-local refuses USER_SRP_AUTH and moto does not check it (probes).
const FLOWS: Record<ServerKind, Flow[]> = {
  ours: ['srp-totp', 'password-totp'],
  'ours-bigint': ['srp-totp', 'password-totp'],
  'cognito-local': ['password-totp'],
  moto: ['password-totp'],
}

type ServerRun = {
  kind: ServerKind
  version: string
  setupMsPerUser: number
  loads: LoadResult[]
  probes: Probes
  profile?: Array<{ flow: Flow; clients: number } & ProfileShare>
}
type ColdStart = { kind: ServerKind; runs: number[]; median: number }
/** One more cold start of ours under the CPU profiler: how much of it is loading modules (tsx transpiling TypeScript). */
type StartProfile = { ms: number; moduleLoading: number }

export const localPool: BenchPart = async ({ smoke, log }) => {
  const settings = smoke
    ? { coldStarts: 1, users: 4, seconds: 0.5, maxFlows: 4, levels: [1, 4] }
    : { coldStarts: 5, users: 1500, seconds: 6, maxFlows: Infinity, levels: [1, 8, 32] }
  const missingMoto = motoMissing()
  if (missingMoto) log(`  moto skipped: ${missingMoto}`)
  const kinds: ServerKind[] = ['ours', 'ours-bigint', 'cognito-local', ...(missingMoto ? [] : (['moto'] as const))]

  const coldStarts: ColdStart[] = []
  for (const kind of kinds.filter((candidate) => candidate !== 'ours-bigint')) {
    const runs: number[] = []
    for (let i = 0; i < settings.coldStarts; i++) {
      const server = await startServer(kind)
      runs.push(server.coldStartMs)
      await server.stop()
    }
    coldStarts.push({ kind, runs, median: percentile(runs, 50) })
    log(`  cold start ${kind}: ${ms(percentile(runs, 50))} ms`)
  }

  const startProfile = await profileColdStart()
  log(`  cold start ours, profiled: ${(startProfile.moduleLoading * 100).toFixed(0)} % loading modules`)

  const runs: ServerRun[] = []
  for (const kind of kinds) runs.push(await loadServer(kind, settings, log))

  return {
    key: 'localPool',
    title: 'Local pool side by side: cold start, sign-in + TOTP under load, SRP',
    markdown: report(coldStarts, startProfile, runs, settings, missingMoto),
    data: {
      startProfile,
      settings: { ...settings, maxFlows: Number.isFinite(settings.maxFlows) ? settings.maxFlows : null },
      coldStarts,
      runs,
      motoSkipped: missingMoto ?? null,
    },
  }
}

async function profileColdStart(): Promise<StartProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'))
  try {
    const server = await startServer('ours', { cpuProfileDir: dir })
    await server.stop()
    // Node's module loader and the tsx loader (with esbuild under it) on the stack.
    const loading = (url: string) => url.startsWith('node:internal/modules/') || /\/node_modules\/(tsx|esbuild)\//.test(url)
    return { ms: server.coldStartMs, moduleLoading: stackShare(readProfile(dir), loading) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function loadServer(
  kind: ServerKind,
  settings: { users: number; seconds: number; maxFlows: number; levels: number[] },
  log: (line: string) => void,
): Promise<ServerRun> {
  const ours = kind.startsWith('ours')
  const profileDir = ours ? mkdtempSync(join(tmpdir(), 'bench-profile-')) : undefined
  const server = await startServer(kind, { args: ['--no-seed'], cpuProfileDir: profileDir })
  const client = new PoolClient(server.url, 8)
  const loads: LoadResult[] = []
  let probes: Probes
  let setupMsPerUser: number
  try {
    const pool = await createBenchPool(client)
    const started = performance.now()
    const offset = server.moveClock ? await server.moveClock(0) : 0
    // Ours takes each code once, so it needs a user per two flows of a level; the others take a code
    // again and reuse a few (their set-up is also the slowest: cognito-local's ~0.1 s a user).
    const count = ours ? settings.users : Math.min(settings.users, 200)
    const users = await createBenchUsers(client, pool, count, 4, offset)
    setupMsPerUser = (performance.now() - started) / count
    log(`  ${kind}: ${count} users set up (${ms(setupMsPerUser)} ms each)`)
    const schedule = new CodeSchedule(users, ours)
    for (const flow of FLOWS[kind]) {
      for (const clients of settings.levels) {
        // Every user gets unused TOTP steps again (ours refuses a step's code twice).
        if (server.moveClock) schedule.offsetMs = await server.moveClock(120_000)
        const result = await runLoad(server, pool, schedule, flow, clients, settings.seconds, settings.maxFlows)
        log(`  ${kind} ${flow} ×${clients}: ${result.flowsPerSecond.toFixed(0)} flows/s, ${result.failures} failed`)
        loads.push(result)
      }
    }
    if (server.moveClock) schedule.offsetMs = await server.moveClock(120_000)
    probes = await probePool(client, pool, users[0], schedule)
  } finally {
    client.close()
    await server.stop()
  }
  let profile: ServerRun['profile']
  if (profileDir) {
    const cpu = readProfile(profileDir)
    profile = loads.map((load) => ({ flow: load.flow, clients: load.clients, ...srpShare(cpu, load.windowUs[0], load.windowUs[1]) }))
    rmSync(profileDir, { recursive: true, force: true })
  }
  return { kind, version: versionOf(kind), setupMsPerUser, loads, probes, profile }
}

function versionOf(kind: ServerKind): string {
  const repo = join(import.meta.dirname, '..')
  if (kind === 'cognito-local') {
    return (JSON.parse(readFileSync(join(repo, 'node_modules', 'cognito-local', 'package.json'), 'utf8')) as { version: string }).version
  }
  if (kind === 'moto') return execFileSync('python3', ['-c', 'import moto; print(moto.__version__)'], { encoding: 'utf8' }).trim()
  return (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version
}

function report(
  coldStarts: ColdStart[],
  startProfile: StartProfile,
  runs: ServerRun[],
  settings: { users: number; seconds: number; levels: number[] },
  missingMoto: string | undefined,
): string {
  const pct = (share: number) => (Number.isFinite(share) ? `${(share * 100).toFixed(0)} %` : '–')
  const oursFast = runs.find((run) => run.kind === 'ours')
  const baseline = (flow: Flow, clients: number) => oursFast?.loads.find((load) => load.flow === flow && load.clients === clients)
  const lines: string[] = []
  lines.push(
    table(
      ['pool', 'version', 'cold start to first answer, ms (median)', 'runs'],
      coldStarts.map((row) => [
        LABELS[row.kind],
        runs.find((run) => run.kind === row.kind)?.version ?? '',
        ms(row.median),
        row.runs.map(ms).join(', '),
      ]),
      ['left', 'left', 'right', 'left'],
    ),
    '',
    'Spawn of the process to its first answered `ListUserPools`, polled every 5 ms. Ours as `npm run emulator` starts it ' +
      '(memory state, the two demo pools with their RSA keys); cognito-local as `npx cognito-local` runs it (without npx), ' +
      'an empty data folder; moto as `moto_server` (`python3 -m moto.server`). One more start of ours under the CPU profiler ' +
      `(${ms(startProfile.ms)} ms) spent ${pct(startProfile.moduleLoading)} of its CPU time loading modules (Node's ESM loader and tsx ` +
      "transpiling the TypeScript sources); the rest is mostly the demo pools' RSA keys and seeding.",
    '',
    table(
      ['pool', 'flow', 'clients', 'flows/s', 'vs this pool', 'pool CPU ms per flow', 'vs this pool', 'failed', 'flows'],
      runs.flatMap((run) =>
        run.loads.map((load) => {
          const base = baseline(load.flow, load.clients)
          const ratio = base && run.kind !== 'ours' ? `${(load.flowsPerSecond / base.flowsPerSecond).toFixed(2)}×` : ''
          const cpuRatio = base && run.kind !== 'ours' ? `${(load.serverCpuMsPerFlow / base.serverCpuMsPerFlow).toFixed(2)}×` : ''
          return [
            LABELS[run.kind],
            FLOW_NAMES[load.flow],
            load.clients,
            load.flowsPerSecond.toFixed(0),
            ratio,
            ms(load.serverCpuMsPerFlow),
            cpuRatio,
            load.failures
              ? `${load.failures} (${Object.entries(load.failureKinds)
                  .map(([kind, count]) => `${kind} ×${count}`)
                  .join(', ')})`
              : 0,
            `${load.flows}${load.ranOutOfCodes ? ' (ran out of unused codes)' : ''}`,
          ]
        }),
      ),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    `Each level runs ${settings.seconds} s: every client signs in, answers the TOTP challenge with the code a phone would show, ` +
      `and starts again, over ${settings.users} users with an authenticator app set up through the API (200 for the pools that take a code twice). The client is raw HTTP ` +
      "(keep-alive `node:http`, no SDK) with SRP computed natively, its ephemeral reused and each user's x cached, so the time " +
      'goes to the pool. "Pool CPU" is the pool process\'s user + system time over the level (from /proc) divided by the flows: ' +
      "steadier than flows/s on a shared machine, where the bench's own client and other work take cores too.",
    '',
    table(
      ['pool', 'flow', 'clients', 'operation', 'p50 ms', 'p99 ms'],
      runs.flatMap((run) =>
        run.loads.flatMap((load) =>
          load.perOperation.map((op) => [LABELS[run.kind], FLOW_NAMES[load.flow], load.clients, op.operation, ms(op.p50), ms(op.p99)]),
        ),
      ),
      ['left', 'left', 'right', 'left', 'right', 'right'],
    ),
  )
  const profiled = runs.filter((run) => run.profile)
  if (profiled.length > 0) {
    lines.push(
      '',
      table(
        ['pool', 'flow', 'clients', "SRP's share of the pool's CPU", 'most self time'],
        profiled.flatMap((run) =>
          run.profile!.map((row) => [
            LABELS[run.kind],
            FLOW_NAMES[row.flow],
            row.clients,
            pct(row.srp),
            row.top
              .slice(0, 3)
              .map((entry) => `${entry.source} ${pct(entry.share)}`)
              .join(', '),
          ]),
        ),
        ['left', 'left', 'right', 'right', 'left'],
      ),
      '',
      "From V8's CPU profile of the pool (`node --cpu-prof`, both pools profiled alike), samples within each level's window: " +
        "SRP is every sample with a frame of emulator/domain/srp.ts on the stack (OpenSSL's exponentiation, called from it, included). " +
        '"Before" is the same pool with `COGNITO_LOCAL_SRP_ARITHMETIC=bigint` (square-and-multiply in BigInt, as before issue 14).',
    )
  }
  lines.push(
    '',
    table(
      ['pool', 'USER_SRP_AUTH', 'wrong TOTP code', 'same code twice'],
      runs.filter((run) => run.kind !== 'ours-bigint').map((run) => [LABELS[run.kind], run.probes.srp, run.probes.wrongCode, run.probes.replay]),
    ),
    '',
    'Asked of each pool in this run. From their sources: cognito-local has no SRP (USER_PASSWORD_AUTH and refresh only) and sets up ' +
      'TOTP only with an access token (no MFA_SETUP during sign-in); moto gives every user the same TOTP secret, checks codes only ' +
      'with `MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true` (set here) and then only in the current 30-second step, and answers ' +
      'USER_SRP_AUTH with a random SRP_B without SRP arithmetic. So the like-for-like row is USER_PASSWORD_AUTH + TOTP.',
  )
  if (missingMoto) lines.push('', `**moto was skipped in this run**: ${missingMoto}.`)
  return lines.join('\n')
}

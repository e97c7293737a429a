// The three local user pools the benchmark compares, each started as its users start it, in its own
// process on a free loopback port with its data in a temporary folder: ours (`npm run emulator`),
// cognito-local (npm) and moto in server mode (Python). Cold start is spawn to the first answered call.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../tests/e2e/harness/app.ts'
import { PoolClient } from './pool-client.ts'

export type ServerKind = 'ours' | 'ours-bigint' | 'cognito-local' | 'moto'

export type StartedServer = {
  kind: ServerKind
  url: string
  /** Spawn to the first answered ListUserPools, ms. */
  coldStartMs: number
  /** CPU time (user + system) the process has used so far, ms (Linux /proc; NaN elsewhere). */
  cpuMs(): number
  /** Ours only (--clock-control): moves the pool's clock on by `ms`; returns the pool's clock minus this machine's. */
  moveClock?(ms: number): Promise<number>
  stop(): Promise<void>
}

const REPO = join(import.meta.dirname, '..')

/** Why moto cannot run here, or undefined when it can (`python3 -c 'import moto.server'`). */
export function motoMissing(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import moto.server'], { encoding: 'utf8' })
  if (probe.error) return `python3 is not installed (${probe.error.message})`
  if (probe.status !== 0) return `python3 cannot import moto.server (${probe.stderr.trim().split('\n').pop() ?? ''})`
  return undefined
}

export type StartOptions = {
  /** Ours only: the extra arguments of emulator/main.ts (e.g. --no-seed). */
  args?: string[]
  /** Ours only: write a V8 CPU profile into this folder when the process exits (bench/cpu-profile.ts). */
  cpuProfileDir?: string
}

export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<StartedServer> {
  const dir = mkdtempSync(join(tmpdir(), `bench-${kind}-`))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = spawnServer(kind, port, dir, options)
  let exited = false
  const output: string[] = []
  child.stderr?.setEncoding('utf8').on('data', (text: string) => output.push(text))
  child.once('exit', () => (exited = true))
  const client = new PoolClient(url, 1)
  try {
    for (;;) {
      if (exited) throw new Error(`${kind} exited before answering:\n${output.join('').slice(-2000)}`)
      if (performance.now() - started > 60_000) throw new Error(`${kind} did not answer within 60 s`)
      const reply = await client.call('ListUserPools', { MaxResults: 1 }).catch(() => undefined)
      if (reply?.ok) break
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  } catch (error) {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  } finally {
    client.close()
  }
  const coldStartMs = performance.now() - started
  return {
    kind,
    url,
    coldStartMs,
    cpuMs: () => processCpuMs(child.pid!),
    moveClock: kind.startsWith('ours') ? (ms) => moveClock(url, ms) : undefined,
    stop: () => stop(child, exited).finally(() => rmSync(dir, { recursive: true, force: true })),
  }
}

function spawnServer(kind: ServerKind, port: number, dir: string, options: StartOptions): ChildProcess {
  const stdio: ['ignore', 'ignore', 'pipe'] = ['ignore', 'ignore', 'pipe']
  switch (kind) {
    case 'ours':
    case 'ours-bigint': {
      const profile = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : []
      // ours-bigint: the same pool with SRP's BigInt square-and-multiply (emulator/domain/srp.ts), the "before".
      const env = { ...process.env, NODE_ENV: 'production', COGNITO_LOCAL_SRP_ARITHMETIC: kind === 'ours-bigint' ? 'bigint' : '' }
      const args = [...profile, '--import', 'tsx', 'emulator/main.ts', '--port', String(port), '--clock-control', ...(options.args ?? [])]
      return spawn(process.execPath, args, { cwd: REPO, env, stdio })
    }
    case 'cognito-local':
      // What `npx cognito-local` runs, without npx's own start-up; its data folder is cwd/.cognito.
      return spawn(process.execPath, [join(REPO, 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js')], {
        cwd: dir,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
        stdio,
      })
    case 'moto':
      // TOTP codes are checked only when asked (moto's settings.py); asked, so it does the work the others do.
      return spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
        cwd: dir,
        env: { ...process.env, MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP: 'true' },
        stdio,
      })
  }
}

async function moveClock(url: string, ms: number): Promise<number> {
  const response = await fetch(`${url}/_local/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  })
  const { now } = (await response.json()) as { now: number }
  return now - Date.now()
}

function stop(child: ChildProcess, exited: boolean): Promise<void> {
  if (exited || child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** utime + stime of a process, from /proc/<pid>/stat (clock ticks of 10 ms on Linux). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return NaN
  }
}

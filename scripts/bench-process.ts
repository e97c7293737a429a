// The local pool as `npm start` runs it, in a child process of its own for the soak and growth
// measurements: with a temporary --state file, on a free loopback port, so its RSS is the
// emulator's alone (the bench's own clients and SRP arithmetic are not counted in it).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export type DemoPool = { userPoolId: string; clientId: string }

export type EmulatorProcess = {
  url: string
  pid: number
  /** The demo pools in the order the emulator printed them (MFA optional first). */
  pools: DemoPool[]
  statePath: string
  /** Every line the emulator printed since it started (confirmation codes among them). */
  lines: string[]
  /** Resident set size in MiB, as the OS reports it. */
  rssMiB(): number
  /** The state file and its journal, in bytes. */
  stateBytes(): number
  stop(): Promise<void>
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.'

export async function startEmulatorProcess(extraArgs: string[] = []): Promise<EmulatorProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-bench-'))
  const statePath = join(dir, 'state.json')
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', '0', '--state', statePath, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines: string[] = []
  const url = await new Promise<string>((resolve, reject) => {
    // Read every line, also after READY: an undrained pipe would stall the emulator once it fills.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line)
      const ready = /^READY (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)
      if (ready) resolve(ready[1])
    })
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before READY`)))
  })
  const pools: DemoPool[] = []
  for (const [index, line] of lines.entries()) {
    const poolId = /UserPoolId (\S+)/.exec(line)?.[1]
    const clientId = /ClientId\s+(\S+)/.exec(lines[index + 1] ?? '')?.[1]
    if (poolId && clientId) pools.push({ userPoolId: poolId, clientId })
  }
  const pid = child.pid!
  return {
    url,
    pid,
    pools,
    statePath,
    lines,
    // `ps` reports kilobytes on Linux and macOS alike.
    rssMiB: () => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024,
    stateBytes: () => stateFilesBytes(statePath),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true })
          resolve()
        })
        child.kill('SIGTERM')
      }),
  }
}

/** The state file and its journal (`<state>.journal`), together. */
export function stateFilesBytes(statePath: string): number {
  return [statePath, `${statePath}.journal`].reduce((sum, path) => sum + (existsSync(path) ? statSync(path).size : 0), 0)
}

export type CallResult = { ok: boolean; status: number; body: Record<string, unknown>; ms: number }

/** One Cognito JSON call as the AWS SDK sends it (no Origin: not a browser). */
export async function cognitoCall(url: string, operation: string, input: object): Promise<CallResult> {
  const started = performance.now()
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET_PREFIX}${operation}` },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as Record<string, unknown>
  return { ok: response.ok, status: response.status, body, ms: performance.now() - started }
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

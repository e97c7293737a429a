// The machine a benchmark ran on, stated first in docs/benchmarks.md: figures from another machine
// (or from this one under load) are not comparable, so the report says what it was.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem, type } from 'node:os'
import { CHROMIUM_PATH } from '../tests/e2e/harness/chromium.ts'

export type Machine = {
  cores: number
  cpuModel: string
  memoryGiB: number
  os: string
  node: string
  chromium: string
  /** 1-, 5- and 15-minute load averages when the run started (other work on the machine skews timings). */
  loadAverage: number[]
}

export function describeMachine(): Machine {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${osName()} (${type()} ${release()})`,
    node: process.version,
    chromium: chromiumVersion(),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  }
}

export function machineMarkdown(machine: Machine): string {
  return [
    '| machine | |',
    '|---|---|',
    `| cores | ${machine.cores} |`,
    `| CPU | ${machine.cpuModel} |`,
    `| memory | ${machine.memoryGiB} GiB |`,
    `| OS | ${machine.os} |`,
    `| Node | ${machine.node} |`,
    `| Chromium | ${machine.chromium} |`,
    `| load average at start (1, 5, 15 min) | ${machine.loadAverage.join(', ')} |`,
  ].join('\n')
}

function osName(): string {
  if (!existsSync('/etc/os-release')) return type()
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))
  return pretty?.[1] ?? type()
}

function chromiumVersion(): string {
  try {
    // Debian's wrapper script prints shell noise on stderr: only stdout is the version.
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return `not found at ${CHROMIUM_PATH}`
  }
}

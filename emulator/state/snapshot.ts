import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, openSync, fsyncSync, closeSync } from 'node:fs'
import { dirname } from 'node:path'
import type { PersistentState } from './model.ts'

export class CorruptStateError extends Error {
  constructor(path: string, reason: string) {
    super(`The state file ${path} cannot be read (${reason}). It was left untouched; move it away or fix it, then start again.`)
    this.name = 'CorruptStateError'
  }
}

/** Reads a state file; undefined when there is none yet. A damaged file is an error, never silently replaced. */
export function loadSnapshot(path: string): PersistentState | undefined {
  if (!existsSync(path)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new CorruptStateError(path, error instanceof Error ? error.message : 'not JSON')
  }
  if (!isState(parsed)) throw new CorruptStateError(path, 'not a state file of this emulator')
  return parsed
}

/**
 * Writes the whole state to a temp file beside the target, flushes it, then renames it
 * over the target: rename is atomic on one file system, so a kill at any moment leaves
 * either the old file or the new one, never a torn one.
 */
export function saveSnapshot(path: string, state: PersistentState): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.tmp`
  const fd = openSync(temp, 'w', 0o600)
  try {
    writeFileSync(fd, JSON.stringify(state))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, path)
}

function isState(value: unknown): value is PersistentState {
  if (typeof value !== 'object' || value === null) return false
  const state = value as Record<string, unknown>
  return (
    state.version === 1 &&
    records(state.pools, ['id']) &&
    records(state.clients, ['clientId', 'poolId']) &&
    records(state.users, ['poolId', 'username', 'sub']) &&
    records(state.refreshTokens, ['token', 'poolId', 'sub'])
  )
}

// The store indexes records by these keys: a record without them would break it at start-up.
function records(value: unknown, keys: string[]): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (record: unknown) =>
        typeof record === 'object' && record !== null && keys.every((key) => typeof (record as Record<string, unknown>)[key] === 'string'),
    )
  )
}

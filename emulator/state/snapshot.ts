import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { z } from 'zod'
import { stateSchema, type StateFile } from './schema.ts'

export class CorruptStateError extends Error {
  constructor(path: string, reason: string) {
    super(`The state file ${path} cannot be read (${reason}). It was left untouched; move it away or fix it, then start again.`)
    this.name = 'CorruptStateError'
  }
}

/** Reads a state file; undefined when there is none yet. A damaged file is an error, never silently replaced. */
export function loadSnapshot(path: string): StateFile | undefined {
  if (!existsSync(path)) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new CorruptStateError(path, error instanceof Error ? error.message : 'not JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || (parsed as { version?: unknown }).version !== 1) {
    throw new CorruptStateError(path, 'not a state file of this emulator')
  }
  return checkState(parsed, (reason) => new CorruptStateError(path, reason))
}

/**
 * The whole state checked against the schema (schema.ts), and the references between records (a
 * client's pool exists …), so what starts can serve every sign-in. The error names the first bad
 * records: list, index, the record's id, the member.
 */
export function checkState(value: unknown, fail: (reason: string) => Error): StateFile {
  const result = stateSchema.safeParse(value)
  if (!result.success) throw fail(describeIssues(value, result.error.issues))
  const problems = references(result.data)
  if (problems.length > 0) throw fail(problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : ''))
  return result.data
}

function describeIssues(value: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const [list, index, ...member] = issue.path
    if (issue.path.length === 0 && issue.code === 'unrecognized_keys') {
      return `unknown top-level member${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} (a file from another version of the emulator?)`
    }
    if (typeof list !== 'string' || typeof index !== 'number') return `${issue.path.join('.') || 'the file'}: ${issue.message}`
    const record = (value as Record<string, unknown[]>)[list]?.[index]
    const where = member.length > 0 ? member.join('.') : 'the record'
    const unknown = issue.code === 'unrecognized_keys' ? ` ${issue.keys.join(', ')}` : ''
    return `${list}[${index}]${recordName(list, record)}: ${where}: ${issue.message}${unknown}`
  })
  return shown.join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '')
}

/** How a person finds the record in the file: its id, or username and pool. */
export function recordName(list: string, record: unknown): string {
  if (typeof record !== 'object' || record === null) return ''
  const fields = record as Record<string, unknown>
  const named = (key: string) => (typeof fields[key] === 'string' ? `${key} ${JSON.stringify(fields[key])}` : undefined)
  const keys: Record<string, string[]> = {
    pools: ['id'],
    clients: ['clientId'],
    users: ['username', 'poolId'],
    refreshTokens: ['originJti', 'poolId'],
    groups: ['name', 'poolId'],
  }
  const parts = (keys[list] ?? []).map(named).filter((part) => part !== undefined)
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}

function references(state: StateFile): string[] {
  const problems: string[] = []
  const pools = new Set<string>()
  const clients = new Set<string>()
  const users = new Set<string>()
  const tokens = new Set<string>()
  state.pools.forEach((pool, i) => {
    if (pools.has(pool.id)) problems.push(`pools[${i}]${recordName('pools', pool)}: id: another pool has the same id`)
    pools.add(pool.id)
  })
  state.clients.forEach((client, i) => {
    const name = `clients[${i}]${recordName('clients', client)}`
    if (clients.has(client.clientId)) problems.push(`${name}: clientId: another client has the same id`)
    if (!pools.has(client.poolId)) problems.push(`${name}: poolId: no pool ${client.poolId} in the file`)
    clients.add(client.clientId)
  })
  state.users.forEach((user, i) => {
    const name = `users[${i}]${recordName('users', user)}`
    const key = `${user.poolId}\u0000${user.username}`
    if (users.has(key)) problems.push(`${name}: username: another user of the pool has the same username`)
    if (!pools.has(user.poolId)) problems.push(`${name}: poolId: no pool ${user.poolId} in the file`)
    users.add(key)
  })
  state.refreshTokens.forEach((token, i) => {
    const name = `refreshTokens[${i}]${recordName('refreshTokens', token)}`
    if (tokens.has(token.token)) problems.push(`${name}: token: another refresh token record has the same token`)
    if (!pools.has(token.poolId)) problems.push(`${name}: poolId: no pool ${token.poolId} in the file`)
    if (!clients.has(token.clientId)) problems.push(`${name}: clientId: no client ${token.clientId} in the file`)
    tokens.add(token.token)
  })
  const groups = new Set<string>()
  ;(state.groups ?? []).forEach((group, i) => {
    const name = `groups[${i}]${recordName('groups', group)}`
    const key = `${group.poolId}\u0000${group.name}`
    if (groups.has(key)) problems.push(`${name}: name: another group of the pool has the same name`)
    if (!pools.has(group.poolId)) problems.push(`${name}: poolId: no pool ${group.poolId} in the file`)
    groups.add(key)
  })
  return problems
}

/**
 * Writes `content` to a temp file beside `path`, flushes it, then renames it over `path`: rename is
 * atomic on one file system, so a kill at any moment leaves either the old file or the new one, never
 * a torn one. The folder is flushed too, so the rename itself survives a power cut.
 */
export function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = tempPath(path)
  try {
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeFileSync(fd, content)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (error) {
    // A failed save must not leave a copy of the secrets behind (a kill -9 can: removed at the next start).
    rmSync(temp, { force: true })
    throw error
  }
  syncFolder(dirname(path))
}

/** Writes the whole state atomically (writeAtomically). */
export function saveSnapshot(path: string, state: StateFile): void {
  writeAtomically(path, JSON.stringify(state))
}

export function tempPath(path: string): string {
  return `${path}.${process.pid}.tmp`
}

/**
 * Removes the temp files a killed emulator left beside `path` (`<name>.<pid>.tmp`, and the journal's
 * `<name>.journal.<pid>.tmp`): each holds TOTP secrets and signing keys. Only files named after this
 * state file are touched. Returns their names.
 */
export function removeLeftovers(path: string): string[] {
  const folder = dirname(path)
  if (!existsSync(folder)) return []
  const name = basename(path)
  const ours = new RegExp(`^${escapeRegExp(name)}(?:\\.journal)?\\.\\d+\\.tmp$`)
  const removed = readdirSync(folder).filter((entry) => ours.test(entry))
  for (const entry of removed) rmSync(join(folder, entry), { force: true })
  return removed
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function syncFolder(folder: string): void {
  // Not every platform can open a folder for fsync (Windows cannot); the rename is still atomic there.
  let fd: number | undefined
  try {
    fd = openSync(folder, 'r')
    fsyncSync(fd)
  } catch {
    // best effort, see above
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

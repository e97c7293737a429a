import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { z } from 'zod'
import type { ClientRecord, GroupRecord, PersistentState, PoolRecord, RefreshRecord, UserRecord } from './model.ts'
import { clientSchema, groupSchema, poolSchema, refreshSchema, userSchema } from './schema.ts'
import { CorruptStateError, recordName, writeAtomically } from './snapshot.ts'

/**
 * What one committed request changed: the records it put (whole, as they are now) and the keys of
 * those it removed. One line of the journal.
 */
export type StateChange = {
  put: { pools?: PoolRecord[]; clients?: ClientRecord[]; users?: UserRecord[]; refreshTokens?: RefreshRecord[]; groups?: GroupRecord[] }
  remove: { pools?: string[]; clients?: string[]; users?: UserKey[]; refreshTokens?: string[]; groups?: GroupKey[] }
}
export type UserKey = { poolId: string; username: string }
export type GroupKey = { poolId: string; name: string }

const changeSchema = z.strictObject({
  put: z.strictObject({
    pools: z.array(poolSchema).optional(),
    clients: z.array(clientSchema).optional(),
    users: z.array(userSchema).optional(),
    refreshTokens: z.array(refreshSchema).optional(),
    groups: z.array(groupSchema).optional(),
  }),
  remove: z.strictObject({
    pools: z.array(z.string()).optional(),
    clients: z.array(z.string()).optional(),
    users: z.array(z.strictObject({ poolId: z.string(), username: z.string() })).optional(),
    refreshTokens: z.array(z.string()).optional(),
    groups: z.array(z.strictObject({ poolId: z.string(), name: z.string() })).optional(),
  }),
})
const headerSchema = z.strictObject({ journal: z.literal(1), id: z.string().min(1) })

/**
 * The journal beside a snapshot (docs/decisions/013-local-pool-journal.md): a header line naming it,
 * then one line per committed request. A line is `<crc32 of the JSON, 8 hex digits> <JSON>\n`, written
 * and fsynced before the request is answered; a line that is not whole (no newline, wrong checksum)
 * can only be the last one, cut by a kill while it was written, so it was never acknowledged.
 */
export function frame(value: object): string {
  const json = JSON.stringify(value)
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`
}

export type ReadJournal = {
  /** The changes to apply over the snapshot, oldest first; empty when the journal belongs to an older snapshot. */
  changes: StateChange[]
  /** The journal was cut inside its last line (a kill while writing it). */
  tornTail: boolean
}

/**
 * Reads the journal of the snapshot whose journalId is `journalId`. A journal with another id is
 * left over from before the last compaction (the snapshot already holds its changes): ignored.
 */
export function readJournal(path: string, journalId: string | undefined): ReadJournal {
  if (!existsSync(path) || journalId === undefined) return { changes: [], tornTail: false }
  const text = readFileSync(path, 'utf8')
  const lines = text.split('\n')
  // After the last "\n" comes either nothing or a line cut short.
  const cut = lines.pop() !== ''
  const payloads: unknown[] = []
  let tornTail = cut
  for (const [index, line] of lines.entries()) {
    const payload = unframe(line)
    if (payload !== undefined) {
      payloads.push(payload)
      continue
    }
    // A whole line with a bad checksum is a torn write only as the very last line (e.g. the file's new
    // length reached the disk before all its bytes did); anywhere else the file was damaged.
    if (index === lines.length - 1 && !cut) {
      tornTail = true
      break
    }
    throw new CorruptStateError(path, `line ${index + 1} is damaged (checksum or JSON)`)
  }
  if (payloads.length === 0) return { changes: [], tornTail }
  const header = headerSchema.safeParse(payloads[0])
  if (!header.success) throw new CorruptStateError(path, 'line 1 is not a journal header')
  if (header.data.id !== journalId) return { changes: [], tornTail: false }
  const changes = payloads.slice(1).map((payload, i) => {
    const result = changeSchema.safeParse(payload)
    if (result.success) return result.data
    const issue = result.error.issues[0]
    const [kind, list, index, ...member] = issue.path
    const record = typeof list === 'string' && typeof index === 'number' ? (payload as StateChange).put[list as 'users']?.[index] : undefined
    const where = `${String(kind ?? '')}${list === undefined ? '' : ` ${String(list)}`}${index === undefined ? '' : `[${String(index)}]`}`
    throw new CorruptStateError(
      path,
      `line ${i + 2}: ${where}${recordName(String(list), record)}${member.length > 0 ? `: ${member.join('.')}` : ''}: ${issue.message}`,
    )
  })
  return { changes, tornTail }
}

function unframe(line: string): unknown {
  const match = /^([0-9a-f]{8}) (.*)$/s.exec(line)
  if (!match || crc32(match[2]).toString(16).padStart(8, '0') !== match[1]) return undefined
  try {
    return JSON.parse(match[2]) as unknown
  } catch {
    return undefined
  }
}

/** The snapshot's records with the journal's changes applied in order, as the store held them. */
export function applyChanges(state: PersistentState, changes: readonly StateChange[]): PersistentState {
  const pools = new Map(state.pools.map((pool) => [pool.id, pool]))
  const clients = new Map(state.clients.map((client) => [client.clientId, client]))
  const users = new Map(state.users.map((user) => [userKey(user), user]))
  const tokens = new Map(state.refreshTokens.map((token) => [token.token, token]))
  const groups = new Map((state.groups ?? []).map((group) => [groupKey(group), group]))
  for (const change of changes) {
    for (const group of change.put.groups ?? []) groups.set(groupKey(group), group)
    for (const group of change.remove.groups ?? []) groups.delete(groupKey(group))
    for (const pool of change.put.pools ?? []) pools.set(pool.id, pool)
    for (const client of change.put.clients ?? []) clients.set(client.clientId, client)
    for (const user of change.put.users ?? []) users.set(userKey(user), user)
    for (const token of change.put.refreshTokens ?? []) tokens.set(token.token, token)
    for (const id of change.remove.pools ?? []) pools.delete(id)
    for (const id of change.remove.clients ?? []) clients.delete(id)
    for (const user of change.remove.users ?? []) users.delete(userKey(user))
    for (const token of change.remove.refreshTokens ?? []) tokens.delete(token)
  }
  return {
    version: 1,
    pools: [...pools.values()],
    clients: [...clients.values()],
    users: [...users.values()],
    refreshTokens: [...tokens.values()],
    ...(groups.size > 0 ? { groups: [...groups.values()] } : {}),
  }
}

function userKey(user: UserKey): string {
  return `${user.poolId}\u0000${user.username}`
}

function groupKey(group: GroupKey): string {
  return `${group.poolId}\u0000${group.name}`
}

/** Appends changes to a journal; each `append` is on disk (fsynced) when it returns. */
export class JournalWriter {
  private fd: number
  private length: number

  /** Starts a new, empty journal named `id` in place of whatever was at `path` (atomically). */
  static create(path: string, id: string): JournalWriter {
    writeAtomically(path, frame({ journal: 1, id }))
    return new JournalWriter(path)
  }

  private constructor(readonly path: string) {
    this.fd = openSync(path, 'r+')
    this.length = fstatSync(this.fd).size
  }

  get size(): number {
    return this.length
  }

  /**
   * Writes one line at the end and flushes it. When that fails the journal is cut back to where it
   * was, so a line the client was told failed is never replayed; when even that fails, this throws
   * `JournalBrokenError` and the caller must start a new journal (a compaction) before the next write.
   */
  append(change: StateChange): void {
    const bytes = Buffer.from(frame(change), 'utf8')
    try {
      // At an explicit position, not in append mode: after a failed write cut back, the next line
      // lands exactly where the failed one began.
      let written = 0
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.length + written)
      fsyncSync(this.fd)
      this.length += bytes.length
    } catch (error) {
      try {
        ftruncateSync(this.fd, this.length)
        fsyncSync(this.fd)
      } catch {
        throw new JournalBrokenError(error)
      }
      throw error
    }
  }

  close(): void {
    closeSync(this.fd)
  }
}

export class JournalBrokenError extends Error {
  constructor(readonly failure: unknown) {
    super(`The journal could not be written nor cut back: ${failure instanceof Error ? failure.message : String(failure)}`)
    this.name = 'JournalBrokenError'
  }
}

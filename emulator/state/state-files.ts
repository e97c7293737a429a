import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { applyChanges, JournalBrokenError, JournalWriter, readJournal, type StateChange } from './journal.ts'
import type { PersistentState } from './model.ts'
import { checkState, CorruptStateError, loadSnapshot, removeLeftovers, saveSnapshot } from './snapshot.ts'

export type CompactionLimits = {
  /** Below this the journal is never compacted: replaying a small one costs nothing. */
  minBytes: number
  /** Compacted once it is this many times the snapshot's size: each write then pays O(1) amortised. */
  ratio: number
}
const DEFAULT_LIMITS: CompactionLimits = { minBytes: 1024 * 1024, ratio: 2 }

export type OpenedState = {
  files: StateFiles
  /** What the last acknowledged write left, undefined when there is no state file yet. */
  state: PersistentState | undefined
  /** Temp files of a killed emulator that were removed. */
  leftovers: string[]
  /** The journal ended in a line cut short by a kill (never acknowledged, so dropped). */
  tornTail: boolean
}

/**
 * A state file and its journal (docs/decisions/013-local-pool-journal.md). A committed request
 * appends one fsynced line to `<state>.journal`, whatever the pool's size; at start and when the
 * journal has grown past the snapshot, the snapshot is rewritten whole (atomically) under a new
 * journal id and the journal restarts empty under that id.
 */
export class StateFiles {
  private journal: JournalWriter | undefined
  private snapshotBytes = 0
  /** A failed append could not be cut back: the journal may hold a line the client was told failed. */
  private broken = false

  private constructor(
    readonly path: string,
    private limits: CompactionLimits,
  ) {}

  get journalPath(): string {
    return `${this.path}.journal`
  }

  /**
   * Takes the state file's lock, removes a killed emulator's temp files, then loads the snapshot and
   * replays its journal over it.
   */
  static open(path: string, limits: CompactionLimits = DEFAULT_LIMITS): OpenedState {
    const files = new StateFiles(path, limits)
    lock(files.lockPath, path)
    try {
      const leftovers = removeLeftovers(path)
      const snapshot = loadSnapshot(path)
      if (!snapshot) return { files, state: undefined, leftovers, tornTail: false }
      const { changes, tornTail } = readJournal(files.journalPath, snapshot.journalId)
      const { journalId: _id, ...records } = snapshot
      // The replayed state is checked whole again: a journal line may reference what another removed.
      const state =
        changes.length > 0
          ? checkState(applyChanges(records, changes), (reason) => new CorruptStateError(path, `after its journal: ${reason}`))
          : records
      return { files, state, leftovers, tornTail }
    } catch (error) {
      files.close()
      throw error
    }
  }

  /**
   * Deletes the state file, its journal and any temp files a killed emulator left, so the next start
   * seeds a fresh pool (`npm run reset`). Takes the lock first: while an emulator holds the state it
   * throws StateInUseError and deletes nothing, or that emulator would write its pools back.
   * Returns whether there was any state to delete.
   */
  static remove(path: string): boolean {
    const files = new StateFiles(path, DEFAULT_LIMITS)
    lock(files.lockPath, path)
    try {
      removeLeftovers(path)
      const existed = existsSync(path) || existsSync(files.journalPath)
      rmSync(path, { force: true })
      rmSync(files.journalPath, { force: true })
      return existed
    } finally {
      rmSync(files.lockPath, { force: true })
    }
  }

  get lockPath(): string {
    return `${this.path}.lock`
  }

  /** Writes `state` as the new snapshot and starts an empty journal for it. */
  compact(state: PersistentState): void {
    const journalId = randomUUID()
    // Snapshot first: killed between the two, the old journal's id no longer matches and it is ignored
    // (the new snapshot holds all it said).
    saveSnapshot(this.path, { ...state, journalId })
    // From here `state` is durable: the snapshot holds it whole, and the old journal (another id) is ignored.
    this.snapshotBytes = statSync(this.path).size
    this.journal?.close()
    this.journal = undefined
    this.broken = false
    try {
      this.journal = JournalWriter.create(this.journalPath, journalId)
    } catch {
      // No journal for now: the next write compacts again. Not an error for the caller, whose change
      // the snapshot already holds (answering 500 for it would put memory and disk at odds).
    }
  }

  /** A failed append could not be cut back: until a compaction, the journal may hold a line that was answered 500. */
  get isBroken(): boolean {
    return this.broken
  }

  /** Makes one request's changes durable; throws when they could not be written (nothing was then kept). */
  commit(change: StateChange, current: () => PersistentState): void {
    if (this.broken || !this.journal) {
      // The journal cannot be trusted: the whole state (memory holds this request's changes) replaces it.
      this.compact(current())
      return
    }
    try {
      this.journal.append(change)
    } catch (error) {
      if (error instanceof JournalBrokenError) {
        this.broken = true
        throw error.failure
      }
      throw error
    }
  }

  /** The journal has outgrown the snapshot enough that rewriting the snapshot pays for itself. */
  wantsCompaction(): boolean {
    return this.journal !== undefined && this.journal.size > Math.max(this.limits.minBytes, this.limits.ratio * this.snapshotBytes)
  }

  /** Closes the journal and gives the lock back. */
  close(): void {
    this.journal?.close()
    this.journal = undefined
    rmSync(this.lockPath, { force: true })
  }
}

export class StateInUseError extends Error {
  constructor(path: string, pid: number, lockPath: string) {
    super(
      `The state file ${path} is in use by another emulator (process ${pid}, named in ${lockPath}). Stop it first; if process ${pid} is no emulator, delete ${lockPath}.`,
    )
    this.name = 'StateInUseError'
  }
}

/**
 * One emulator per state file: a second one would compact the snapshot and replace the journal under
 * the first, whose later writes would go to a journal no longer on disk. The lock file holds the
 * owner's pid; one left by a killed emulator (no such process, or this very pid reused) is taken over.
 */
function lock(lockPath: string, path: string): void {
  mkdirSync(dirname(lockPath), { recursive: true })
  for (;;) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx', mode: 0o600 })
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10)
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) throw new StateInUseError(path, owner, lockPath)
    rmSync(lockPath, { force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

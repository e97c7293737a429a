import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { invalidParameter, notAuthorized } from '../errors.ts'
import type { Clock } from '../state/clock.ts'
import type { Decoy } from './unknown-users.ts'

export type ChallengeName =
  | 'PASSWORD_VERIFIER'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SMS_MFA'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'NEW_PASSWORD_REQUIRED'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'

export const challengeNames: readonly ChallengeName[] = [
  'PASSWORD_VERIFIER',
  'SOFTWARE_TOKEN_MFA',
  'SMS_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'NEW_PASSWORD_REQUIRED',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
]

/** MFA_SETUP runs in three steps, each with its own session (docs/cognito-behaviour.md#challenge-sessions). */
export type MfaSetupStage = 'associate' | 'verify' | 'verified'

export type SessionRecord = Readonly<{
  id: string
  poolId: string
  clientId: string
  sub: string
  challenge: ChallengeName
  expiresAt: number
  /** Wrong MFA codes keep the session until this many have been tried (docs/cognito-behaviour.md#challenge-sessions). */
  triesLeft: number
  used: boolean
  authTime?: number
  srp?: Readonly<{ aHex: string; bHex: string; BHex: string; secretBlock: string }>
  /**
   * The decoy of a name the pool does not know; `sub` is then empty (docs/cognito-behaviour.md#unknown-users).
   * The decoy, not the name: it has a fixed size, where a USERNAME may be 131,072 characters long.
   */
  unknown?: Decoy
  mfaSetupStage?: MfaSetupStage
  smsCode?: string
  canChoose?: readonly string[]
  /** The confirmed device the sign-in named with DEVICE_KEY, to be proven by device SRP (docs/cognito-behaviour.md#remembered-devices). */
  deviceKey?: string
}>

const MAX_CODE_TRIES = 5

/**
 * At most this many sessions are held, pending, spent or expired alike; issuing one more evicts the
 * oldest (docs/cognito-behaviour.md#pending-session-cap). A session holds 3 to 5 KB (its SRP numbers and
 * id): 20,000 unanswered sign-in starts added 58 to 95 MB of RSS before the cap, and the RSS levels off
 * after about 5,000 with it. 1,000 is far above what the people and tests on one machine keep open at once.
 */
export const MAX_SESSIONS = 1000
/** Spent and expired records are kept this long after expiry, for the precise error. */
const RETAIN_AFTER_EXPIRY_MS = 15 * 60_000
// Session id: 54 random bytes and the expiry (6 bytes, ms) as 80 base64url characters, then 24 bytes
// of HMAC under a per-process key as 32 more. An evicted id is then still known as ours and its
// expiry read from it, without remembering anything of it.
const RANDOM_BYTES = 54
const PAYLOAD_CHARS = 80
const MAC_BYTES = 24
const ID_CHARS = PAYLOAD_CHARS + 32
// SECRET_BLOCK: the same random bytes, expiry and MAC, as 84 raw bytes (the client signs the bytes it
// decodes from base64, docs/cognito-behaviour.md#srp-exchange), so an evicted block is known as ours too.
const BLOCK_PAYLOAD_BYTES = RANDOM_BYTES + 6
const BLOCK_BYTES = BLOCK_PAYLOAD_BYTES + MAC_BYTES
const BLOCK_LABEL = 'secret-block\u0000'

/**
 * Challenge sessions, in memory only: they live for minutes, so a restart simply
 * lapses them, as a real pool's would. Each is bound to pool, client, user and the
 * challenge it expects, is single use, and expires after the client's AuthSessionValidity.
 */
export class Sessions {
  /** In the order issued (a Map keeps insertion order; replacing a record keeps its place): oldest first. */
  private records = new Map<string, SessionRecord>()
  /**
   * SECRET_BLOCK → session id, for PASSWORD_VERIFIER answers sent without a Session: the block the pool
   * issued then names the login (docs/cognito-behaviour.md#respondtoauthchallenge, ADR 021).
   */
  private bySecretBlock = new Map<string, string>()
  /** While a request runs: how to undo each change, as Store.begin does for the records it keeps. */
  private undo: Array<() => void> | undefined
  private readonly idKey = randomBytes(32)
  private readonly maxSessions: number

  constructor(
    private clock: Clock,
    { maxSessions = MAX_SESSIONS }: { maxSessions?: number } = {},
  ) {
    this.maxSessions = maxSessions
  }

  /**
   * A request whose changes cannot be saved answers 500 (nothing happened): the sessions it spent,
   * tried or issued go back too, so the client can retry the same step (server.ts).
   */
  begin(): void {
    this.undo = []
  }

  commit(): void {
    this.undo = undefined
  }

  rollback(): void {
    const undo = this.undo ?? []
    this.undo = undefined
    for (const step of undo.reverse()) step()
  }

  private put(record: SessionRecord): void {
    if (this.undo) {
      const before = this.records.get(record.id)
      this.undo.push(() => (before === undefined ? this.remove(record.id) : this.records.set(record.id, before)))
    }
    this.records.set(record.id, record)
    if (record.srp && record.challenge === 'PASSWORD_VERIFIER') this.bySecretBlock.set(record.srp.secretBlock, record.id)
  }

  /** Forgets a record and the SECRET_BLOCK that names it. */
  private remove(id: string): void {
    const record = this.records.get(id)
    if (record?.srp && this.bySecretBlock.get(record.srp.secretBlock) === id) this.bySecretBlock.delete(record.srp.secretBlock)
    this.records.delete(id)
  }

  /**
   * A SECRET_BLOCK for a PASSWORD_VERIFIER challenge that will live `validityMinutes`, as unguessable as a
   * session id (54 random bytes) and carrying its expiry under the same per-process MAC. It names the
   * session it is issued with (`issue` with `srp.secretBlock`), and is spent and expires with it.
   */
  newSecretBlock(validityMinutes: number): string {
    const payload = Buffer.alloc(BLOCK_PAYLOAD_BYTES)
    randomBytes(RANDOM_BYTES).copy(payload)
    payload.writeUIntBE(this.clock.now() + validityMinutes * 60_000, RANDOM_BYTES, 6)
    return Buffer.concat([payload, this.blockMac(payload)]).toString('base64')
  }

  issue(fields: Omit<SessionRecord, 'id' | 'expiresAt' | 'triesLeft' | 'used'>, validityMinutes: number): SessionRecord {
    this.prune()
    for (const oldest of this.records.keys()) {
      if (this.records.size < this.maxSessions) break
      this.remove(oldest)
    }
    const expiresAt = this.clock.now() + validityMinutes * 60_000
    const record: SessionRecord = { ...fields, id: this.newId(expiresAt), expiresAt, triesLeft: MAX_CODE_TRIES, used: false }
    // An eviction is not undone with the request: the evicted session answers as expired either way.
    this.put(record)
    return record
  }

  /** Forgets every session of a pool, or of one of its clients: DeleteUserPool and DeleteUserPoolClient. */
  forget(match: { poolId: string; clientId?: string }): void {
    const doomed = [...this.records.values()].filter(
      (record) => record.poolId === match.poolId && (match.clientId === undefined || record.clientId === match.clientId),
    )
    if (doomed.length === 0) return
    if (this.undo) {
      // Both maps as they were, so a rollback also gives back each record's place in the eviction order.
      const records = new Map(this.records)
      const bySecretBlock = new Map(this.bySecretBlock)
      this.undo.push(() => {
        this.records = records
        this.bySecretBlock = bySecretBlock
      })
    }
    // As the cap and pruning remove them: with the SECRET_BLOCK that names them.
    for (const record of doomed) this.remove(record.id)
  }

  /** How many sessions are held (pending, spent or expired), for the cap's tests and measurements. */
  get size(): number {
    return this.records.size
  }

  /**
   * The same session goes on to the next step: its id stays, its expiry too. Only DEVICE_SRP_AUTH after
   * an MFA answer does this, because amazon-cognito-identity-js answers that challenge with the session
   * it sent the code with (sendMFACode keeps `this.Session`), while Amplify takes the one returned; the
   * same id serves both (our choice, emulator/README.md). The MFA step cannot be answered again: the
   * record now expects the device.
   */
  continueAs(previous: SessionRecord, changes: Partial<SessionRecord>): SessionRecord {
    const { srp: _srp, ...rest } = { ...this.current(previous), ...changes }
    const record: SessionRecord = { ...rest, ...(changes.srp ? { srp: changes.srp } : {}), triesLeft: MAX_CODE_TRIES, used: false }
    this.put(record)
    return record
  }

  /** Replaces `previous` by a new session for the next step; the old one is spent. */
  next(previous: SessionRecord, changes: Partial<SessionRecord>, validityMinutes: number): SessionRecord {
    this.spend(previous)
    // The SRP numbers and SECRET_BLOCK belong to the step they were issued for: the block must not name a
    // later step. Only a step that brings its own (DEVICE_PASSWORD_VERIFIER) has them.
    const { id: _id, expiresAt: _expires, triesLeft: _tries, used: _used, srp: _srp, ...rest } = { ...previous, ...changes }
    return this.issue(changes.srp ? { ...rest, srp: changes.srp } : rest, validityMinutes)
  }

  /** Looks a session up and checks it is live; does not spend it. */
  require(id: string | undefined, expect: SessionExpectation): SessionRecord {
    if (!id) throw invalidParameter('Missing required parameter Session')
    return this.check(this.records.get(id), () => this.wasEvicted(id), expect)
  }

  /**
   * The PASSWORD_VERIFIER session a SECRET_BLOCK was issued with, checked as `require` checks a session:
   * what Python and Go SRP clients answer with, sending no Session (docs/cognito-behaviour.md#respondtoauthchallenge).
   */
  requireBySecretBlock(secretBlock: string, expect: SessionExpectation): SessionRecord {
    const id = this.bySecretBlock.get(secretBlock)
    return this.check(id === undefined ? undefined : this.records.get(id), () => this.blockWasEvicted(secretBlock), expect)
  }

  private check(record: SessionRecord | undefined, wasEvicted: () => boolean, expect: SessionExpectation): SessionRecord {
    // Evicted by the cap: it answers as it would have once expired (docs/cognito-behaviour.md#pending-session-cap).
    if (!record && wasEvicted()) throw notAuthorized('Invalid session for the user, session is expired.')
    if (!record) throw notAuthorized('Invalid session for the user.')
    if (record.used) throw notAuthorized('Invalid session for the user, session can only be used once.')
    if (this.clock.now() >= record.expiresAt) throw notAuthorized('Invalid session for the user, session is expired.')
    if (expect.clientId !== undefined && record.clientId !== expect.clientId) {
      throw notAuthorized('Invalid session for the user.')
    }
    if (expect.challenge !== undefined && record.challenge !== expect.challenge) {
      throw invalidParameter(`Invalid challenge name: expected ${record.challenge}.`)
    }
    return record
  }

  // Records are read-only like the store's: a change replaces the stored record by a new one.
  spend(record: SessionRecord): void {
    this.put({ ...this.current(record), used: true })
  }

  /** A wrong code: the session survives for another try, until the tries run out. */
  failedTry(record: SessionRecord): void {
    const current = this.current(record)
    const triesLeft = current.triesLeft - 1
    this.put({ ...current, triesLeft, used: current.used || triesLeft <= 0 })
  }

  /** The stored record of `record`'s id (it may have changed since `record` was read). */
  private current(record: SessionRecord): SessionRecord {
    return this.records.get(record.id) ?? record
  }

  private prune(): void {
    const now = this.clock.now()
    // Spent and expired records are kept a little longer, so a reused or late session
    // gets the precise error instead of "Invalid session".
    for (const [id, record] of this.records) {
      if (record.expiresAt + RETAIN_AFTER_EXPIRY_MS < now) this.remove(id)
    }
  }

  // Opaque and long: the CLI refuses Sessions under 20 characters (docs/cognito-behaviour.md#requests). Never a
  // leading "-", which the CLI would read as an option after --session.
  private newId(expiresAt: number): string {
    const payload = Buffer.alloc(RANDOM_BYTES + 6)
    randomBytes(RANDOM_BYTES).copy(payload)
    payload.writeUIntBE(expiresAt, RANDOM_BYTES, 6)
    const text = payload.toString('base64url').replace(/^-/, 'A')
    return text + this.mac(text).toString('base64url')
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.idKey).update(payload).digest().subarray(0, MAC_BYTES)
  }

  /**
   * An id this process issued (its MAC checks) that is no longer held, while a record of it would
   * still be: the cap evicted it. One forgotten after its retention answers like any unknown id.
   */
  private wasEvicted(id: string): boolean {
    if (id.length !== ID_CHARS) return false
    const payload = id.slice(0, PAYLOAD_CHARS)
    const mac = Buffer.from(id.slice(PAYLOAD_CHARS), 'base64url')
    if (mac.length !== MAC_BYTES || !timingSafeEqual(mac, this.mac(payload))) return false
    const expiresAt = Buffer.from(payload.slice(-8), 'base64url').readUIntBE(0, 6)
    return this.clock.now() <= expiresAt + RETAIN_AFTER_EXPIRY_MS
  }

  private blockMac(payload: Buffer): Buffer {
    return createHmac('sha256', this.idKey).update(BLOCK_LABEL).update(payload).digest().subarray(0, MAC_BYTES)
  }

  /** As `wasEvicted`, for a SECRET_BLOCK. */
  private blockWasEvicted(secretBlock: string): boolean {
    const bytes = Buffer.from(secretBlock, 'base64')
    if (bytes.length !== BLOCK_BYTES) return false
    const payload = bytes.subarray(0, BLOCK_PAYLOAD_BYTES)
    if (!timingSafeEqual(bytes.subarray(BLOCK_PAYLOAD_BYTES), this.blockMac(payload))) return false
    return this.clock.now() <= payload.readUIntBE(RANDOM_BYTES, 6) + RETAIN_AFTER_EXPIRY_MS
  }
}

type SessionExpectation = { challenge?: ChallengeName; clientId?: string }

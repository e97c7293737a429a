import { cognitoError } from '../errors.ts'
import type { StateChange } from './journal.ts'
import type { ClientRecord, GroupRecord, PersistentState, PoolRecord, RefreshRecord, UserRecord } from './model.ts'

/** What an update may change: never the members the store finds a record by. */
export type UserChanges = Partial<Omit<UserRecord, 'poolId' | 'username' | 'sub'>>
export type PoolChanges = Partial<Omit<PoolRecord, 'id'>>
export type RefreshChanges = Partial<Omit<RefreshRecord, 'token' | 'poolId' | 'clientId' | 'sub' | 'originJti'>>

/**
 * The user pools, clients, users and refresh tokens, in memory. Every change goes
 * through a method here so `onChange` (the snapshot writer) sees it. Records are read-only:
 * a change replaces a record by a new one (`updateUser` and its siblings return it), so a
 * record handed out before stays as it was, which is what lets `rollback` put it back.
 */
export class Store {
  private pools = new Map<string, PoolRecord>()
  private clients = new Map<string, ClientRecord>()
  private users = new Map<string, UserRecord>()
  private refreshTokens = new Map<string, RefreshRecord>()
  private groups = new Map<string, GroupRecord>()
  /** While a request runs (between `begin` and `commit`): how to undo each change, in order. */
  private undo: Array<() => void> | undefined
  /** The keys changed since the last `takeChanges`, per map: what the journal's next line must hold. */
  private changed = new Map<Map<string, unknown>, Set<string>>()
  private changedAtBegin: Map<Map<string, unknown>, Set<string>> | undefined
  onChange: () => void = () => {}

  constructor(initial?: PersistentState) {
    for (const pool of initial?.pools ?? []) this.pools.set(pool.id, pool)
    for (const client of initial?.clients ?? []) this.clients.set(client.clientId, client)
    for (const user of initial?.users ?? []) this.users.set(userKey(user.poolId, user.username), user)
    for (const token of initial?.refreshTokens ?? []) this.refreshTokens.set(token.token, token)
    for (const group of initial?.groups ?? []) this.groups.set(userKey(group.poolId, group.name), group)
  }

  /** Starts remembering what each change replaces, so `rollback` can put it back. */
  begin(): void {
    this.undo = []
    this.changedAtBegin = new Map([...this.changed].map(([map, keys]) => [map, new Set(keys)]))
  }

  /** Keeps the changes since `begin` (their snapshot was saved). */
  commit(): void {
    this.undo = undefined
    this.changedAtBegin = undefined
  }

  /**
   * Puts back every record changed, added or removed since `begin`, newest first: the state
   * is again the one the last saved snapshot holds. The replaced records were never changed
   * in place, so putting the same objects back restores exactly what was there.
   */
  rollback(): void {
    const undo = this.undo ?? []
    this.undo = undefined
    for (const step of undo.reverse()) step()
    // What is left to save is again what it was: a read that follows writes nothing.
    if (this.changedAtBegin) this.changed = this.changedAtBegin
    this.changedAtBegin = undefined
  }

  private put<T>(map: Map<string, T>, key: string, record: T): void {
    this.remember(map, key)
    map.set(key, record)
  }

  private remove<T>(map: Map<string, T>, key: string): void {
    this.remember(map, key)
    map.delete(key)
  }

  private remember<T>(map: Map<string, T>, key: string): void {
    const keys = this.changed.get(map) ?? new Set<string>()
    this.changed.set(map, keys.add(key))
    if (!this.undo) return
    const before = map.get(key)
    this.undo.push(() => {
      if (before === undefined) map.delete(key)
      else map.set(key, before)
    })
  }

  /** Whether a record changed since `forgetChanges` (without building the change `changes` lists). */
  hasChanges(): boolean {
    return this.changed.size > 0
  }

  /**
   * The records changed since `forgetChanges`, as they are now (put) or gone (remove). A record
   * changed then rolled back is listed with its old value, which is harmless: the journal then
   * says again what it already held.
   */
  changes(): StateChange | undefined {
    if (this.changed.size === 0) return undefined
    const change: StateChange = { put: {}, remove: {} }
    const collect = <T>(map: Map<string, T>, add: (record: T) => void, gone: (key: string) => void) => {
      for (const key of this.changed.get(map as Map<string, unknown>) ?? []) {
        const record = map.get(key)
        if (record === undefined) gone(key)
        else add(record)
      }
    }
    collect(
      this.pools,
      (pool) => (change.put.pools ??= []).push(pool),
      (key) => (change.remove.pools ??= []).push(key),
    )
    collect(
      this.clients,
      (client) => (change.put.clients ??= []).push(client),
      (key) => (change.remove.clients ??= []).push(key),
    )
    collect(
      this.users,
      (user) => (change.put.users ??= []).push(user),
      (key) => {
        // A pool id never holds the separator; a username might, so only the first one splits.
        const cut = key.indexOf('\u0000')
        ;(change.remove.users ??= []).push({ poolId: key.slice(0, cut), username: key.slice(cut + 1) })
      },
    )
    collect(
      this.refreshTokens,
      (token) => (change.put.refreshTokens ??= []).push(token),
      (key) => (change.remove.refreshTokens ??= []).push(key),
    )
    collect(
      this.groups,
      (group) => (change.put.groups ??= []).push(group),
      (key) => {
        const cut = key.indexOf('\u0000')
        ;(change.remove.groups ??= []).push({ poolId: key.slice(0, cut), name: key.slice(cut + 1) })
      },
    )
    return change
  }

  /** The changes are on disk (or nothing keeps them): `changes` starts afresh. */
  forgetChanges(): void {
    this.changed.clear()
  }

  toJSON(): PersistentState {
    return {
      version: 1,
      pools: [...this.pools.values()],
      clients: [...this.clients.values()],
      users: [...this.users.values()],
      refreshTokens: [...this.refreshTokens.values()],
      // Only when there are any: a state without groups is written as before groups existed.
      ...(this.groups.size > 0 ? { groups: [...this.groups.values()] } : {}),
    }
  }

  // Pools and clients

  listPools(): PoolRecord[] {
    return [...this.pools.values()]
  }

  findPool(poolId: string): PoolRecord | undefined {
    return this.pools.get(poolId)
  }

  requirePool(poolId: string): PoolRecord {
    const pool = this.pools.get(poolId)
    if (!pool) throw cognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`)
    return pool
  }

  savePool(pool: PoolRecord): void {
    this.put(this.pools, pool.id, pool)
    this.onChange()
  }

  /** Replaces `pool` by a copy with `changes`, and returns that copy. */
  updatePool(pool: PoolRecord, changes: PoolChanges): PoolRecord {
    const updated: PoolRecord = { ...this.requirePool(pool.id), ...changes }
    this.savePool(updated)
    return updated
  }

  /**
   * Removes a pool and everything in it: its clients, users and refresh tokens (DeleteUserPool). One
   * journal line holds every removal, so a restart never finds half a pool.
   */
  deletePool(pool: PoolRecord): void {
    for (const token of [...this.refreshTokens.values()]) if (token.poolId === pool.id) this.remove(this.refreshTokens, token.token)
    for (const user of [...this.users.values()]) if (user.poolId === pool.id) this.remove(this.users, userKey(user.poolId, user.username))
    for (const client of [...this.clients.values()]) if (client.poolId === pool.id) this.remove(this.clients, client.clientId)
    for (const group of [...this.groups.values()]) if (group.poolId === pool.id) this.remove(this.groups, userKey(group.poolId, group.name))
    this.remove(this.pools, pool.id)
    this.onChange()
  }

  /** Removes an app client and the refresh tokens it issued (DeleteUserPoolClient). */
  deleteClient(client: ClientRecord): void {
    for (const token of [...this.refreshTokens.values()]) if (token.clientId === client.clientId) this.remove(this.refreshTokens, token.token)
    this.remove(this.clients, client.clientId)
    this.onChange()
  }

  listClients(poolId: string): ClientRecord[] {
    return [...this.clients.values()].filter((client) => client.poolId === poolId)
  }

  requireClient(clientId: string, poolId?: string): ClientRecord {
    const client = this.clients.get(clientId)
    if (!client || (poolId !== undefined && client.poolId !== poolId)) {
      throw cognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`)
    }
    return client
  }

  saveClient(client: ClientRecord): void {
    this.put(this.clients, client.clientId, client)
    this.onChange()
  }

  // Users

  listUsers(poolId: string): UserRecord[] {
    return [...this.users.values()].filter((user) => user.poolId === poolId)
  }

  /** Finds a user by username, by sub, or by the email or phone number the pool signs in with (username or alias attribute). */
  findUser(pool: PoolRecord, name: string): UserRecord | undefined {
    // No user can be named by more characters than an attribute value holds (a USERNAME in
    // AuthParameters may have 131,072): such a name is unknown, found at no cost per user.
    if (name.length > LONGEST_NAME) return undefined
    const direct = this.users.get(userKey(pool.id, name))
    if (direct) return direct
    const signsInWithEmail = pool.usernameAttributes.includes('email') || pool.aliasAttributes.includes('email')
    const signsInWithPhone = pool.usernameAttributes.includes('phone_number') || pool.aliasAttributes.includes('phone_number')
    const lowerName = name.toLowerCase()
    for (const user of this.users.values()) {
      if (user.poolId !== pool.id) continue
      if (!pool.usernameCaseSensitive && user.username.toLowerCase() === lowerName) return user
      if (user.sub === name) return user
      if (signsInWithEmail && user.attributes.email?.toLowerCase() === lowerName) return user
      // An E.164 number has one spelling: compared as it is (docs/cognito-behaviour.md#usernames-and-user-ids).
      if (signsInWithPhone && user.attributes.phone_number === name) return user
    }
    return undefined
  }

  requireUser(pool: PoolRecord, name: string): UserRecord {
    const user = this.findUser(pool, name)
    if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.')
    return user
  }

  findUserBySub(poolId: string, sub: string): UserRecord | undefined {
    for (const user of this.users.values()) if (user.poolId === poolId && user.sub === sub) return user
    return undefined
  }

  saveUser(user: UserRecord): void {
    this.put(this.users, userKey(user.poolId, user.username), user)
    this.onChange()
  }

  /**
   * Replaces the stored `user` by a copy with `changes`, and returns that copy: the caller
   * goes on with the returned record. A nested member (totp, mfa …) is replaced whole.
   */
  updateUser(user: UserRecord, changes: UserChanges): UserRecord {
    const current = this.users.get(userKey(user.poolId, user.username))
    // A bug, not a client error: operations update only users they have just looked up.
    if (!current) throw new Error(`updateUser: ${user.username} is not stored in pool ${user.poolId}`)
    // Nothing new (a successful sign-in resets counters that are already 0): nothing to journal.
    if (unchanged(current, changes)) return current
    const updated: UserRecord = { ...current, ...changes }
    this.saveUser(updated)
    return updated
  }

  deleteUser(user: UserRecord): void {
    this.remove(this.users, userKey(user.poolId, user.username))
    for (const record of this.refreshTokens.values()) {
      if (record.poolId === user.poolId && record.sub === user.sub) this.remove(this.refreshTokens, record.token)
    }
    this.onChange()
  }

  // Groups (who is in one is kept on each user: UserRecord.groups)

  /** A pool's groups, in the order they were created. */
  listGroups(poolId: string): GroupRecord[] {
    return [...this.groups.values()].filter((group) => group.poolId === poolId)
  }

  findGroup(poolId: string, name: string): GroupRecord | undefined {
    return this.groups.get(userKey(poolId, name))
  }

  requireGroup(poolId: string, name: string): GroupRecord {
    const group = this.findGroup(poolId, name)
    if (!group) throw cognitoError('ResourceNotFoundException', 'Group not found.')
    return group
  }

  saveGroup(group: GroupRecord): void {
    this.put(this.groups, userKey(group.poolId, group.name), group)
    this.onChange()
  }

  /** Removes a group and every user's membership of it (DeleteGroup). */
  deleteGroup(group: GroupRecord): void {
    for (const user of [...this.users.values()]) {
      if (user.poolId !== group.poolId || !user.groups?.includes(group.name)) continue
      this.put(this.users, userKey(user.poolId, user.username), { ...user, groups: user.groups.filter((name) => name !== group.name) })
    }
    this.remove(this.groups, userKey(group.poolId, group.name))
    this.onChange()
  }

  // Refresh tokens (one record per sign-in: the token family that origin_jti names)

  findRefreshToken(token: string): RefreshRecord | undefined {
    return this.refreshTokens.get(token)
  }

  findFamily(originJti: string): RefreshRecord | undefined {
    for (const record of this.refreshTokens.values()) if (record.originJti === originJti) return record
    return undefined
  }

  /** The families of `user`'s sign-ins that were issued device `deviceKey` and wait for its ConfirmDevice. */
  findUnconfirmedDeviceFamilies(user: UserRecord, deviceKey: string): RefreshRecord[] {
    const found: RefreshRecord[] = []
    for (const record of this.refreshTokens.values()) {
      if (record.deviceUnconfirmed === true && record.deviceKey === deviceKey && record.poolId === user.poolId && record.sub === user.sub)
        found.push(record)
    }
    return found
  }

  saveRefreshToken(record: RefreshRecord): void {
    this.put(this.refreshTokens, record.token, record)
    this.onChange()
  }

  /** Replaces the stored refresh token family by a copy with `changes`, and returns that copy. */
  updateRefreshToken(record: RefreshRecord, changes: RefreshChanges): RefreshRecord {
    const current = this.refreshTokens.get(record.token)
    if (!current) throw new Error('updateRefreshToken: the token is not stored')
    const updated: RefreshRecord = { ...current, ...changes }
    this.saveRefreshToken(updated)
    return updated
  }

  /**
   * Drops the families that expired before `cutoffMs`, revoked or not, so a long-lived state file does
   * not grow without end (when a family stops mattering: auth/refresh-pruning.ts).
   */
  pruneRefreshTokens(cutoffMs: number): void {
    let pruned = false
    for (const record of this.refreshTokens.values()) {
      if (record.expiresAt < cutoffMs) {
        this.remove(this.refreshTokens, record.token)
        pruned = true
      }
    }
    if (pruned) this.onChange()
  }

  revokeAllForUser(user: UserRecord): void {
    for (const record of this.refreshTokens.values()) {
      if (record.poolId === user.poolId && record.sub === user.sub) this.put(this.refreshTokens, record.token, { ...record, revoked: true })
    }
    this.onChange()
  }
}

/** An attribute value's limit (docs/cognito-behaviour.md#input-limits): longer than any username (128), sub or email. */
const LONGEST_NAME = 2048

function userKey(poolId: string, username: string): string {
  return `${poolId}\u0000${username}`
}

function unchanged<T extends object>(current: T, changes: Partial<T>): boolean {
  return Object.entries(changes).every(([key, value]) => Object.is(current[key as keyof T], value))
}

import { cognitoError } from '../errors.ts'
import type { ClientRecord, PersistentState, PoolRecord, RefreshRecord, UserRecord } from './model.ts'

/**
 * The user pools, clients, users and refresh tokens, in memory. Every change goes
 * through a method here so `onChange` (the snapshot writer) sees it.
 */
export class Store {
  private pools = new Map<string, PoolRecord>()
  private clients = new Map<string, ClientRecord>()
  private users = new Map<string, UserRecord>()
  private refreshTokens = new Map<string, RefreshRecord>()
  onChange: () => void = () => {}

  constructor(initial?: PersistentState) {
    for (const pool of initial?.pools ?? []) this.pools.set(pool.id, pool)
    for (const client of initial?.clients ?? []) this.clients.set(client.clientId, client)
    for (const user of initial?.users ?? []) this.users.set(userKey(user.poolId, user.username), user)
    for (const token of initial?.refreshTokens ?? []) this.refreshTokens.set(token.token, token)
  }

  toJSON(): PersistentState {
    return {
      version: 1,
      pools: [...this.pools.values()],
      clients: [...this.clients.values()],
      users: [...this.users.values()],
      refreshTokens: [...this.refreshTokens.values()],
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
    this.pools.set(pool.id, pool)
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
    this.clients.set(client.clientId, client)
    this.onChange()
  }

  // Users

  listUsers(poolId: string): UserRecord[] {
    return [...this.users.values()].filter((user) => user.poolId === poolId)
  }

  /** Finds a user by username, by sub, or by an email alias when the pool signs in with email. */
  findUser(pool: PoolRecord, name: string): UserRecord | undefined {
    const direct = this.users.get(userKey(pool.id, name))
    if (direct) return direct
    const signsInWithEmail = pool.usernameAttributes.includes('email') || pool.aliasAttributes.includes('email')
    for (const user of this.users.values()) {
      if (user.poolId !== pool.id) continue
      if (!pool.usernameCaseSensitive && user.username.toLowerCase() === name.toLowerCase()) return user
      if (user.sub === name) return user
      if (signsInWithEmail && user.attributes.email?.toLowerCase() === name.toLowerCase()) return user
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
    this.users.set(userKey(user.poolId, user.username), user)
    this.onChange()
  }

  deleteUser(user: UserRecord): void {
    this.users.delete(userKey(user.poolId, user.username))
    for (const record of this.refreshTokens.values()) {
      if (record.poolId === user.poolId && record.sub === user.sub) this.refreshTokens.delete(record.token)
    }
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

  saveRefreshToken(record: RefreshRecord): void {
    this.refreshTokens.set(record.token, record)
    this.onChange()
  }

  /** Drops expired, revoked families so a long-lived state file does not grow without end. */
  pruneRefreshTokens(nowMs: number): void {
    let pruned = false
    for (const record of this.refreshTokens.values()) {
      if (record.expiresAt < nowMs) {
        this.refreshTokens.delete(record.token)
        pruned = true
      }
    }
    if (pruned) this.onChange()
  }

  revokeAllForUser(user: UserRecord): void {
    for (const record of this.refreshTokens.values()) {
      if (record.poolId === user.poolId && record.sub === user.sub) record.revoked = true
    }
    this.onChange()
  }
}

function userKey(poolId: string, username: string): string {
  return `${poolId}\u0000${username}`
}

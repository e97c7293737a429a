import type { Clock } from '../state/clock.ts'
import type { Store } from '../state/store.ts'

/** The longest an access token lives: AccessTokenValidity is 5 minutes to 1 day (docs/cognito-behaviour.md#app-client-defaults). */
export const ACCESS_TOKEN_MAX_MS = 86_400_000
/** At most one pass over the refresh tokens per this much of the emulator's clock. */
export const PRUNE_INTERVAL_MS = 60_000

/**
 * Drops refresh token families that can no longer change an answer
 * (docs/cognito-behaviour.md#refresh-token-records): a day after they expire, revoked or not. A revoked
 * family is kept until then, so its refresh token still answers "Refresh Token has been revoked"; the
 * day after expiry covers the access tokens refreshed from it just before it expired, which would
 * read as revoked once the family is gone.
 */
export class RefreshPruner {
  private lastRun: number | undefined

  constructor(
    private store: Store,
    private clock: Clock,
    private intervalMs: number = PRUNE_INTERVAL_MS,
  ) {}

  /** Prunes unless the last pass is less than the interval ago: cheap enough to call on every write. */
  maybePrune(): void {
    const now = this.clock.now()
    if (this.lastRun !== undefined && now >= this.lastRun && now - this.lastRun < this.intervalMs) return
    this.prune()
  }

  prune(): void {
    this.lastRun = this.clock.now()
    this.store.pruneRefreshTokens(this.lastRun - ACCESS_TOKEN_MAX_MS)
  }
}

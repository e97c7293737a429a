import type { Clock } from '../state/clock.ts'
import { passwordAttemptChanges, refuseWhileLockedOut, type PasswordAttempts } from './password.ts'

/** How many unknown names are remembered; beyond it the one tried longest ago is forgotten. */
export const UNKNOWN_NAMES_REMEMBERED = 10_000

/**
 * Wrong passwords for names a pool does not know, counted with the same rule as a real user's
 * (docs/cognito-behaviour.md#lockout), so "Password attempts exceeded" does not tell a real user
 * from an unknown name (docs/cognito-behaviour.md#unknown-users). In memory only, and bounded:
 * anyone may try any number of names, and none of them is worth a line in the state file.
 */
export class UnknownNameLockout {
  // A Map iterates in insertion order: re-inserting on every attempt keeps the least recently
  // tried name first, which is the one to forget.
  private attempts = new Map<string, PasswordAttempts>()

  constructor(
    private clock: Clock,
    private capacity: number = UNKNOWN_NAMES_REMEMBERED,
  ) {}

  /** Throws `Password attempts exceeded` while `name` (as `decoyFor` normalises it) is locked out in the pool. */
  refuseWhileLockedOut(poolId: string, name: string): void {
    const attempts = this.attempts.get(key(poolId, name))
    if (attempts) refuseWhileLockedOut(attempts, this.clock)
  }

  /** Counts a wrong password for `name`: an unknown name never has the right one. */
  recordFailure(poolId: string, name: string): void {
    const id = key(poolId, name)
    const previous = this.attempts.get(id) ?? { failedPasswordAttempts: 0 }
    this.attempts.delete(id)
    this.attempts.set(id, passwordAttemptChanges(previous, false, this.clock))
    if (this.attempts.size > this.capacity) {
      const oldest = this.attempts.keys().next().value
      if (oldest !== undefined) this.attempts.delete(oldest)
    }
  }

  get size(): number {
    return this.attempts.size
  }
}

// NUL cannot occur in a pool id, so no two (pool, name) pairs share a key.
function key(poolId: string, name: string): string {
  return `${poolId}\u0000${name}`
}

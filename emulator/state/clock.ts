/** Milliseconds since the epoch. Every time-dependent rule reads this, never Date.now(). */
export type Clock = { now(): number }

export const systemClock: Clock = { now: () => Date.now() }

export type TestClock = Clock & { advance(ms: number): void; set(ms: number): void }

/**
 * A clock tests move by hand (session expiry, lockout, TOTP steps) with no real waiting.
 * `offsetFromSystem` keeps it running with real time plus an offset, which is what a
 * browser test needs: the page's own timers keep ticking while the test jumps ahead.
 */
export function createTestClock(startMs?: number): TestClock {
  let fixed = startMs
  let offset = 0
  return {
    now: () => (fixed ?? Date.now()) + offset,
    advance: (ms) => {
      offset += ms
    },
    set: (ms) => {
      fixed = ms
      offset = 0
    },
  }
}

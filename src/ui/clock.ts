// Time as the screens see it. Injected so tests (and flow tests against the emulator) can run a
// 3-minute challenge session in milliseconds.

export interface Clock {
  now(): number
  /** Calls `tick` every `ms` milliseconds until the returned function is called. */
  every(ms: number, tick: () => void): () => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, tick) {
    const id = setInterval(tick, ms)
    return () => clearInterval(id)
  },
}

export type ManualClock = Clock & {
  /** Moves time forward and runs the ticks that would have fired (at most once per subscriber per call). */
  advance(ms: number): void
  set(time: number): void
}

export function createManualClock(start = Date.UTC(2025, 0, 1)): ManualClock {
  let time = start
  const ticks = new Set<() => void>()
  const notify = () => [...ticks].forEach((tick) => tick())
  return {
    now: () => time,
    every(_ms, tick) {
      ticks.add(tick)
      return () => ticks.delete(tick)
    },
    advance(ms) {
      time += ms
      notify()
    },
    set(t) {
      time = t
      notify()
    },
  }
}

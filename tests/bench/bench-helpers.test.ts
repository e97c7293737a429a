// The benchmark's own logic that its figures rest on: which calls count as extra, which TOTP codes a
// pool is sent (ours takes each step's code once), and what a CPU profile says SRP's share is.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { extra, summary } from '../../bench/call-counts.ts'
import { srpShare } from '../../bench/cpu-profile.ts'
import { CodeSchedule, type BenchUser } from '../../bench/pool-flows.ts'

const STEP_MS = 30_000

describe('round-trip lists', () => {
  test('extra calls are the counted ones beyond the expected, as multisets', () => {
    const expected = ['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']
    expect(extra(['InitiateAuth', 'RespondToAuthChallenge', 'GetUser', 'RespondToAuthChallenge'], expected)).toEqual(['GetUser'])
    expect(extra(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge', 'RespondToAuthChallenge'], expected)).toEqual([
      'RespondToAuthChallenge',
    ])
    expect(extra(['InitiateAuth'], expected)).toEqual([])
  })

  test('a summary names each call once with its count', () => {
    expect(summary(['GET /_local/config', 'GetUser', 'GetUser'])).toBe('GET /_local/config, GetUser ×2')
    expect(summary([])).toBe('')
  })
})

describe('CodeSchedule', () => {
  const users = (count: number, lastStep: number): BenchUser[] =>
    Array.from({ length: count }, (_, i) => ({ username: `u${i}`, secret: 'JBSWY3DPEHPK3PXP', lastStep }))

  test('for a pool that takes a code once, hands each user this step and the next, then nothing', () => {
    vi.useFakeTimers({ now: 1000 * STEP_MS + 10 })
    try {
      const schedule = new CodeSchedule(users(2, 999), true)
      const handed = Array.from({ length: 5 }, () => schedule.take())
      const steps = handed.map((next) => next && { user: next.user.username, step: Math.floor(next.codeTime / STEP_MS) })
      expect(steps).toEqual([
        { user: 'u0', step: 1000 },
        { user: 'u1', step: 1000 },
        { user: 'u0', step: 1001 },
        { user: 'u1', step: 1001 },
        undefined,
      ])
      // Moving the pool's clock on frees them again.
      schedule.offsetMs = 10 * STEP_MS
      expect(Math.floor(schedule.take()!.codeTime / STEP_MS)).toBe(1010)
    } finally {
      vi.useRealTimers()
    }
  })

  test('for a pool that takes a code twice, always the current code, round robin', () => {
    const schedule = new CodeSchedule(users(2, 0), false)
    const names = Array.from({ length: 4 }, () => schedule.take()!.user.username)
    expect(names).toEqual(['u0', 'u1', 'u0', 'u1'])
    expect(Math.abs(schedule.take()!.codeTime - Date.now())).toBeLessThan(1000)
  })
})

describe('srpShare', () => {
  // root → modPow (srp.ts) → computeSecret (native); root → sign (tokens.ts); root → (idle)
  const frame = (functionName: string, url: string) => ({ functionName, url })
  const repo = pathToFileURL(join(import.meta.dirname, '..', '..')).href
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 5] },
      { id: 2, callFrame: frame('modPow', `${repo}/emulator/domain/srp.ts`), children: [3] },
      { id: 3, callFrame: frame('computeSecret', 'node:internal/crypto/diffiehellman') },
      { id: 4, callFrame: frame('sign', `${repo}/emulator/domain/tokens.ts`) },
      { id: 5, callFrame: frame('(idle)', '') },
    ],
    startTime: 1000,
    // One sample per µs from 1001 on: 3, 2, 4, 5, 3, 4
    samples: [3, 2, 4, 5, 3, 4],
    timeDeltas: [1, 1, 1, 1, 1, 1],
  }

  test('counts samples with srp.ts on the stack, native callees included, idle excluded', () => {
    const share = srpShare(profile, 0, Infinity)
    expect(share.samples).toBe(5)
    expect(share.srp).toBeCloseTo(3 / 5)
    expect(share.top[0]).toEqual({ source: 'node:internal/crypto/diffiehellman', share: 2 / 5 })
    // Named relative to the repository, never by the machine's path.
    expect(share.top.map((entry) => entry.source)).toContain('emulator/domain/tokens.ts')
  })

  test('only within the window', () => {
    // 1004 is idle, 1005 in modPow's callee, 1006 in sign.
    expect(srpShare(profile, 1004, 1006)).toMatchObject({ samples: 2, srp: 0.5 })
  })
})

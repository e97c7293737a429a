import { createTestClock } from '../state/clock.ts'
import type { UserRecord } from '../state/model.ts'
import { failure } from '../test-support.ts'
import { confirmationAttemptCounted, refuseOverConfirmationLimit } from './confirmation-limits.ts'

// docs/cognito-behaviour.md#confirmation-code-limits
describe('confirmation limits', () => {
  const HOUR = 3600_000
  const LIMIT = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' }
  const count = (user: UserRecord, kind: 'wrongCodes' | 'resends', clock: ReturnType<typeof createTestClock>, times: number): UserRecord => {
    for (let i = 0; i < times; i++) user = { ...user, ...confirmationAttemptCounted(user, kind, clock) }
    return user
  }

  test('the hour begins at the first counted attempt and counts each kind apart', () => {
    const clock = createTestClock(1_000_000)
    let user = count({} as UserRecord, 'wrongCodes', clock, 1)
    clock.advance(10 * 60_000)
    user = count(user, 'resends', clock, 2)
    expect(user.confirmationAttempts).toEqual({ since: 1_000_000, wrongCodes: 1, resends: 2 })
  })

  test('ten wrong codes and five resends are allowed; one more of either is refused until the hour ends', async () => {
    const clock = createTestClock(1_000_000)
    const user = count(count({} as UserRecord, 'wrongCodes', clock, 9), 'resends', clock, 4)
    expect(() => refuseOverConfirmationLimit(user, 'wrongCodes', clock)).not.toThrow()
    expect(() => refuseOverConfirmationLimit(user, 'resends', clock)).not.toThrow()
    const full = count(count(user, 'wrongCodes', clock, 1), 'resends', clock, 1)
    expect(await failure(() => refuseOverConfirmationLimit(full, 'wrongCodes', clock))).toEqual(LIMIT)
    expect(await failure(() => refuseOverConfirmationLimit(full, 'resends', clock))).toEqual(LIMIT)
    clock.advance(HOUR - 1)
    expect(await failure(() => refuseOverConfirmationLimit(full, 'resends', clock))).toEqual(LIMIT)
    clock.advance(1)
    expect(() => refuseOverConfirmationLimit(full, 'resends', clock)).not.toThrow()
    // A new hour starts from zero, at the attempt that opens it.
    expect(confirmationAttemptCounted(full, 'resends', clock)).toEqual({ confirmationAttempts: { since: clock.now(), wrongCodes: 0, resends: 1 } })
  })
})

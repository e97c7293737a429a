// The gateway contract against the fake the component tests use, in the mode that checks codes the
// way the pool does (a phone's TOTP at the fake's clock). The fixed-code mode the screens mostly use
// differs only in which codes count as right, wrong or reused; every rule around them is the same code.
import { randomBytes } from 'node:crypto'
import { createTestClock } from '../../emulator/state/clock.ts'
import { rejectionOf, uniqueName } from '../contract/harness.ts'
import { createFakeAuthGateway } from '../support/fake-auth-gateway.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { authGatewayContract } from './auth-gateway.contract.ts'

const CONFIRMATION_CODE = '246810'
const SMS_CODE = '135790'
const RESET_CODE = '864209'

/** Fresh random setup keys, as AssociateSoftwareToken hands out (32 base32 characters). */
function randomSecrets(count: number): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return Array.from({ length: count }, () => Array.from(randomBytes(32), (byte) => alphabet[byte % 32]).join(''))
}

authGatewayContract(async (kind) => {
  const clock = createTestClock(Date.now())
  const auth = createFakeAuthGateway({
    mfaRequired: kind === 'required',
    clock,
    codeFor: phoneCode,
    secrets: randomSecrets(8),
    confirmationCode: CONFIRMATION_CODE,
    smsCode: SMS_CODE,
    resetCode: RESET_CODE,
  })
  return {
    auth,
    async createUser({ temporary = false, sms = false } = {}) {
      const username = uniqueName('gw')
      const password = 'Gateway-user-2026!'
      auth.addUser({ username, password, email: `${username}@example.com`, status: temporary ? 'force-change-password' : 'confirmed', sms })
      return { username, password }
    },
    confirmationCode: () => CONFIRMATION_CODE,
    resetCode: () => RESET_CODE,
    smsCode: () => SMS_CODE,
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
  }
})

// The shortcuts component tests take instead of a phone and a clock must land on the same answers
// the contract above pins down.
describe('the fake’s shortcuts give the pool’s answers', () => {
  const alice = { username: 'alice', password: 'Correct-horse-1', totp: { preferred: true } }

  test('fixed codes: `totpCode` signs in, `usedCode` is ExpiredCodeException, others CodeMismatchException, five wrong spend the session', async () => {
    const auth = createFakeAuthGateway({ users: [alice], usedCode: '111111' })
    await auth.signIn('alice', 'Correct-horse-1')
    expect((await rejectionOf(auth.confirmTotpCode('111111'))).name).toBe('ExpiredCodeException')
    expect((await rejectionOf(auth.confirmTotpCode('000000'))).name).toBe('CodeMismatchException')
    expect(await auth.confirmTotpCode('123456')).toEqual({ step: 'done' })

    await auth.signOut()
    await auth.signIn('alice', 'Correct-horse-1')
    for (let attempt = 1; attempt <= 5; attempt++) await rejectionOf(auth.confirmTotpCode('000000'))
    expect((await rejectionOf(auth.confirmTotpCode('123456'))).name).toBe('NotAuthorizedException')
  })

  test('expireSession() is the lapse the clock brings, now', async () => {
    const clock = createTestClock(Date.now())
    const byClock = createFakeAuthGateway({ users: [alice], clock })
    await byClock.signIn('alice', 'Correct-horse-1')
    clock.advance(3 * 60_000)
    const lapsed = await rejectionOf(byClock.confirmTotpCode('123456'))

    const byHand = createFakeAuthGateway({ users: [alice] })
    await byHand.signIn('alice', 'Correct-horse-1')
    byHand.expireSession()
    const expired = await rejectionOf(byHand.confirmTotpCode('123456'))
    expect({ name: expired.name, message: expired.message }).toEqual({ name: lapsed.name, message: lapsed.message })
    expect(expired.name).toBe('NotAuthorizedException')
  })

  test('a user seeded as locked out gets the lockout answer, even with the right password', async () => {
    const auth = createFakeAuthGateway({ users: [{ ...alice, lockedOut: true }] })
    const error = await rejectionOf(auth.signIn('alice', 'Correct-horse-1'))
    expect(error.name).toBe('NotAuthorizedException')
    expect(error.message).toMatch(/password attempts exceeded/i)
  })

  test('failNext queues: each call throws the next failure, then the method works again', async () => {
    const auth = createFakeAuthGateway({ users: [{ username: 'alice', password: 'x' }], signedInAs: 'alice' })
    auth.failNext('beginTotpSetup', 'TooManyRequestsException')
    auth.failNext('beginTotpSetup', 'NetworkError', 'raw text')
    expect((await rejectionOf(auth.beginTotpSetup())).name).toBe('TooManyRequestsException')
    const second = await rejectionOf(auth.beginTotpSetup())
    expect({ name: second.name, message: second.message }).toEqual({ name: 'NetworkError', message: 'raw text' })
    expect(await auth.beginTotpSetup()).toEqual({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' })
    expect(auth.calls.filter((c) => c.method === 'beginTotpSetup')).toHaveLength(3)
  })

  test('a verified key survives a failed switch-on, so setTotpPreferred can simply be retried', async () => {
    const auth = createFakeAuthGateway({ users: [{ username: 'alice', password: 'x' }], signedInAs: 'alice' })
    await auth.beginTotpSetup()
    await auth.verifyTotpSetup('123456', 'Pixel')
    auth.failNext('setTotpPreferred', 'NetworkError')
    await rejectionOf(auth.setTotpPreferred())
    await auth.setTotpPreferred()
    expect(await auth.fetchMfaStatus()).toEqual({
      totpEnabled: true,
      totpPreferred: true,
      totpSuspended: false,
      setupPending: false,
      otherFactors: [],
      deviceName: 'Pixel',
    })
  })
})

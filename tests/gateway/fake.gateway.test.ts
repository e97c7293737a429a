// The gateway contract against the fake the component tests use, in the mode that checks codes the
// way the pool does (a phone's TOTP at the fake's clock). The fixed-code mode the screens mostly use
// differs only in which codes count as right, wrong or reused; every rule around them is the same code.
import { randomBytes } from 'node:crypto'
import { createTestClock } from '../../emulator/state/clock.ts'
import { uniqueName } from '../contract/harness.ts'
import { createFakeAuthGateway } from '../support/fake-auth-gateway.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { authGatewayContract } from './auth-gateway.contract.ts'

const CONFIRMATION_CODE = '246810'

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
  })
  return {
    auth,
    async createUser({ temporary = false } = {}) {
      const username = uniqueName('gw')
      const password = 'Gateway-user-2026!'
      auth.addUser({ username, password, email: `${username}@example.com`, status: temporary ? 'force-change-password' : 'confirmed' })
      return { username, password }
    },
    confirmationCode: () => CONFIRMATION_CODE,
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
  }
})

// The gateway contract against the reference: the app's own gateway (lazily loaded Amplify, built
// the way <App> builds it) on a fresh local pool on port 0, with a frozen clock the tests move.
import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { ConsoleLogger } from 'aws-amplify/utils'
import type { PoolConfig } from '../../src/config/app-config.ts'
import { createLazyAuthGateway } from '../../src/auth/lazy-auth-gateway.ts'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock } from '../../emulator/state/clock.ts'
import { createConfirmedUser, createTemporaryUser, failOnConsoleError, sdkClient, uniqueName } from '../contract/harness.ts'
import { memoryStorage } from '../support/memory-storage.ts'
import { authGatewayContract } from './auth-gateway.contract.ts'

// Amplify warns on every configure that the endpoint is custom; that is the point here.
ConsoleLogger.LOG_LEVEL = 'ERROR'

const clock = createTestClock(Date.now())
const logLines: string[] = []
let emulator: RunningEmulator
let sdk: ReturnType<typeof sdkClient>
failOnConsoleError()

beforeAll(async () => {
  // The browser storage the gateway keeps its evidence in (ADR 015); Node has none.
  vi.stubGlobal('localStorage', memoryStorage())
  vi.stubGlobal('sessionStorage', memoryStorage())
  // Amplify names a new device from navigator's user agent before it confirms it (ConfirmDevice);
  // Node 20 has no navigator, and without one Amplify quietly confirms no device (ADR 025).
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' })
  emulator = await startEmulator({ port: 0, clock, log: (line) => void logLines.push(line) })
  sdk = sdkClient(emulator.url)
})

afterAll(async () => {
  vi.unstubAllGlobals()
  sdk.destroy()
  await emulator.close()
})

/**
 * A confirmed user with a phone number and SMS MFA enabled (not preferred), as an administrator
 * would create one, in a pool that can send text messages: the demo pools are TOTP-only, so SMS is
 * turned on for the pool too (only users with a phone number notice).
 */
async function createSmsUser(userPoolId: string, username: string, password: string): Promise<void> {
  await sdk.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/local-sms' } },
    }),
  )
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: username,
      TemporaryPassword: password,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'phone_number', Value: '+15555551234' },
        { Name: 'phone_number_verified', Value: 'true' },
      ],
    }),
  )
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password, Permanent: true }))
  await sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: userPoolId, Username: username, SMSMfaSettings: { Enabled: true } }))
}

authGatewayContract(async (kind) => {
  const found = emulator.pools().find((p) => p.mfaConfiguration === (kind === 'required' ? 'ON' : 'OPTIONAL'))
  if (!found) throw new Error(`no ${kind} pool in the emulator`)
  const pool: PoolConfig = { userPoolId: found.userPoolId, userPoolClientId: found.clientId, endpoint: emulator.url, mfa: kind }
  return {
    auth: createLazyAuthGateway(pool),
    async createUser({ temporary = false, sms = false } = {}) {
      const username = uniqueName('gw')
      const password = 'Gateway-user-2026!'
      if (sms) await createSmsUser(pool.userPoolId, username, password)
      else await (temporary ? createTemporaryUser : createConfirmedUser)(sdk, pool.userPoolId, username, password)
      return { username, password }
    },
    smsCode(username) {
      // What the local pool prints where a real one would send a text message.
      const line = logLines.findLast((l) => l.startsWith(`SMS code for ${username} (`))
      const code = line?.match(/: (\d{6})$/)?.[1]
      if (!code) throw new Error(`the local pool printed no SMS code for ${username}`)
      return code
    },
    confirmationCode(username) {
      // What the local pool prints where a real one would send mail.
      const prefix = `Confirmation code for ${username}`
      const line = logLines.findLast((l) => l.startsWith(`${prefix} <`) || l.startsWith(`${prefix}:`))
      const code = line?.match(/: (\d{6})$/)?.[1]
      if (!code) throw new Error(`the local pool printed no confirmation code for ${username}`)
      return code
    },
    resetCode(username) {
      // Printed as `Password reset code for <username> <<address>>: <code>`.
      const line = logLines.findLast((l) => l.startsWith(`Password reset code for ${username} <`))
      const code = line?.match(/: (\d{6})$/)?.[1]
      if (!code) throw new Error(`the local pool printed no password reset code for ${username}`)
      return code
    },
    now: () => clock.now(),
    advance: (ms) => clock.advance(ms),
  }
})

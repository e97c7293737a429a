// `npm run bench`: Cognito round trips and wall time per product flow, with real aws-amplify
// against an in-process local pool. Round trips are exact; times are indicative (2-core CI box).
import { Amplify } from 'aws-amplify'
import { confirmSignIn, fetchMFAPreference, rememberDevice, setUpTOTP, signIn, signOut, updateMFAPreference, verifyTOTPSetup } from 'aws-amplify/auth'
import { adminCreateUser } from '../emulator/operations/admin-create-user.ts'
import { adminSetUserPassword } from '../emulator/operations/admin-set-user-password.ts'
import { startEmulator } from '../emulator/server.ts'
import { createTestClock } from '../emulator/state/clock.ts'
import { phoneCode } from '../tests/support/phone-totp.ts'
import { createPoolBlocking, printGrowth } from './bench-growth.ts'
import { printSoak, runSoak } from './bench-soak.ts'

type Row = { flow: string; roundTrips: number; operations: string; ms: number }

const calls: string[] = []
const realFetch = globalThis.fetch
globalThis.fetch = (input, init) => {
  const headers = new Headers(init?.headers)
  const target = headers.get('x-amz-target')
  if (target) calls.push(target.split('.').pop() ?? target)
  return realFetch(input, init)
}

async function measure(flow: string, run: () => Promise<void>): Promise<Row> {
  calls.length = 0
  const started = performance.now()
  await run()
  const ms = performance.now() - started
  const counts = new Map<string, number>()
  for (const call of calls) counts.set(call, (counts.get(call) ?? 0) + 1)
  const operations = [...counts].map(([name, count]) => (count > 1 ? `${name}×${count}` : name)).join(', ')
  return { flow, roundTrips: calls.length, operations, ms }
}

async function main(): Promise<void> {
  const clock = createTestClock()
  const emulator = await startEmulator({ port: 0, clock, log: () => {} })
  const [optional, required] = emulator.pools()
  const password = 'Bench-pass-2026!'
  for (const [pool, username] of [
    [optional, 'bench-user'],
    [required, 'bench-required'],
  ] as const) {
    await adminCreateUser({ UserPoolId: pool.userPoolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: password }, emulator.deps)
    await adminSetUserPassword({ UserPoolId: pool.userPoolId, Username: username, Password: password, Permanent: true }, emulator.deps)
  }
  const use = (pool: typeof optional) =>
    Amplify.configure({ Auth: { Cognito: { userPoolId: pool.userPoolId, userPoolClientId: pool.clientId, userPoolEndpoint: emulator.url } } })
  const nextStep = () => clock.advance(30_000) // a TOTP step is accepted once: use the next one

  const rows: Row[] = []
  use(optional)
  rows.push(await measure('sign in, no MFA (SRP)', async () => void (await signIn({ username: 'bench-user', password }))))
  let secret = ''
  rows.push(
    await measure('set up authenticator in settings', async () => {
      secret = (await setUpTOTP()).sharedSecret
      await verifyTOTPSetup({ code: phoneCode(secret, clock.now()), options: { friendlyDeviceName: 'Bench phone' } })
      await updateMFAPreference({ totp: 'PREFERRED' })
    }),
  )
  rows.push(await measure('read MFA status', async () => void (await fetchMFAPreference())))
  rows.push(await measure('sign out', () => signOut()))
  nextStep()
  rows.push(
    await measure('sign in with TOTP code', async () => {
      await signIn({ username: 'bench-user', password })
      await confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()) })
    }),
  )
  await signOut()
  use(required)
  rows.push(
    await measure('set up during sign-in (MFA required)', async () => {
      const { nextStep: step } = await signIn({ username: 'bench-required', password })
      if (step.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`unexpected ${step.signInStep}`)
      await confirmSignIn({ challengeResponse: phoneCode(step.totpSetupDetails.sharedSecret, clock.now()) })
    }),
  )
  await signOut()
  rows.push(await rememberedBrowserSignIn(() => use(optional), secret, password, nextStep, clock))
  await emulator.close()

  console.log('flow | Cognito round trips | operations | ms')
  console.log('--- | ---: | --- | ---:')
  for (const row of rows) console.log(`${row.flow} | ${row.roundTrips} | ${row.operations} | ${row.ms.toFixed(0)}`)

  // The local pool under load in its own process, as `npm start` runs it (scripts/bench-soak.ts), and
  // a cheap call's wait behind CreateUserPool's key generation (scripts/bench-growth.ts has the rest).
  printSoak(await runSoak({ seconds: 20, clients: 4, usersPerClient: 8 }))
  console.log('')
  printGrowth(await createPoolBlocking())
}

/**
 * "Don't ask for a code on this browser" (issue 13): set up unmeasured (a sign-in with the code, which
 * tracks this browser, then rememberDevice), then the measured sign-in, which proves the device instead
 * of asking for the code. Amplify names a device from navigator.userAgent and skips ConfirmDevice
 * without one: Node 20 has none, so this row alone runs with a browser's.
 */
async function rememberedBrowserSignIn(
  use: () => void,
  secret: string,
  password: string,
  nextStep: () => void,
  clock: { now(): number },
): Promise<Row> {
  const hadNavigator = typeof globalThis.navigator !== 'undefined'
  if (!hadNavigator) Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Bench browser' }, configurable: true })
  try {
    use()
    nextStep()
    await signIn({ username: 'bench-user', password })
    await confirmSignIn({ challengeResponse: phoneCode(secret, clock.now()) })
    await rememberDevice()
    await signOut()
    return await measure('sign in on a remembered browser', async () => {
      const { nextStep: step } = await signIn({ username: 'bench-user', password })
      if (step.signInStep !== 'DONE') throw new Error(`a remembered browser was asked for ${step.signInStep}`)
    })
  } finally {
    await signOut()
    if (!hadNavigator) Reflect.deleteProperty(globalThis, 'navigator')
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

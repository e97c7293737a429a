// Cognito round trips and wall time per product flow with real aws-amplify in Node against an
// in-process local pool (what `npm run bench` printed before issue 14). The browser part
// (bench/browser-round-trips.ts) counts the app's own calls; this one isolates Amplify's.
import { Amplify } from 'aws-amplify'
import { confirmSignIn, fetchMFAPreference, rememberDevice, setUpTOTP, signIn, signOut, updateMFAPreference, verifyTOTPSetup } from 'aws-amplify/auth'
import { adminCreateUser } from '../emulator/operations/admin-create-user.ts'
import { adminSetUserPassword } from '../emulator/operations/admin-set-user-password.ts'
import { startEmulator } from '../emulator/server.ts'
import { createTestClock } from '../emulator/state/clock.ts'
import { phoneCode } from '../tests/support/phone-totp.ts'
import type { BenchPart } from './part.ts'
import { ms, table } from './table.ts'

type Row = { flow: string; roundTrips: number; operations: string; ms: number }

export const amplifyRoundTrips: BenchPart = async ({ log }) => {
  const calls: string[] = []
  const realFetch = globalThis.fetch
  // Amplify sends every Cognito call through fetch with X-Amz-Target; counted here, in this process only.
  globalThis.fetch = (input, init) => {
    const target = new Headers(init?.headers).get('x-amz-target')
    if (target) calls.push(target.split('.').pop() ?? target)
    return realFetch(input, init)
  }
  const measure = async (flow: string, run: () => Promise<void>): Promise<Row> => {
    calls.length = 0
    const started = performance.now()
    await run()
    const elapsed = performance.now() - started
    const counts = new Map<string, number>()
    for (const call of calls) counts.set(call, (counts.get(call) ?? 0) + 1)
    const operations = [...counts].map(([name, count]) => (count > 1 ? `${name}×${count}` : name)).join(', ')
    log(`  ${flow}: ${calls.length} round trips`)
    return { flow, roundTrips: calls.length, operations, ms: elapsed }
  }

  const clock = createTestClock()
  const emulator = await startEmulator({ port: 0, clock, log: () => {} })
  const rows: Row[] = []
  try {
    const [optional, required] = emulator.pools()
    const password = 'Bench-pass-2026!'
    for (const [pool, username] of [
      [optional, 'bench-user'],
      [required, 'bench-required'],
    ] as const) {
      await adminCreateUser(
        { UserPoolId: pool.userPoolId, Username: username, MessageAction: 'SUPPRESS', TemporaryPassword: password },
        emulator.deps,
      )
      await adminSetUserPassword({ UserPoolId: pool.userPoolId, Username: username, Password: password, Permanent: true }, emulator.deps)
    }
    const use = (pool: typeof optional) =>
      Amplify.configure({ Auth: { Cognito: { userPoolId: pool.userPoolId, userPoolClientId: pool.clientId, userPoolEndpoint: emulator.url } } })
    const nextStep = () => clock.advance(30_000) // a TOTP step is accepted once: use the next one

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
    rows.push(await rememberedBrowserSignIn(measure, () => use(optional), secret, password, nextStep, clock))
    use(required)
    rows.push(
      await measure('set up during sign-in (MFA required)', async () => {
        const { nextStep: step } = await signIn({ username: 'bench-required', password })
        if (step.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') throw new Error(`unexpected ${step.signInStep}`)
        await confirmSignIn({ challengeResponse: phoneCode(step.totpSetupDetails.sharedSecret, clock.now()) })
      }),
    )
    await signOut()
  } finally {
    globalThis.fetch = realFetch
    await emulator.close()
  }

  return {
    key: 'amplifyRoundTrips',
    title: 'Round trips per flow, aws-amplify in Node',
    markdown: [
      table(
        ['flow', 'Cognito round trips', 'operations', 'ms'],
        rows.map((row) => [row.flow, row.roundTrips, row.operations, ms(row.ms)]),
        ['left', 'right', 'left', 'right'],
      ),
      '',
      'aws-amplify v6 in Node against an in-process local pool, counted at `fetch` (`X-Amz-Target`). ' +
        'Round trips are exact; the times include Amplify and the pool in one process and are indicative only.',
    ].join('\n'),
    data: rows,
  }
}

/**
 * "Don't ask for a code on this browser" (issue 13): set up unmeasured (a sign-in with the code, which
 * tracks this browser, then rememberDevice), then the measured sign-in, which proves the device instead
 * of asking for the code. Amplify names a device from navigator.userAgent and skips ConfirmDevice
 * without one: Node 20 has none, so this row alone runs with a browser's.
 */
async function rememberedBrowserSignIn(
  measure: (flow: string, run: () => Promise<void>) => Promise<Row>,
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

// `npm run bench`, part 2: round trips per flow counted AT THE LOCAL POOL (startEmulator's bench-only
// onRequest hook) while Chromium drives the production build in local mode, as the browser tests do
// (tests/e2e/harness): setup from settings, sign-in with a TOTP code, sign-out, and a page load when
// already signed in, whose requests are split at the page's first paint.
import type { Browser } from 'playwright-core'
import { adminCreateUser } from '../emulator/operations/admin-create-user.ts'
import { adminSetUserPassword } from '../emulator/operations/admin-set-user-password.ts'
import type { ArrivedRequest } from '../emulator/http.ts'
import { startEmulator, type RunningEmulator } from '../emulator/server.ts'
import { createTestClock } from '../emulator/state/clock.ts'
import { appOrigin, buildApp, freePort, serveApp, type AppServer } from '../tests/e2e/harness/app.ts'
import { launchChromium } from '../tests/e2e/harness/chromium.ts'
import { Guard } from '../tests/e2e/harness/guards.ts'
import { DESKTOP } from '../tests/e2e/harness/screenshots.ts'
import { ui, visible } from '../tests/e2e/steps.ts'
import { phoneCode } from '../tests/support/phone-totp.ts'
import type { BenchPart } from './part.ts'
import { extra, summary } from './call-counts.ts'
import { table } from './table.ts'

type Row = {
  flow: string
  /** What the flow should cost, by operation name ("" when nothing). */
  expected: string[]
  counted: string[]
  /** Page load only: what reached the pool before the page's first contentful paint. */
  beforeFirstPaint?: string[]
}

// The calls that sign a user in (the rest of a sign-in flow's calls are the account page's reads).
const AUTHENTICATION = new Set(['InitiateAuth', 'RespondToAuthChallenge', 'ConfirmDevice', 'UpdateDeviceStatus'])

// Calls that arrive after the screen a flow ends on (a late refresh, a status read) count too.
const SETTLE_MS = 750

export const browserRoundTrips: BenchPart = async ({ log }) => {
  const arrived: ArrivedRequest[] = []
  const clock = createTestClock()
  let browser: Browser | undefined
  let emulator: RunningEmulator | undefined
  let app: AppServer | undefined
  const rows: Row[] = []
  try {
    const appPort = await freePort()
    const built = buildApp()
    browser = await launchChromium()
    emulator = await startEmulator({
      port: 0,
      clockControl: clock,
      corsOrigins: [appOrigin(appPort)],
      log: () => {},
      onRequest: (request) => void arrived.push(request),
    })
    log('  building the app (or reusing the browser tests’ build)')
    app = await serveApp(await built, emulator.url, appPort)
    const pool = emulator.pools().find((candidate) => candidate.mfaConfiguration === 'OPTIONAL') ?? emulator.pools()[0]
    const user = { username: 'bench-browser', password: 'Bench-pass-2026!', email: 'bench-browser@example.com' }
    await adminCreateUser(
      {
        UserPoolId: pool.userPoolId,
        Username: user.username,
        MessageAction: 'SUPPRESS',
        TemporaryPassword: user.password,
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
        ],
      },
      emulator.deps,
    )
    await adminSetUserPassword({ UserPoolId: pool.userPoolId, Username: user.username, Password: user.password, Permanent: true }, emulator.deps)

    const context = await browser.newContext({ locale: 'en-US', viewport: DESKTOP, timezoneId: 'UTC' })
    context.setDefaultTimeout(20_000)
    const page = await context.newPage()
    const steps = ui({ page, context, guard: new Guard(), lang: 'en' })
    const counted = async (run: () => Promise<void>): Promise<string[]> => {
      const from = arrived.length
      await run()
      await page.waitForTimeout(SETTLE_MS)
      return arrived.slice(from).map(nameOf)
    }

    await page.goto(app.url)
    await steps.signIn(user)
    await steps.expectSignedIn(user)
    await visible(steps.totpStatus(false))
    log('  setup from settings')
    let setupKey = ''
    rows.push({
      flow: 'set up the authenticator app from settings (from Security shown to "On")',
      expected: ['AssociateSoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference'],
      counted: await counted(async () => {
        await steps.button('security.setUp').click()
        await visible(steps.setupHeading())
        setupKey = await steps.readSetupKey()
        await steps.setupCodeField().pressSequentially(phoneCode(setupKey, clock.now()))
        await visible(steps.textOf('security.notice.enabled'))
        await visible(steps.totpStatus(true))
      }),
    })
    log('  sign out')
    // Amplify revokes the refresh token as it signs out: the one call a sign-out should make.
    rows.push({ flow: 'sign out', expected: ['RevokeToken'], counted: await counted(() => steps.signOut()) })
    clock.advance(30_000) // the setup used this step's code: the phone's next one signs in
    log('  sign in with a TOTP code')
    // The sign-in's own calls end with its last authentication call (the device's proof after the
    // code, or a ConfirmDevice); what follows are the account page's reads. The page starts them as
    // soon as it appears, before the test sees it, so the split is by what each call is.
    const signInAndPage = await counted(async () => {
      await steps.signIn(user)
      await visible(steps.totpHeading())
      await steps.totpField().pressSequentially(phoneCode(setupKey, clock.now()))
      await steps.expectSignedIn(user)
      await visible(steps.totpStatus(true))
    })
    const signInCalls = signInAndPage.findLastIndex((name) => AUTHENTICATION.has(name)) + 1
    rows.push({
      flow: 'sign in with password and TOTP code (from the form to the account page shown)',
      expected: ['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge'],
      counted: signInAndPage.slice(0, signInCalls),
    })
    rows.push({
      flow: 'the account page after that sign-in (its status and remembered browsers)',
      expected: ['GetUser', 'ListDevices'],
      counted: signInAndPage.slice(signInCalls),
    })
    log('  page load when signed in')
    const from = arrived.length
    await page.reload()
    await steps.expectSignedIn(user)
    await visible(steps.totpStatus(true))
    await page.waitForTimeout(SETTLE_MS)
    const paintedAt = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0] ?? performance.getEntriesByName('first-paint')[0]
      return paint ? performance.timeOrigin + paint.startTime : null
    })
    if (paintedAt === null) throw new Error('the page reported no first paint')
    const load = arrived.slice(from)
    rows.push({
      flow: 'page load when already signed in (reload on the account page)',
      expected: [],
      counted: load.map(nameOf),
      beforeFirstPaint: load.filter((request) => request.at <= paintedAt).map(nameOf),
    })
    await context.close()
  } finally {
    await Promise.allSettled([browser?.close(), app?.stop(), emulator?.close()])
  }

  return {
    key: 'browserRoundTrips',
    title: 'Round trips per flow, counted at the local pool (Chromium, production build)',
    markdown: [
      table(
        ['flow', 'expected', 'counted', 'operations', 'extra calls'],
        rows.map((row) => [
          row.flow,
          row.expected.length,
          row.beforeFirstPaint ? `${row.counted.length} (before first paint: ${summary(row.beforeFirstPaint) || 'none'})` : row.counted.length,
          summary(row.counted) || '–',
          summary(extra(row.counted, row.expected)) || 'none',
        ]),
        ['left', 'right', 'right', 'left', 'left'],
      ),
      '',
      'Every request that reached the pool while Chromium (headless, fresh context) drove the production build in local mode, ' +
        'as the browser tests serve it (`vite preview` proxying to an in-process pool), counted by the pool itself (a hook ' +
        `that sees method, path and operation name only). Calls up to ${SETTLE_MS} ms after the flow's last screen count too. ` +
        'A GET is the app reading the local pool’s configuration (local mode only; a build for a real pool does not make it). ' +
        'The sign-in runs in the browser that set up the authenticator, whose device the pool tracks since that first sign-in ' +
        '(the pools are set up as `infra/user-pool.yaml` sets them: devices tracked, remembered only when the user asks): after ' +
        'the code, that device proves itself (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER, two more RespondToAuthChallenge; ' +
        'ADR 024), as Amazon Cognito asks of a tracked device. ' +
        '"Before first paint" compares each arrival with the page’s first contentful paint on the same clock.',
    ].join('\n'),
    data: rows,
  }
}

function nameOf(request: ArrivedRequest): string {
  return request.operation ?? `${request.method} ${request.path}`
}

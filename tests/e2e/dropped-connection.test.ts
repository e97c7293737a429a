// Journey 7: the connection drops while the code is being verified. The user is told clearly,
// the same setup (same key, same QR code) stays on screen, and trying again succeeds without
// asking the pool for a new secret.
import type { Page } from 'playwright-core'
import { setupE2E, type AppSession } from './harness.ts'
import { ui, visible } from './steps.ts'

const e2e = setupE2E()

/** Signs a new user in and opens the setup screen; returns the user and the setup key shown. */
async function openSetup(session: AppSession, name: string) {
  const app = ui(session)
  const user = await e2e.emulator.createUser(name)
  await app.signIn(user)
  await app.expectSignedIn(user)
  await app.button('security.setUp').click()
  await visible(app.qrCode(user.username))
  return { user, setupKey: await app.readSetupKey() }
}

/** Resets the connection of VerifySoftwareToken requests while `isDown()` says so; returns how many were dropped. */
async function dropVerification(page: Page, isDown: () => boolean): Promise<{ dropped: number }> {
  const counter = { dropped: 0 }
  await page.route('**/*', (route) => {
    const target = route.request().headers()['x-amz-target'] ?? ''
    if (target.endsWith('.VerifySoftwareToken') && isDown()) {
      counter.dropped += 1
      return route.abort('connectionreset')
    }
    return route.fallback()
  })
  return counter
}

describe('journey 7', () => {
  test('the connection is down when the code is sent: a clear message, then a retry with the same key succeeds', async () => {
    const session = await e2e.openApp()
    const app = ui(session)
    const { page, guard } = session
    const { user, setupKey } = await openSetup(session, 'ava')
    guard.allowConsoleError(/ERR_CONNECTION_RESET/)

    // Down for this one attempt (Amplify's own automatic retries of it included).
    let down = true
    const network = await dropVerification(page, () => down)
    await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))
    await visible(app.alert('failure.offline'))
    expect(network.dropped).toBeGreaterThanOrEqual(1)
    // Still the same setup: nothing to scan again.
    expect(await app.readSetupKey()).toBe(setupKey)
    expect((await app.scanQrCode(user.username)).searchParams.get('secret')).toBe(setupKey)

    // Back online. The code never reached the pool, so the same one is still good.
    down = false
    await app.button('totp.verify').click()
    await visible(app.textOf('security.notice.enabled'))
    await visible(app.totpStatus(true))
    expect(guard.count('VerifySoftwareToken')).toBe(network.dropped + 1)
    expect(guard.count('AssociateSoftwareToken')).toBe(1)
  })
})

describe('journey 7, other ways a connection drops', () => {
  test('a single lost request is retried by Amplify: the user only sees the app turned on', async () => {
    const session = await e2e.openApp()
    const app = ui(session)
    const { page, guard } = session
    const { setupKey } = await openSetup(session, 'leo')
    guard.allowConsoleError(/ERR_CONNECTION_RESET/)

    let calls = 0
    const network = await dropVerification(page, () => ++calls === 1)
    await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))
    await visible(app.textOf('security.notice.enabled'))
    await visible(app.totpStatus(true))
    expect(network.dropped).toBe(1)
    expect(guard.count('VerifySoftwareToken')).toBe(2)
    expect(guard.count('AssociateSoftwareToken')).toBe(1)
  })

  // The pool accepted the code, so Amplify's automatic retry finds nothing left to verify
  // (InvalidParameterException). The user must not be told the code was wrong. Nor may the app
  // call it on: SetUserMFAPreference succeeds for any verified token, an older one included, so it
  // cannot tell whether this key is the one the pool kept (ADR 015). The app says what it knows
  // and the user starts over with a new key, which then turns on.
  test('the answer is lost after the pool verified the code: the app never claims it is on, and starting over turns it on', async () => {
    const session = await e2e.openApp()
    const app = ui(session)
    const { page, guard } = session
    const { setupKey } = await openSetup(session, 'zoe')
    guard.allowConsoleError(/ERR_CONNECTION_RESET|status of 400/)
    let lost = 0
    await page.route('**/*', async (route) => {
      const target = route.request().headers()['x-amz-target'] ?? ''
      if (!target.endsWith('.VerifySoftwareToken') || lost > 0) return route.fallback()
      lost += 1
      await route.fetch() // the pool receives and accepts the code …
      return route.abort('connectionreset') // … but the answer never arrives
    })
    await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))
    await visible(app.textOf('failure.setup-not-confirmed'))
    expect(await app.alert('failure.wrong-code').count()).toBe(0)
    expect(await app.textOf('security.notice.enabled').count()).toBe(0)
    expect(guard.count('SetUserMFAPreference')).toBe(0)

    await app.button('totp.startOver').click()
    await expect.poll(() => app.readSetupKey()).not.toBe(setupKey)
    const newKey = await app.readSetupKey()
    await app.setupCodeField().pressSequentially(await e2e.nextCode(newKey))
    await visible(app.textOf('security.notice.enabled'))
    await visible(app.totpStatus(true))
    expect(guard.count('AssociateSoftwareToken')).toBe(2)
  })
})

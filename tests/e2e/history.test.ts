// Issue 11, item 5 (settings), in Chromium on the production build served by `vite preview`: the
// signed-in screens have addresses and history entries (ADR 020). Set up → Back is Security with
// the setup pending (not a lost setup, not a page outside the app) → Forward is the same key →
// a reload on /security/setup (served as the app) finishes with the code alone, saying why the
// key is gone → the code of the key shown before the reload turns it on. One key was issued.
// Back closes the replacement confirmation; an unknown address is corrected. In both languages.
import { expectAccessible, setupE2E, type Lang } from './harness.ts'
import { ui, visible } from './steps.ts'

const e2e = setupE2E()

describe.each(['en', 'ja'] as Lang[])('history and addresses (%s)', (lang) => {
  test('Back, Forward and a reload during setup in settings keep the setup; it finishes with the key shown before the reload', async () => {
    const session = await e2e.openApp({ lang })
    const app = ui(session)
    const { page, guard } = session
    const path = () => new URL(page.url()).pathname
    const user = await e2e.emulator.createUser(`hana-${lang}`)

    await app.signIn(user)
    await app.expectSignedIn(user)
    await visible(app.totpStatus(false))
    expect(path()).toBe('/security')

    await app.button('security.setUp').click()
    await visible(app.setupHeading())
    const key = await app.readSetupKey()
    expect(path()).toBe('/security/setup')

    // Back: Security, in the app, saying a setup awaits its code.
    await page.goBack()
    await visible(app.textOf('security.pending.body'))
    await visible(app.button('security.finishSetup'))
    expect(path()).toBe('/security')
    await expectAccessible(page, 'security (setup left with Back)', lang)

    // Forward: the same key on screen, no new one.
    await page.goForward()
    await visible(app.setupHeading())
    expect(await app.readSetupKey()).toBe(key)
    expect(path()).toBe('/security/setup')

    // A reload on the setup's address: the server serves the app there, and the key is gone with the page.
    await page.reload()
    await visible(page.getByRole('heading', { name: app.t('totp.finishTitle'), level: 2 }))
    await visible(app.textOf('security.keyGone'))
    expect(await app.setupKey().count()).toBe(0)
    expect(path()).toBe('/security/setup')
    expect(page.url()).not.toContain(key)
    await expectAccessible(page, 'finishing setup after a reload', lang)

    // The entry the phone added from the key shown before the reload finishes it, in this page.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))
    await app.setupCodeField().pressSequentially(await e2e.currentCode(key))
    await visible(app.textOf('security.notice.enabled'))
    await visible(app.totpStatus(true))
    await page.waitForURL((url) => url.pathname === '/security')
    // In place: Chromium keeps the entries pushed before the reload in this document, so going
    // back over the setup's entry loads nothing and the news stays (ADR 020).
    await visible(app.textOf('security.notice.enabled'))
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true)
    expect(guard.count('AssociateSoftwareToken')).toBe(1)

    // Back closes a dialog and stays on Security.
    await app.button('security.replace').click()
    await visible(page.getByRole('dialog', { name: app.t('security.replaceConfirm.title') }))
    await page.goBack()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    expect(path()).toBe('/security')
    await visible(app.totpStatus(true))
    expect(guard.count('AssociateSoftwareToken')).toBe(1)
  })
})

test('an address the app does not have is corrected: sign-in at /, then Security at /security', async () => {
  const session = await e2e.openApp()
  const app = ui(session)
  const { page } = session
  const user = await e2e.emulator.createUser('noor')
  await page.goto(new URL('/no/such/page', e2e.appUrl).href)
  await visible(app.signInHeading())
  await page.waitForURL((url) => url.pathname === '/')
  await app.signIn(user)
  await app.expectSignedIn(user)
  await page.waitForURL((url) => url.pathname === '/security')
})

// Journeys 1 and 6: sign in → account settings → set up the authenticator app (the QR code on
// screen carries the setup key shown) → TOTP on and preferred → sign out → sign in with password
// and code. In English, then the same in Japanese. axe runs on every screen, and the main screens
// are photographed.
import { expectAccessible, screenshotScreen, setupE2E, type Lang } from './harness.ts'
import { ui, visible } from './steps.ts'

const e2e = setupE2E()

const journeys: Array<[number, Lang, string, string]> = [
  [1, 'en', 'English', 'emma'],
  [6, 'ja', 'Japanese', 'yui'],
]

describe.each(journeys)('journey %i', (_n, lang, language, name) => {
  test(`sets up the authenticator app from account settings, then signs in with a code (${language})`, async () => {
    const session = await e2e.openApp({ lang })
    const app = ui(session)
    const { page, guard } = session
    const user = await e2e.emulator.createUser(name)

    await visible(app.signInHeading())
    await expectAccessible(page, 'sign-in', lang)
    await screenshotScreen(page, 'sign-in', lang)
    await app.signIn(user)

    // Account settings: the authenticator app is off.
    await app.expectSignedIn(user)
    await visible(app.totpStatus(false))
    await visible(app.textOf('security.totp.offDescription'))
    await expectAccessible(page, 'account settings (authenticator off)', lang)

    await app.button('security.setUp').click()
    await visible(app.setupHeading())
    const qr = await visible(app.qrCode(user.username))
    const setupKey = await app.readSetupKey()

    // What the phone's camera reads is the key shown, for this app and this account.
    const scanned = await app.scanQrCode(user.username)
    expect(scanned.protocol).toBe('otpauth:')
    expect(scanned.host).toBe('totp')
    expect(decodeURIComponent(scanned.pathname)).toBe(`/Cognito TOTP:${user.username}`)
    expect(scanned.searchParams.get('secret')).toBe(setupKey)
    expect(scanned.searchParams.get('issuer')).toBe('Cognito TOTP')
    // The "Open in authenticator app" link carries the same URI; the QR code's name does not.
    expect(await page.getByRole('link', { name: app.t('totp.openInApp') }).getAttribute('href')).toBe(scanned.href)
    expect((await qr.getAttribute('aria-label')) ?? '').not.toContain(setupKey.slice(0, 8))
    await expectAccessible(page, 'authenticator setup (settings)', lang)
    await screenshotScreen(page, 'setup', lang)

    await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))

    // On and preferred; left unnamed, the device's name is said to be unknown (no default word is
    // stored); setting up minted exactly one secret.
    await visible(app.textOf('security.notice.enabled'))
    await visible(app.totpStatus(true))
    await visible(app.textOf('security.totp.preferred'))
    await visible(app.textOf('security.totp.deviceUnknown'))
    expect(guard.count('AssociateSoftwareToken')).toBe(1)
    await expectAccessible(page, 'account settings (authenticator on)', lang)
    await screenshotScreen(page, 'security', lang)

    await app.signOut()
    await visible(app.textOf('signIn.notice.signed-out'))
    expect(await app.usernameField().inputValue()).toBe(user.username)
    await expectAccessible(page, 'sign-in after signing out', lang)

    await app.signIn(user)
    await visible(app.totpHeading())
    await visible(app.textOf('signIn.totp.intro', { username: user.username }))
    await expectAccessible(page, 'sign-in code step', lang)
    await screenshotScreen(page, 'sign-in-totp', lang)
    // The code of the setup was used; the phone's next code is the one to type.
    await app.totpField().pressSequentially(await e2e.nextCode(setupKey))

    await app.expectSignedIn(user)
    await visible(app.totpStatus(true))
  })
})

// Journey 2: on the pool that requires MFA, a user without an authenticator app is led through
// setting one up inside sign-in (the same setup screen as in settings) and ends signed in.
// English and Japanese; axe on every screen.
import { expectAccessible, screenshotScreen, setupE2E, type Lang } from './harness.ts'
import { ui, visible } from './steps.ts'

const e2e = setupE2E()

const journeys: Array<[Lang, string, string]> = [
  ['en', 'English', 'noah'],
  ['ja', 'Japanese', 'sora'],
]

describe.each(journeys)('journey 2 (%s)', (lang, language, name) => {
  test(`a new user on the MFA-required pool sets up the authenticator app during sign-in (${language})`, async () => {
    const session = await e2e.openApp({ lang })
    const app = ui(session)
    const { page, guard } = session
    const user = await e2e.emulator.createUser(name, 'required')

    await visible(app.signInHeading())
    await app.choosePool('required')
    await expectAccessible(page, 'sign-in (MFA-required pool chosen)', lang)
    await app.signIn(user)

    await visible(app.setupDuringSignInHeading())
    await visible(app.textOf('signIn.setup.intro', { username: user.username }))
    // The challenge session's time is shown while the user works with the phone.
    await visible(page.getByRole('timer'))
    await visible(app.qrCode(user.username))
    const setupKey = await app.readSetupKey()
    const scanned = await app.scanQrCode(user.username)
    expect(scanned.searchParams.get('secret')).toBe(setupKey)
    expect(decodeURIComponent(scanned.pathname)).toBe(`/Cognito TOTP:${user.username}`)
    await expectAccessible(page, 'authenticator setup during sign-in', lang)
    await screenshotScreen(page, 'sign-in-setup', lang)

    await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))

    await app.expectSignedIn(user)
    await visible(app.totpStatus(true))
    await visible(app.textOf('security.totp.preferred'))
    // The pool requires MFA: turning the app off is not offered, and the screen says why.
    await visible(app.textOf('security.requiredReason'))
    expect(await app.button('security.turnOff').count()).toBe(0)
    expect(guard.count('AssociateSoftwareToken')).toBe(1)
    await expectAccessible(page, 'account settings (MFA-required pool)', lang)

    // Signing in next time asks for the code.
    await app.signOut()
    await app.signIn(user)
    await visible(app.totpHeading())
    await expectAccessible(page, 'sign-in code step (MFA-required pool)', lang)
    await app.totpField().pressSequentially(await e2e.nextCode(setupKey))
    await app.expectSignedIn(user)
  })
})

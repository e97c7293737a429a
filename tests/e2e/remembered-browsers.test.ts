// Remembered browsers (ADR 025) in Chromium, in English and Japanese, with axe: "Don't ask for a
// code on this browser" at the code step; the next sign-in asks for no code; Security lists this
// browser by a name read from Chromium's own device name; Forget brings the code back; and
// replacing the authenticator forgets every remembered browser (the box ticked by default).
import { expectAccessible, setupE2E, type Lang } from './harness.ts'
import { ui, visible } from './steps.ts'

const e2e = setupE2E()

const journeys: Array<[Lang, string]> = [
  ['en', 'rosa'],
  ['ja', 'sakura'],
]

describe.each(journeys)('remembered browsers (%s)', (lang, name) => {
  test('remember at the code step, sign in without a code, the list, Forget, and forget-all on replace', async () => {
    const session = await e2e.openApp({ lang })
    const app = ui(session)
    const { page, guard } = session
    const user = await e2e.emulator.createUserWithTotp(name)
    const rememberBox = () => page.getByRole('checkbox', { name: app.t('signIn.rememberBrowser.label') })
    const section = () => page.getByRole('region', { name: app.t('browsers.title') })

    // The code step: the box is there, unticked, before the code; ticked, the code signs in.
    await app.signIn(user)
    await visible(app.totpHeading())
    await visible(rememberBox())
    expect(await rememberBox().isChecked()).toBe(false)
    await visible(page.getByText(app.t('signIn.rememberBrowser.hint'), { exact: true }))
    await expectAccessible(page, 'code step with "don’t ask again"', lang)
    await rememberBox().check()
    await app.totpField().pressSequentially(await e2e.nextCode(user.setupKey))
    await app.expectSignedIn(user)

    // Security lists this browser, named from what Amplify sent (Chromium's client hints, on Linux).
    const row = await visible(section().getByRole('listitem'))
    expect(await section().getByRole('listitem').count()).toBe(1)
    await visible(row.getByText(app.t('browsers.thisBrowser'), { exact: true }))
    const named = ['Chromium', 'Chrome'].map((browser) => app.t('browsers.name.both', { browser, platform: 'Linux' }))
    const rowText = (await row.textContent()) ?? ''
    expect(named.some((n) => rowText.includes(n))).toBe(true)
    await visible(page.getByText(`${app.t('browsers.skipOne')} ${app.t('browsers.skipHere')}`, { exact: true }))
    await expectAccessible(page, 'security with a remembered browser', lang)

    // Signed out and in again: the password alone.
    await app.signOut()
    await app.signIn(user)
    await app.expectSignedIn(user)
    expect(await app.totpHeading().count()).toBe(0)
    await visible(app.totpStatus(true))

    // Forget it: the next sign-in here asks for the code again (and it is remembered once more).
    const shownName = named.find((n) => rowText.includes(n))!
    await section()
      .getByRole('button', { name: app.t('browsers.forgetNamed', { name: shownName }) })
      .click()
    await visible(section().getByText(app.t('browsers.notice.forgot-this'), { exact: true }))
    await visible(section().getByText(app.t('browsers.empty'), { exact: true }))
    await app.signOut()
    await app.signIn(user)
    await visible(app.totpHeading())
    await rememberBox().check()
    await app.totpField().pressSequentially(await e2e.nextCode(user.setupKey))
    await app.expectSignedIn(user)
    await visible(section().getByRole('listitem'))

    // Replace: the confirmation offers to forget every remembered browser, ticked.
    await app.button('security.replace').click()
    const dialog = await visible(page.getByRole('dialog', { name: app.t('security.replaceConfirm.title') }))
    const forgetAll = dialog.getByRole('checkbox', { name: app.t('browsers.withChange.label') })
    expect(await forgetAll.isChecked()).toBe(true)
    await expectAccessible(page, 'replace confirmation with forget-all', lang)
    await dialog.getByRole('button', { name: app.t('security.replaceConfirm.continue'), exact: true }).click()
    await visible(app.setupHeading())
    const newKey = await app.readSetupKey()
    await app.setupCodeField().pressSequentially(await e2e.nextCode(newKey))
    await visible(app.textOf('security.notice.replaced'))
    await visible(section().getByText(app.t('browsers.notice.forgot-all-with-change'), { exact: true }))
    await visible(section().getByText(app.t('browsers.empty'), { exact: true }))

    // This browser no longer skips the code: the new authenticator's code is asked for.
    await app.signOut()
    await app.signIn(user)
    await visible(app.totpHeading())
    expect(await rememberBox().isChecked()).toBe(false)
    guard.addSecret(newKey)
  })
})

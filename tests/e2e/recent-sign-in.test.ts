// Recent sign-in for sensitive changes (ADR 016). A session signed in more than five minutes ago
// (the pool's clock and the page's moved forward) turning the authenticator app off is asked for
// the password and a current code first: a wrong code is refused and the dialog stays; the right
// one, from the key shown at setup as a phone would make it, turns the app off without leaving
// Security. Within five minutes, replacing asks nothing. In English and Japanese; axe on the dialog.
import { expectAccessible, setupE2E, type AppSession, type Lang } from './harness.ts'
import { isFocused, ui, visible, wrongCode } from './steps.ts'
import { phoneCode } from '../support/phone-totp.ts'

const e2e = setupE2E()

const MINUTE = 60_000

/** A fresh browser whose clock is the pool's (earlier tests in this file moved the pool's). */
async function openAtPoolTime(lang: Lang): Promise<AppSession> {
  const session = await e2e.openApp({ lang, browserClock: true })
  await session.page.clock.setSystemTime(await e2e.emulator.now())
  return session
}

/** Signs in with the password and sets up the authenticator app in Security; returns the key shown. */
async function signInAndSetUp(session: AppSession, name: string) {
  const app = ui(session)
  const user = await e2e.emulator.createUser(name)
  await app.signIn(user)
  await app.expectSignedIn(user)
  await app.button('security.setUp').click()
  await visible(app.setupHeading())
  const setupKey = await app.readSetupKey()
  await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))
  await visible(app.textOf('security.notice.enabled'))
  await visible(app.totpStatus(true))
  return { user, setupKey }
}

const journeys: Array<[Lang, string]> = [
  ['en', 'olivia'],
  ['ja', 'haruto'],
]

describe.each(journeys)('recent sign-in (%s)', (lang, name) => {
  test('turning the authenticator off six minutes after signing in asks for the password and a code, then turns it off in place', async () => {
    const session = await openAtPoolTime(lang)
    const app = ui(session)
    const { page, guard } = session
    // The wrong password and the wrong code are the pool's 400s.
    guard.allowConsoleError(/status of 400/)
    const { user, setupKey } = await signInAndSetUp(session, name)

    // Six minutes pass, for the pool and for the page.
    await e2e.emulator.advanceClock(6 * MINUTE)
    await page.clock.fastForward(6 * MINUTE)

    await app.button('security.turnOff').click()
    const confirm = await visible(page.getByRole('dialog', { name: app.t('security.disableConfirm.title') }))
    await confirm.getByRole('button', { name: app.t('security.disableConfirm.confirm'), exact: true }).click()

    const dialog = await visible(page.getByRole('dialog', { name: app.t('reauth.title') }))
    await visible(dialog.getByText(app.t('reauth.passwordIntro', { name: user.username })))
    const password = dialog.getByLabel(app.t('reauth.password'), { exact: true })
    expect(await isFocused(password)).toBe(true)
    await expectAccessible(page, 'confirm it’s you (password)', lang)

    await password.fill('Not-the-password-1!')
    await password.press('Enter')
    await visible(dialog.getByRole('alert').filter({ hasText: app.t('reauth.failure.bad-credentials') }))
    await password.fill(user.password)
    await dialog.getByRole('button', { name: app.t('reauth.continue'), exact: true }).click()

    const code = await visible(dialog.getByLabel(app.t('reauth.codeLabel'), { exact: true }))
    expect(await isFocused(code)).toBe(true)
    await expectAccessible(page, 'confirm it’s you (code)', lang)
    const now = await e2e.emulator.now()
    await code.pressSequentially(wrongCode([-1, 0, 1].map((step) => phoneCode(setupKey, now + step * 30_000))))
    await visible(dialog.getByRole('alert').filter({ hasText: app.t('failure.wrong-code') }))
    await visible(dialog)
    await visible(app.totpStatus(true))

    await code.pressSequentially(await e2e.nextCode(setupKey))
    await visible(app.textOf('security.notice.disabled'))
    await visible(app.totpStatus(false))
    expect(await page.getByRole('dialog').count()).toBe(0)
    // Still on Security, signed in: the change happened where the user was.
    await app.expectSignedIn(user)
    // The session's old refresh token was revoked once the fresh sign-in's tokens took its place.
    expect(guard.count('RevokeToken')).toBe(1)
    expect(guard.count('SetUserMFAPreference')).toBe(2)
  })
})

test('replacing within five minutes of signing in asks nothing', async () => {
  const session = await openAtPoolTime('en')
  const app = ui(session)
  const { page } = session
  await signInAndSetUp(session, 'noah')

  await e2e.emulator.advanceClock(4 * MINUTE)
  await page.clock.fastForward(4 * MINUTE)
  await app.button('security.replace').click()
  const confirm = await visible(page.getByRole('dialog', { name: app.t('security.replaceConfirm.title') }))
  await confirm.getByRole('button', { name: app.t('security.replaceConfirm.continue'), exact: true }).click()
  await visible(app.setupHeading())
  await app.readSetupKey()
  expect(await page.getByRole('dialog', { name: app.t('reauth.title') }).count()).toBe(0)
})

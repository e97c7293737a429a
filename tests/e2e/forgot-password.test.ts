// Issue 11, "Forgot password", in Chromium on the production build: from the sign-in form to a new
// password with the code the local pool prints (where a real pool sends mail), then signed in after
// the authenticator's code (a reset keeps it). axe on the reset screens, in English and Japanese.
import { expectAccessible, screenshotScreen, setupE2E, type Lang } from './harness.ts'
import { ui, visible } from './steps.ts'

const e2e = setupE2E()

/** The last reset code the pool printed for this user, as a user reads it from mail. */
function resetCodeFor(username: string): string {
  const lines = e2e.emulator.output().split('\n')
  const line = lines.findLast((l) => l.includes(`Password reset code for ${username} <`))
  const code = line?.match(/: (\d{6})\s*$/)?.[1]
  if (!code) throw new Error(`the local pool printed no password reset code for ${username}`)
  return code
}

describe.each([['en'], ['ja']] as Array<[Lang]>)('forgot password (%s)', (lang) => {
  test('"Forgot your password?" → code → new password checked as typed → signed in after the authenticator code', async () => {
    const session = await e2e.openApp({ lang })
    const app = ui(session)
    const { page } = session
    const user = await e2e.emulator.createUserWithTotp(`rei-${lang}`)
    const newPassword = `Reset-e2e-2026-${lang}!`

    await visible(app.signInHeading())
    await app.usernameField().fill(user.username)
    await app.button('signIn.forgotPassword').click()
    await visible(page.getByRole('heading', { name: app.t('passwordReset.title'), level: 1 }))
    expect(await page.getByLabel(app.t('passwordReset.username'), { exact: true }).inputValue()).toBe(user.username)
    await expectAccessible(page, 'password reset, username', lang)
    await app.button('passwordReset.send').click()

    await visible(page.getByRole('heading', { name: app.t('passwordReset.confirm.title'), level: 1 }))
    await page.getByLabel(app.t('passwordReset.confirm.code'), { exact: true }).fill(resetCodeFor(user.username))
    await page.getByLabel(app.t('passwordReset.confirm.password'), { exact: true }).fill(newPassword)
    expect(await page.locator('.password-rules li[data-met="true"]').count()).toBe(5)
    await expectAccessible(page, 'password reset, code and new password', lang)
    await screenshotScreen(page, 'forgot-password', lang)
    await app.button('passwordReset.confirm.submit').click()

    // Signed in with the new password at once; the authenticator is still asked for.
    await visible(app.totpHeading())
    await app.totpField().pressSequentially(await e2e.nextCode(user.setupKey))
    await app.expectSignedIn({ ...user, password: newPassword })
  })
})

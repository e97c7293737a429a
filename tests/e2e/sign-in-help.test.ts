// Issue 10, items 4 and 5 and the MFA_SETUP explanation, in Chromium on the production build:
// the lost-phone help at the code step (the build names a support contact: e2eSupport), six
// wrong codes, and setup during sign-in after a replacement left unfinished on the MFA-required
// pool. axe on every new screen.
import { phoneCode } from '../support/phone-totp.ts'
import { expectAccessible, screenshotScreen, setupE2E, type Lang } from './harness.ts'
import { e2eSupport } from './harness/app.ts'
import { ui, visible, wrongCode } from './steps.ts'

const e2e = setupE2E()

/** The codes the pool would accept right now (it allows one 30-second step either side). */
async function acceptedCodes(setupKey: string): Promise<string[]> {
  const now = await e2e.emulator.now()
  return [-30_000, 0, 30_000].map((offset) => phoneCode(setupKey, now + offset))
}

describe.each([['en'], ['ja']] as Array<[Lang]>)('lost-phone help (%s)', (lang) => {
  test('"Can\'t use your authenticator app?" opens help on the code step: support contact, what support does; the code still signs in', async () => {
    const session = await e2e.openApp({ lang })
    const app = ui(session)
    const { page } = session
    const user = await e2e.emulator.createUserWithTotp(`mia-${lang}`)

    await app.signIn(user)
    await visible(app.totpHeading())
    const toggle = app.button('signIn.help.toggle')
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')

    await visible(app.textOf('signIn.help.noBackup'))
    await visible(app.textOf('signIn.help.contactSupport'))
    await visible(app.textOf('signIn.help.whatHappens'))
    const supportPage = page.getByRole('link', { name: app.t('signIn.help.supportPage') })
    expect(await supportPage.getAttribute('href')).toBe(e2eSupport.url)
    // In a new tab: this tab's challenge session stays.
    expect(await supportPage.getAttribute('target')).toBe('_blank')
    const mail = page.getByRole('link', { name: app.t('signIn.help.supportEmail', { email: e2eSupport.email }) })
    expect(await mail.getAttribute('href')).toBe(`mailto:${e2eSupport.email}`)
    expect(await app.textOf('signIn.help.contactAdmin', { appName: 'Cognito TOTP' }).count()).toBe(0)
    await expectAccessible(page, 'sign-in code step, lost-phone help open', lang)
    await screenshotScreen(page, 'sign-in-help', lang)

    // The same screen and challenge: the code field is still there and finishes the sign-in.
    await app.totpField().pressSequentially(await e2e.nextCode(user.setupKey))
    await app.expectSignedIn(user)
  })
})

test('six wrong codes: the sign-in ends saying so (not "timed out"), username kept; signing in again works', async () => {
  const session = await e2e.openApp()
  const app = ui(session)
  const { page, guard } = session
  // The refused codes are HTTP 400 answers, which Chromium reports in the console.
  guard.allowConsoleError(/status of 400/)
  const user = await e2e.emulator.createUserWithTotp('noor')

  await app.signIn(user)
  await visible(app.totpHeading())
  const field = app.totpField()
  const answersBefore = guard.count('RespondToAuthChallenge')
  for (let i = 1; i <= 5; i++) {
    await field.pressSequentially(wrongCode(await acceptedCodes(user.setupKey)))
    // Refused and cleared: ready for the next code.
    await page.waitForFunction((input) => input instanceof HTMLInputElement && input.value === '' && !input.disabled, await field.elementHandle())
    await visible(app.alert('failure.wrong-code'))
    expect(guard.count('RespondToAuthChallenge')).toBe(answersBefore + i)
  }
  // The pool spent the session after five: the sixth finds it gone.
  await field.pressSequentially(wrongCode(await acceptedCodes(user.setupKey)))

  await visible(app.signInHeading())
  await visible(app.alert('failure.too-many-codes'))
  expect(await app.alert('failure.session-expired').count()).toBe(0)
  expect(await app.usernameField().inputValue()).toBe(user.username)
  await expectAccessible(page, 'sign-in after too many wrong codes', 'en')
  await screenshotScreen(page, 'sign-in-too-many-codes', 'en')

  // Past the short lockout five wrong codes bring, the password and a right code sign in.
  const code = await e2e.nextCode(user.setupKey)
  await app.passwordField().fill(user.password)
  await app.button('signIn.submit').click()
  await visible(app.totpHeading())
  await app.totpField().pressSequentially(code)
  await app.expectSignedIn(user)
})

test('MFA-required pool: a replacement left unfinished leads to setup at the next sign-in, which says what happened', async () => {
  const first = await e2e.openApp()
  const app = ui(first)
  const user = await e2e.emulator.createUser('omar', 'required')

  // Set up during the first sign-in, as a new user on this pool does.
  await app.signIn(user, { pool: 'required' })
  await visible(app.setupDuringSignInHeading())
  const oldKey = await app.readSetupKey()
  await app.setupCodeField().pressSequentially(await e2e.currentCode(oldKey))
  await app.expectSignedIn(user)
  await visible(app.totpStatus(true))

  // Security → Replace → Continue: a new key is issued (the old authenticator is suspended) and left unfinished.
  await app.button('security.replace').click()
  const dialog = await visible(first.page.getByRole('dialog'))
  await dialog.getByRole('button', { name: app.t('security.replaceConfirm.continue'), exact: true }).click()
  await visible(app.setupKey())
  const abandonedKey = await app.readSetupKey()
  expect(abandonedKey).not.toBe(oldKey)

  // Another browser, the password only (as anyone who has it could): Cognito asks for setup.
  const second = await e2e.openApp()
  const other = ui(second)
  await other.signIn(user, { pool: 'required' })
  await visible(other.setupDuringSignInHeading())
  await visible(other.textOf('signIn.setup.hadOne'))
  await visible(other.textOf('signIn.setup.notYou', { appName: 'Cognito TOTP' }))
  await expectAccessible(second.page, 'setup during sign-in after an unfinished replacement', 'en')
  await screenshotScreen(second.page, 'sign-in-setup-after-replacement', 'en')

  // Following the advice: the new key on this screen finishes the sign-in.
  const newKey = await other.readSetupKey()
  await other.setupCodeField().pressSequentially(await e2e.nextCode(newKey))
  await other.expectSignedIn(user)
})

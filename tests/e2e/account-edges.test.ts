// Rough edges of the signed-in app found in the newcomer's walk-through (issue 11): the password
// field's show button (10), "Sign out of all devices" asking first (9), and a second tab of the same
// browser after it (2).
import { expectAccessible, setupE2E } from './harness.ts'
import { isFocused, ui, visible } from './steps.ts'

const e2e = setupE2E()

test('edge 10: the show-password button sits against the input, with the line between them drawn', async () => {
  const session = await e2e.openApp()
  const app = ui(session)
  await visible(app.signInHeading())
  const input = app.passwordField()
  const show = session.page.getByRole('switch', { name: app.t('common.showPassword') })
  const [field, button] = [await input.boundingBox(), await show.boundingBox()]
  if (!field || !button) throw new Error('the password field or its button has no box')
  // No gap (it was 16 px, Amplify's flex gap) and the same height.
  expect(Math.abs(button.x - (field.x + field.width))).toBeLessThanOrEqual(0.5)
  expect(Math.abs(button.height - field.height)).toBeLessThanOrEqual(0.5)
  // Amplify hides the button's left border, so the input's right border is the line between them.
  const divider = await input.evaluate((el) => {
    const style = getComputedStyle(el)
    return { width: parseFloat(style.borderRightWidth), color: style.borderRightColor }
  })
  expect(divider.width).toBeGreaterThanOrEqual(1)
  expect(divider.color).not.toBe('rgba(0, 0, 0, 0)')
})

test('edges 9 and 2: "Sign out of all devices" asks first; a second tab is then told its session ended and goes to sign-in', async () => {
  const session = await e2e.openApp()
  const { page, context, guard, lang } = session
  const app = ui(session)
  const user = await e2e.emulator.createUser('nina')
  await app.signIn(user)
  await app.expectSignedIn(user)

  // A second tab of the same browser shares the tokens: signed in too.
  const other = await context.newPage()
  guard.attachToPage(other)
  await other.goto(e2e.appUrl)
  const otherApp = ui({ ...session, page: other })
  await otherApp.expectSignedIn(user)
  await visible(otherApp.totpStatus(false))

  // Edge 9: one click only asks, saying what it ends and what it does not.
  const everywhere = app.button('account.signOutEverywhere')
  await everywhere.click()
  let dialog = await visible(page.getByRole('dialog', { name: app.t('account.signOutEverywhereConfirm.title') }))
  await visible(dialog.getByText(app.t('account.signOutEverywhereConfirm.ends')))
  await visible(dialog.getByText(app.t('account.signOutEverywhereConfirm.keeps')))
  const cancel = dialog.getByRole('button', { name: app.t('common.cancel'), exact: true })
  expect(await isFocused(cancel)).toBe(true)
  await expectAccessible(page, 'sign out of all devices?', lang)
  await cancel.click()
  await dialog.waitFor({ state: 'hidden' })
  expect(guard.count('GlobalSignOut')).toBe(0)
  await app.expectSignedIn(user)

  await everywhere.click()
  dialog = await visible(page.getByRole('dialog', { name: app.t('account.signOutEverywhereConfirm.title') }))
  await dialog.getByRole('button', { name: app.t('account.signOutEverywhereConfirm.confirm'), exact: true }).click()
  await visible(app.signInHeading())
  await visible(app.textOf('signIn.notice.signed-out-everywhere'))
  expect(guard.count('GlobalSignOut')).toBe(1)

  // Edge 2: the other tab still shows the account page; its next action finds the session over
  // and says so on the sign-in screen, not "This step timed out" with "Try again".
  await otherApp.button('security.setUp').click()
  await visible(otherApp.signInHeading())
  await visible(otherApp.textOf('signIn.notice.session-ended'))
  expect(await otherApp.textOf('failure.session-expired').count()).toBe(0)
  expect(await otherApp.accountHeading().count()).toBe(0)
})

// Journey 5: turning the authenticator app off (after a confirmation that defaults to keeping
// it), then signing in with the password alone.
import { setupE2E } from './harness.ts'
import { isFocused, ui, visible } from './steps.ts'

const e2e = setupE2E()

test('journey 5: turning TOTP off asks first; afterwards sign-in asks only for the password', async () => {
  const session = await e2e.openApp()
  const app = ui(session)
  const { page, guard } = session
  const user = await e2e.emulator.createUserWithTotp('ethan')

  await app.signIn(user)
  await visible(app.totpHeading())
  await app.totpField().pressSequentially(await e2e.nextCode(user.setupKey))
  await app.expectSignedIn(user)
  await visible(app.totpStatus(true))

  // Changing one's mind: the dialog starts on "Keep it on", and keeping it changes nothing.
  await app.button('security.turnOff').click()
  let dialog = await visible(page.getByRole('dialog', { name: app.t('security.disableConfirm.title') }))
  await visible(dialog.getByText(app.t('security.disableConfirm.body')))
  const keep = dialog.getByRole('button', { name: app.t('security.disableConfirm.keep') })
  expect(await isFocused(keep)).toBe(true)
  await keep.click()
  await dialog.waitFor({ state: 'hidden' })
  await visible(app.totpStatus(true))

  await app.button('security.turnOff').click()
  dialog = await visible(page.getByRole('dialog', { name: app.t('security.disableConfirm.title') }))
  await dialog.getByRole('button', { name: app.t('security.disableConfirm.confirm'), exact: true }).click()
  await visible(app.textOf('security.notice.disabled'))
  await visible(app.totpStatus(false))
  await visible(app.textOf('security.totp.offDescription'))

  await app.signOut()
  const answersBefore = guard.count('RespondToAuthChallenge')
  await app.signIn(user)
  await app.expectSignedIn(user)
  await visible(app.totpStatus(false))
  // Only the password was asked for, no code: SRP's password verifier, then this browser's device (tracked
  // since the first sign-in, not remembered) proves itself, DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER
  // (docs/cognito-behaviour.md#remembered-devices; issue 13 turned device tracking on).
  expect(guard.count('RespondToAuthChallenge')).toBe(answersBefore + 3)
  expect(await app.totpHeading().count()).toBe(0)
})

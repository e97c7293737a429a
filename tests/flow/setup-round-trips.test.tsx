// Setup from Security costs the pool exactly the calls the setup itself needs (issue 14): the key
// (AssociateSoftwareToken), the code (VerifySoftwareToken) and the preference (SetUserMFAPreference).
// The status is not read back afterwards (ADR 015, revisited), nor the list of remembered browsers,
// which the page read as it loaded, beside the status, whether or not the authenticator was on
// (ADR 025, revisited). Counted by the local pool itself, with the real app and the real Amplify;
// and what the page shows without the read is what a read shows after a reload.
import { screen, within } from '@testing-library/react'
import { enrolledUser, renderApp, setupFlowTests, ui, type RenderedApp } from './harness.tsx'

const env = setupFlowTests()

const SETUP = ['AssociateSoftwareToken', 'VerifySoftwareToken', 'SetUserMFAPreference']

const section = (app: RenderedApp) => screen.findByRole('region', { name: app.t('browsers.title') }, { timeout: 10_000 })

test('replacing the authenticator from Security: exactly the three setup calls, and the page says "on" with the new name', async () => {
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  const { username, password, key } = await enrolledUser(env, app)
  await steps.signIn(username, password)
  await steps.enterSignInCode(env.nextCode(key))
  await steps.expectSignedIn(username)
  // Security shown: on, with its list of remembered browsers read (none).
  await steps.findTotpStatus(true)
  expect(await within(await section(app)).findByText(t('browsers.empty'), undefined, { timeout: 10_000 })).toBeInTheDocument()

  const operations = await env.operationsDuring(async () => {
    await user.click(screen.getByRole('button', { name: t('security.replace') }))
    const dialog = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
    await user.click(within(dialog).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    const newKey = await steps.readSetupKey()
    await user.type(screen.getByLabelText(t('totp.deviceLabel')), 'New phone')
    await user.type(screen.getByLabelText(t('totp.codeLabel')), env.nextCode(newKey))
    expect(await screen.findByText(t('security.notice.replaced'), undefined, { timeout: 10_000 })).toBeInTheDocument()
    await steps.findTotpStatus(true)
  })
  expect(operations).toEqual(SETUP)
  expect(screen.getByText(t('security.totp.preferred'))).toBeInTheDocument()
  expect(screen.getByText(t('security.totp.device', { name: 'New phone' }))).toBeInTheDocument()
  // The list was kept, not read again: nothing about the browsers changed.
  expect(within(await section(app)).getByText(t('browsers.empty'))).toBeInTheDocument()
})

test('a first setup from Security: exactly the three setup calls, the list having been read with the page; a reload reads the same status', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  const pageLoad = await env.operationsDuring(async () => {
    await steps.expectSignedIn(username)
    await steps.findTotpStatus(false)
  })
  // Off: no list is shown (every sign-in skips the code anyway, ADR 025), but it was read with the
  // status as the page loaded, so that the setup needs no read of its own.
  expect(screen.queryByRole('region', { name: t('browsers.title') })).not.toBeInTheDocument()
  expect(pageLoad).toContain('GetUser')
  expect(pageLoad).toContain('ListDevices')

  const operations = await env.operationsDuring(async () => {
    await user.click(screen.getByRole('button', { name: t('security.setUp') }))
    const key = await steps.readSetupKey()
    await user.type(screen.getByLabelText(t('totp.deviceLabel')), '  Work phone ')
    await user.type(screen.getByLabelText(t('totp.codeLabel')), env.code(key))
    expect(await screen.findByText(t('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
    await steps.findTotpStatus(true)
    expect(await within(await section(app)).findByText(t('browsers.empty'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  })
  // No GetUser and no ListDevices after the setup: the list that appears with "on" is the one read
  // with the page (browsers remembered before an earlier turn-off would be counted in it).
  expect(operations).toEqual(SETUP)
  const shown = [t('security.totp.preferred'), t('security.totp.device', { name: 'Work phone' })]
  for (const text of shown) expect(screen.getByText(text)).toBeInTheDocument()

  // What the page showed from the pool's answers is what it reads from the pool after a reload.
  app.unmount()
  const reloaded = renderApp(env, 'optional')
  await ui(reloaded).expectSignedIn(username)
  await ui(reloaded).findTotpStatus(true)
  for (const text of shown) expect(screen.getByText(text)).toBeInTheDocument()
})

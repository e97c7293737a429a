// The signed-in screens as browser history entries (ADR 020, issue 11 item 5), with the real
// Amplify against the local pool and jsdom's History API: Back from setup returns to Security
// with the setup still there to finish, Forward resumes the same key, a reload on the setup's
// address finishes with the code alone and says why the key is gone, a signed-out deep link goes
// on after sign-in, unknown addresses are corrected, and Back closes the dialogs.
import { screen, waitFor, within } from '@testing-library/react'
import type { Clock } from '../../src/ui/clock.ts'
import { renderApp, setupFlowTests, ui, type FlowEmulator } from './harness.tsx'

const env = setupFlowTests()

const MINUTE = 60_000

/** The page's clock is the pool's: moving one moves both, as time passing would. */
function pageClock(flow: FlowEmulator): Clock {
  return {
    now: () => flow.clock.now(),
    every(ms, tick) {
      const id = setInterval(tick, ms)
      return () => clearInterval(id)
    },
  }
}

/** Opens the page at this address, as typing it or following a link would. */
function openAt(path: string) {
  history.replaceState(null, '', path)
}

const path = () => location.pathname

beforeEach(() => openAt('/'))

test('Back from setup returns to Security with the setup pending; Forward resumes the same key, which then finishes', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional', { strict: true })
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  // Signed in, the page is at Security's address, in place of sign-in's (Back does not return to the form).
  await waitFor(() => expect(path()).toBe('/security'))
  const entries = history.length

  await user.click(await screen.findByRole('button', { name: t('security.setUp') }, { timeout: 10_000 }))
  const key = await steps.readSetupKey()
  expect(path()).toBe('/security/setup')
  expect(history.length).toBe(entries + 1)

  // Back: Security, which says a setup awaits its code and offers to finish it.
  history.back()
  expect(await screen.findByText(t('security.pending.body'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: t('security.finishSetup') })).toBeInTheDocument()
  expect(path()).toBe('/security')

  // Forward: the same key, not a new one.
  history.forward()
  await waitFor(async () => expect(await steps.readSetupKey()).toBe(key))
  expect(path()).toBe('/security/setup')

  await user.type(screen.getByLabelText(t('totp.codeLabel')), env.code(key))
  expect(await screen.findByText(t('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await steps.findTotpStatus(true)
  // Done: back at Security's entry, and no entry was added on the way.
  await waitFor(() => expect(path()).toBe('/security'))
  expect(history.length).toBe(entries + 1)
})

test('Back during setup, then "Finish setting up", shows the same key; Back from Security is not a setup again', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  await user.click(await screen.findByRole('button', { name: t('security.setUp') }, { timeout: 10_000 }))
  const key = await steps.readSetupKey()

  history.back()
  await user.click(await screen.findByRole('button', { name: t('security.finishSetup') }, { timeout: 10_000 }))
  expect(await steps.readSetupKey()).toBe(key)
  expect(path()).toBe('/security/setup')

  // Cancel in the page goes back over the setup's entry: Security, and Forward would be the setup.
  await user.click(screen.getByRole('button', { name: t('common.cancel') }))
  expect(await screen.findByText(t('security.pending.body'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await waitFor(() => expect(path()).toBe('/security'))
  expect(history.state).toMatchObject({ securityScreen: { screen: 'security', pushed: false } })
})

test('a reload on the setup address finishes with the code alone and says why the key is not shown', async () => {
  const { username, password } = await env.createUser('optional')
  const first = renderApp(env, 'optional')
  await ui(first).signIn(username, password)
  await ui(first).expectSignedIn(username)
  await first.user.click(await screen.findByRole('button', { name: first.t('security.setUp') }, { timeout: 10_000 }))
  const key = await ui(first).readSetupKey()
  expect(path()).toBe('/security/setup')
  first.unmount()

  // The reload: the same address, the same storage, a new page without the key.
  const reloaded = renderApp(env, 'optional')
  const { t, user } = reloaded
  expect(await screen.findByRole('heading', { name: t('totp.finishTitle') }, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByText(t('security.keyGone'))).toBeInTheDocument()
  expect(screen.queryByRole('group', { name: t('totp.keyLabel') })).not.toBeInTheDocument()
  expect(document.body.textContent).not.toContain(key)
  expect(path()).toBe('/security/setup')
  // The address and the entry hold which screen, and nothing else.
  expect(location.href).not.toContain(key)
  expect(JSON.stringify(history.state)).not.toContain(key)

  await user.type(screen.getByLabelText(t('totp.codeLabel')), env.code(key))
  expect(await screen.findByText(t('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await ui(reloaded).findTotpStatus(true)
  await waitFor(() => expect(path()).toBe('/security'))
})

test('the explanation is in Japanese too', async () => {
  const { username, password } = await env.createUser('optional')
  const first = renderApp(env, 'optional', { locale: 'ja' })
  await ui(first).signIn(username, password)
  await ui(first).expectSignedIn(username)
  await first.user.click(await screen.findByRole('button', { name: first.t('security.setUp') }, { timeout: 10_000 }))
  await ui(first).readSetupKey()
  first.unmount()

  const reloaded = renderApp(env, 'optional', { locale: 'ja' })
  expect(await screen.findByText(reloaded.t('security.keyGone'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  expect(reloaded.t('security.keyGone')).toMatch(/[ぁ-んァ-ヶ一-龯]/)
})

test('nothing to finish: the setup address lands on Security, corrected in place, and no key is issued', async () => {
  const { username, password } = await env.createUser('optional')
  openAt('/security/setup')
  const app = renderApp(env, 'optional')
  const steps = ui(app)
  // Signed out, the address is kept (sign-in goes on there) ...
  await screen.findByRole('heading', { name: app.t('signIn.title') }, { timeout: 10_000 })
  expect(path()).toBe('/security/setup')
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  // ... and with no setup to finish, Security is where it goes: no new key without a click.
  await steps.findTotpStatus(false)
  await waitFor(() => expect(path()).toBe('/security'))
  expect(screen.queryByRole('heading', { name: app.t('totp.title') })).not.toBeInTheDocument()
  expect(screen.queryByRole('heading', { name: app.t('totp.finishTitle') })).not.toBeInTheDocument()
})

test('signed out on the setup address with a setup pending: signing in goes on to finish it', async () => {
  const { username, password } = await env.createUser('optional')
  const first = renderApp(env, 'optional')
  await ui(first).signIn(username, password)
  await ui(first).expectSignedIn(username)
  await first.user.click(await screen.findByRole('button', { name: first.t('security.setUp') }, { timeout: 10_000 }))
  const key = await ui(first).readSetupKey()
  // The user signs out on purpose: the next sign-in starts at Security, with the setup to finish.
  await ui(first).signOut()
  expect(path()).toBe('/')
  first.unmount()

  // Later, a link (a bookmark) to the setup's address.
  openAt('/security/setup')
  const again = renderApp(env, 'optional')
  await ui(again).signIn(username, password)
  expect(await screen.findByRole('heading', { name: again.t('totp.finishTitle') }, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByText(again.t('security.keyGone'))).toBeInTheDocument()
  await again.user.type(screen.getByLabelText(again.t('totp.codeLabel')), env.code(key))
  expect(await screen.findByText(again.t('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
})

test('unknown addresses are corrected: to sign-in’s when signed out, to Security’s once signed in', async () => {
  const { username, password } = await env.createUser('optional')
  openAt('/no/such/page')
  const app = renderApp(env, 'optional')
  await screen.findByRole('heading', { name: app.t('signIn.title') }, { timeout: 10_000 })
  await waitFor(() => expect(path()).toBe('/'))
  const entries = history.length
  await ui(app).signIn(username, password)
  await ui(app).expectSignedIn(username)
  await waitFor(() => expect(path()).toBe('/security'))
  expect(history.length).toBe(entries)
  app.unmount()

  openAt('/securityx')
  const signedIn = renderApp(env, 'optional')
  await ui(signedIn).expectSignedIn(username)
  await waitFor(() => expect(path()).toBe('/security'))
})

test('Back closes the replacement confirmation and "Confirm it\'s you", staying on Security', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional', { clock: pageClock(env) })
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  await steps.enrollFromSettings(env)
  await waitFor(() => expect(path()).toBe('/security'))

  // The dialog has an entry of its own, at the same address.
  await user.click(screen.getByRole('button', { name: t('security.replace') }))
  await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
  await waitFor(() => expect(history.state).toMatchObject({ securityScreen: { screen: 'security', dialog: true } }))
  history.back()
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(path()).toBe('/security')
  await steps.findTotpStatus(true)

  // An older session: Continue asks who it is first. Back closes that dialog too, and no key was issued.
  env.clock.advance(6 * MINUTE)
  await user.click(screen.getByRole('button', { name: t('security.replace') }))
  const confirm = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
  await user.click(within(confirm).getByRole('button', { name: t('security.replaceConfirm.continue') }))
  await screen.findByRole('dialog', { name: t('reauth.title') }, { timeout: 10_000 })
  history.back()
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(path()).toBe('/security')
  await steps.findTotpStatus(true)
  expect(screen.queryByText(t('security.suspended.title'))).not.toBeInTheDocument()

  // Cancel in the dialog goes back over its entry: Back after it is not a dialog again.
  await user.click(screen.getByRole('button', { name: t('security.replace') }))
  const again = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
  await user.click(within(again).getByRole('button', { name: t('common.cancel') }))
  await waitFor(() => expect(history.state).toMatchObject({ securityScreen: { dialog: false } }))
})

test('Back closes "Confirm it\'s you" over the setup and keeps the setup with its key', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional', { clock: pageClock(env) })
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  await user.click(await screen.findByRole('button', { name: t('security.setUp') }, { timeout: 10_000 }))
  const key = await steps.readSetupKey()

  // A new key on an older session asks who it is first (ADR 016).
  env.clock.advance(6 * MINUTE)
  await user.click(screen.getByRole('button', { name: t('totp.startOver') }))
  await screen.findByRole('dialog', { name: t('reauth.title') }, { timeout: 10_000 })
  expect(path()).toBe('/security/setup')
  history.back()
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(path()).toBe('/security/setup')
  expect(await steps.readSetupKey()).toBe(key)
})

test('Back closes the "Sign out of all devices" confirmation; nobody is signed out', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  await steps.findTotpStatus(false)

  await user.click(screen.getByRole('button', { name: t('account.signOutEverywhere') }))
  await screen.findByRole('dialog', { name: t('account.signOutEverywhereConfirm.title') })
  await waitFor(() => expect(history.state).toMatchObject({ securityScreen: { dialog: true } }))
  history.back()
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(path()).toBe('/security')
  await steps.expectSignedIn(username)
})

test('after a reload on Security, "Set up" with a setup pending says it starts over with a new key; Finish uses the code alone', async () => {
  const { username, password } = await env.createUser('optional')
  const first = renderApp(env, 'optional')
  await ui(first).signIn(username, password)
  await ui(first).expectSignedIn(username)
  await first.user.click(await screen.findByRole('button', { name: first.t('security.setUp') }, { timeout: 10_000 }))
  const key = await ui(first).readSetupKey()
  history.back()
  // In the same page the key is held: "Set up" shows it again, as before.
  expect(await screen.findByRole('button', { name: first.t('security.setUp') }, { timeout: 10_000 })).toBeInTheDocument()
  await waitFor(() => expect(path()).toBe('/security'))
  first.unmount()

  // Reloaded on Security: the key is gone, so the button that would issue another says so.
  const reloaded = renderApp(env, 'optional')
  const { t, user } = reloaded
  const startOver = await screen.findByRole('button', { name: t('security.startOver') }, { timeout: 10_000 })
  expect(startOver).toHaveAccessibleDescription(t('security.startOverHint'))
  expect(screen.queryByRole('button', { name: t('security.setUp') })).not.toBeInTheDocument()

  // "Finish setting up", a button here: the code alone, without the note about addresses.
  await user.click(screen.getByRole('button', { name: t('security.finishSetup') }))
  expect(await screen.findByRole('heading', { name: t('totp.finishTitle') }, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.queryByText(t('security.keyGone'))).not.toBeInTheDocument()
  expect(path()).toBe('/security/setup')
  await user.type(screen.getByLabelText(t('totp.codeLabel')), env.code(key))
  expect(await screen.findByText(t('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
})

// Flow 7: a reload (a new <App> over the same localStorage) keeps a signed-in user signed in,
// also once the access token has expired (Amplify refreshes it); "sign out of all devices" ends
// a session kept in another browser.
import { screen, within } from '@testing-library/react'
import { renderApp, setupFlowTests, ui } from './harness.tsx'

const env = setupFlowTests()

afterEach(() => {
  vi.useRealTimers()
})

test('a reload keeps a user who signed in with TOTP signed in, with Security as it was', async () => {
  const { username, password } = await env.createUser('optional')
  const first = renderApp(env, 'optional')
  await ui(first).signIn(username, password)
  await ui(first).expectSignedIn(username)
  const { key } = await ui(first).enrollFromSettings(env)
  await ui(first).signOut()
  await ui(first).signIn(username, password)
  await ui(first).enterSignInCode(env.nextCode(key))
  await ui(first).expectSignedIn(username)
  first.unmount()

  const reloaded = renderApp(env, 'optional')
  await ui(reloaded).expectSignedIn(username)
  await ui(reloaded).findTotpStatus(true)
  expect(screen.getByText(reloaded.t('security.totp.preferred'))).toBeInTheDocument()
  expect(screen.queryByRole('heading', { name: reloaded.t('signIn.title') })).not.toBeInTheDocument()
})

test('a reload after the access token has expired refreshes it and stays signed in', async () => {
  const { username, password } = await env.createUser('optional')
  const first = renderApp(env, 'optional')
  await ui(first).signIn(username, password)
  await ui(first).expectSignedIn(username)
  await ui(first).findTotpStatus(false)
  first.unmount()

  // An hour and a bit later, for the browser and for the pool (access tokens last an hour).
  const later = 61 * 60_000
  env.clock.advance(later)
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  vi.setSystemTime(Date.now() + later)

  const reloaded = renderApp(env, 'optional')
  await ui(reloaded).expectSignedIn(username)
  // The pool accepts what Security asks with: the refreshed token, not the expired one.
  await ui(reloaded).findTotpStatus(false)
  expect(screen.queryByText(reloaded.t('signIn.notice.session-ended'))).not.toBeInTheDocument()
})

test('"Sign out of all devices" ends the session another browser kept: it is sent to sign in, told why', async () => {
  const { username, password } = await env.createUser('optional')
  const here = renderApp(env, 'optional')
  await ui(here).signIn(username, password)
  await ui(here).expectSignedIn(username)
  await ui(here).findTotpStatus(false)
  // The other browser: the same tokens, kept aside.
  const otherBrowser = { ...localStorage }

  await here.user.click(screen.getByRole('button', { name: here.t('account.signOutEverywhere') }))
  // It asks first (rough edge 9).
  await here.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: here.t('account.signOutEverywhereConfirm.confirm') }))
  expect(await screen.findByText(here.t('signIn.notice.signed-out-everywhere'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  here.unmount()

  localStorage.clear()
  for (const [name, value] of Object.entries(otherBrowser)) localStorage.setItem(name, value)
  const there = renderApp(env, 'optional')
  expect(await screen.findByText(there.t('signIn.notice.session-ended'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByRole('heading', { name: there.t('signIn.title') })).toBeInTheDocument()
  expect(screen.queryByRole('heading', { name: there.t('account.title') })).not.toBeInTheDocument()
})

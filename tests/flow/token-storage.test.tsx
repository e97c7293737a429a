// Token storage (ADR 010): with tokenStorage 'session' Amplify keeps the tokens in sessionStorage,
// so a reload of the tab keeps the user signed in and a new tab (an empty sessionStorage) does
// not; the remembered device name lives and ends with them. With the default, localStorage, the
// device name outlives sign-out, since Cognito never gives it back.
import { screen } from '@testing-library/react'
import { renderApp, setupFlowTests, ui } from './harness.tsx'

const env = setupFlowTests()

const jwt = /^[\w-]+\.[\w-]+\.[\w-]*$/
const cognitoKeys = (storage: Storage) => Object.keys(storage).filter((k) => k.startsWith('CognitoIdentityServiceProvider.'))
const deviceNameKeys = (storage: Storage) => Object.keys(storage).filter((k) => k.startsWith('cognito-totp.device-name.'))
/** Any value in the storage that looks like a token (a JWT; the refresh token is not one, so also by key). */
const tokensIn = (storage: Storage) => Object.entries(storage).filter(([k, v]) => jwt.test(v) || /Token$/.test(k))

test('session: the tokens are in sessionStorage and not in localStorage; a reload keeps the user signed in, a new tab does not', async () => {
  const { username, password } = await env.createUser('optional')
  const { clientId } = env.pool('optional')
  const first = renderApp(env, 'optional', { tokenStorage: 'session' })
  await ui(first).signIn(username, password)
  await ui(first).expectSignedIn(username)
  await ui(first).findTotpStatus(false)

  const prefix = `CognitoIdentityServiceProvider.${clientId}`
  const stored = sessionStorage.getItem(`${prefix}.LastAuthUser`)
  expect(stored, 'the signed-in user in sessionStorage').toBeTruthy()
  expect(sessionStorage.getItem(`${prefix}.${stored}.accessToken`)).toMatch(jwt)
  expect(sessionStorage.getItem(`${prefix}.${stored}.idToken`)).toMatch(jwt)
  expect(sessionStorage.getItem(`${prefix}.${stored}.refreshToken`)).toBeTruthy()
  expect(cognitoKeys(localStorage)).toEqual([])
  expect(tokensIn(localStorage)).toEqual([])
  first.unmount()

  // A reload: a new <App> over the same tab's storage.
  const reloaded = renderApp(env, 'optional', { tokenStorage: 'session' })
  await ui(reloaded).expectSignedIn(username)
  await ui(reloaded).findTotpStatus(false)
  expect(screen.queryByRole('heading', { name: reloaded.t('signIn.title') })).not.toBeInTheDocument()
  expect(cognitoKeys(localStorage)).toEqual([])
  reloaded.unmount()

  // A new tab: the same localStorage, its own empty sessionStorage.
  const tokens = { ...sessionStorage }
  sessionStorage.clear()
  const newTab = renderApp(env, 'optional', { tokenStorage: 'session' })
  expect(await screen.findByRole('heading', { name: newTab.t('signIn.title') })).toBeInTheDocument()
  expect(screen.queryByRole('heading', { name: newTab.t('account.title') })).not.toBeInTheDocument()
  newTab.unmount()
  for (const [name, value] of Object.entries(tokens)) sessionStorage.setItem(name, value)
})

test('session: the device name is kept in sessionStorage and forgotten at sign-out, with the tokens', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional', { tokenStorage: 'session' })
  await ui(app).signIn(username, password)
  await ui(app).expectSignedIn(username)
  await ui(app).enrollFromSettings(env, 'Work phone')
  expect(await screen.findByText(app.t('security.totp.device', { name: 'Work phone' }))).toBeInTheDocument()
  expect(deviceNameKeys(sessionStorage)).toHaveLength(1)
  expect(deviceNameKeys(localStorage)).toEqual([])

  await ui(app).signOut()
  expect(deviceNameKeys(sessionStorage)).toEqual([])
  // Amplify keeps this browser's tracked device across sign-out (docs/cognito-behaviour.md#remembered-devices);
  // in session mode the gateway forgets it at sign-out, keys and all, as ADR 010 asks (ADR 025).
  expect(cognitoKeys(sessionStorage)).toEqual([])
  expect(tokensIn(sessionStorage)).toEqual([])
})

test('local (the default): the device name outlives sign-out, as Cognito could never give it back', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional')
  await ui(app).signIn(username, password)
  await ui(app).expectSignedIn(username)
  await ui(app).enrollFromSettings(env, 'Work phone')
  expect(deviceNameKeys(localStorage)).toHaveLength(1)
  expect(cognitoKeys(sessionStorage)).toEqual([])
  await ui(app).signOut()
  expect(deviceNameKeys(localStorage)).toHaveLength(1)
  expect(cognitoKeys(localStorage).filter((k) => k.endsWith('Token'))).toEqual([])
})

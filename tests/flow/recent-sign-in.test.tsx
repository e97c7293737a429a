// Recent sign-in for sensitive changes (ADR 016), with the real Amplify against the local pool.
// Turning the authenticator off on a session signed in more than five minutes ago asks for the
// password and a current code first (a fresh SRP sign-in beside the session), then turns it off
// without leaving Security; the session then carries the fresh sign-in's tokens and the old
// refresh token is revoked. Within the limit nothing is asked.
import { AdminForgetDeviceCommand, GetTokensFromRefreshTokenCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider'
import { screen, waitFor, within } from '@testing-library/react'
import { jwtPayload, rejectionOf, sdkClient } from '../contract/harness.ts'
import type { Clock } from '../../src/ui/clock.ts'
import { renderApp, setupFlowTests, ui, wrongCode, type FlowEmulator } from './harness.tsx'

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

/** Amplify's keys for this pool's client in a storage, with their values. */
function cognitoKeys(storage: Storage, clientId: string): Record<string, string> {
  const prefix = `CognitoIdentityServiceProvider.${clientId}.`
  const found: Record<string, string> = {}
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)!
    if (key.startsWith(prefix)) found[key.slice(prefix.length)] = storage.getItem(key)!
  }
  return found
}

describe.each(['en', 'ja'] as const)('in %s', (locale) => {
  test('turning off on an older session asks who it is: wrong password, wrong code, then the right code turns it off in place', async () => {
    const { username, password } = await env.createUser('optional')
    const { clientId } = env.pool('optional')
    const app = renderApp(env, 'optional', { locale, clock: pageClock(env) })
    const { user, t } = app
    const steps = ui(app)
    await steps.signIn(username, password)
    await steps.expectSignedIn(username)
    const { key } = await steps.enrollFromSettings(env)
    const before = cognitoKeys(localStorage, clientId)
    const signedInAt = Number(jwtPayload(before[`${username}.idToken`]).auth_time)

    // Six minutes later, for the pool and the page.
    env.clock.advance(6 * MINUTE)
    await user.click(screen.getByRole('button', { name: t('security.turnOff') }))
    const confirm = await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })
    await user.click(within(confirm).getByRole('button', { name: t('security.disableConfirm.confirm') }))

    const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
    expect(screen.queryByRole('dialog', { name: t('security.disableConfirm.title') })).not.toBeInTheDocument()
    const passwordField = within(dialog).getByLabelText(t('reauth.password'))
    await waitFor(() => expect(passwordField).toHaveFocus())
    await user.type(passwordField, 'Not-the-password-1!{Enter}')
    expect(await within(dialog).findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(t('reauth.failure.bad-credentials'))

    await user.type(within(dialog).getByLabelText(t('reauth.password')), `${password}{Enter}`)
    const codeField = await within(dialog).findByLabelText(t('reauth.codeLabel'), undefined, { timeout: 10_000 })
    await user.type(codeField, wrongCode(key, env.clock.now()))
    expect(await within(dialog).findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(t('failure.wrong-code'))
    expect(screen.getByRole('dialog', { name: t('reauth.title') })).toBeInTheDocument()
    await steps.findTotpStatus(true)

    const code = env.nextCode(key)
    const provedFrom = Math.floor(env.clock.now() / 1000)
    await waitFor(() => expect(within(dialog).getByLabelText(t('reauth.codeLabel'))).toBeEnabled())
    await user.type(within(dialog).getByLabelText(t('reauth.codeLabel')), code)
    expect(await screen.findByText(t('security.notice.disabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await steps.findTotpStatus(false)
    expect(screen.getByRole('heading', { name: t('security.title') })).toBeInTheDocument()

    // The session now carries the fresh sign-in: same user, a new auth_time, a new refresh token;
    // no keys of its own beyond the session's (nothing in sessionStorage).
    const after = cognitoKeys(localStorage, clientId)
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    expect(after.LastAuthUser).toBe(username)
    const fresh = jwtPayload(after[`${username}.idToken`])
    expect(fresh.sub).toBe(jwtPayload(before[`${username}.idToken`]).sub)
    // The pool's clock is real time plus the test's offset: the fresh sign-in ended after the code was typed.
    expect(Number(fresh.auth_time)).toBeGreaterThanOrEqual(provedFrom)
    expect(Number(fresh.auth_time)).toBeLessThanOrEqual(env.clock.now() / 1000)
    expect(Number(fresh.auth_time) - signedInAt).toBeGreaterThanOrEqual(6 * 60)
    expect(after[`${username}.refreshToken`]).not.toBe(before[`${username}.refreshToken`])
    expect(cognitoKeys(sessionStorage, clientId)).toEqual({})

    // The old refresh token was revoked; the new one works, with the key of the device this browser keeps,
    // as Amplify refreshes it (the pool tracks devices: docs/cognito-behaviour.md#remembered-devices).
    const sdk = sdkClient(env.emulator.url)
    try {
      const refresh = (token: string) =>
        sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: token, DeviceKey: after[`${username}.deviceKey`] }))
      const revoked = await rejectionOf(refresh(before[`${username}.refreshToken`]))
      expect(revoked.name).toBe('NotAuthorizedException')
      expect(revoked.message).toMatch(/revoked/i)
      expect((await refresh(after[`${username}.refreshToken`])).AuthenticationResult?.AccessToken).toBeTruthy()
    } finally {
      sdk.destroy()
    }

    // A reload keeps the user signed in with the fresh session.
    app.unmount()
    const reloaded = renderApp(env, 'optional', { locale, clock: pageClock(env) })
    await ui(reloaded).expectSignedIn(username)
    await ui(reloaded).findTotpStatus(false)
  })

  test('replacing within the limit asks nothing', async () => {
    const { username, password } = await env.createUser('optional')
    const app = renderApp(env, 'optional', { locale, clock: pageClock(env) })
    const { user, t } = app
    const steps = ui(app)
    await steps.signIn(username, password)
    await steps.expectSignedIn(username)
    await steps.enrollFromSettings(env)

    env.clock.advance(4 * MINUTE)
    await user.click(screen.getByRole('button', { name: t('security.replace') }))
    const confirm = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
    await user.click(within(confirm).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    await steps.readSetupKey()
    expect(screen.queryByRole('dialog', { name: t('reauth.title') })).not.toBeInTheDocument()
  })
})

test('with tokens in sessionStorage, an older session replacing its authenticator proves it first, and the fresh tokens stay in sessionStorage', async () => {
  const { username, password } = await env.createUser('optional')
  const { clientId } = env.pool('optional')
  const app = renderApp(env, 'optional', { tokenStorage: 'session', clock: pageClock(env) })
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  const { key } = await steps.enrollFromSettings(env)
  const before = cognitoKeys(sessionStorage, clientId)

  env.clock.advance(10 * MINUTE)
  await user.click(screen.getByRole('button', { name: t('security.replace') }))
  const confirm = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
  await user.click(within(confirm).getByRole('button', { name: t('security.replaceConfirm.continue') }))
  const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
  await user.type(within(dialog).getByLabelText(t('reauth.password')), `${password}{Enter}`)
  const codeField = await within(dialog).findByLabelText(t('reauth.codeLabel'), undefined, { timeout: 10_000 })
  const code = env.nextCode(key)
  const provedFrom = Math.floor(env.clock.now() / 1000)
  await user.type(codeField, code)

  // The replacement goes on where the user was: the setup screen with a new key.
  expect(await steps.readSetupKey()).not.toBe(key)
  const after = cognitoKeys(sessionStorage, clientId)
  expect(after[`${username}.refreshToken`]).not.toBe(before[`${username}.refreshToken`])
  expect(Number(jwtPayload(after[`${username}.idToken`]).auth_time)).toBeGreaterThanOrEqual(provedFrom)
  expect(cognitoKeys(localStorage, clientId)).toEqual({})
})

describe.each([
  ['another tab signed out', (clientId: string) => removeCognitoKeys(localStorage, clientId)],
  [
    'another tab signed in as someone else',
    (clientId: string) => localStorage.setItem(`CognitoIdentityServiceProvider.${clientId}.LastAuthUser`, 'someone-else'),
  ],
] as const)('when %s while the dialog was open', (_, changeSession) => {
  test('nothing is installed, the change does not run, and the dialog says why', async () => {
    const { username, password } = await env.createUser('optional')
    const { clientId } = env.pool('optional')
    const app = renderApp(env, 'optional', { clock: pageClock(env) })
    const { user, t } = app
    const steps = ui(app)
    await steps.signIn(username, password)
    await steps.expectSignedIn(username)
    const { key } = await steps.enrollFromSettings(env)
    const before = cognitoKeys(localStorage, clientId)

    env.clock.advance(6 * MINUTE)
    await user.click(screen.getByRole('button', { name: t('security.turnOff') }))
    await user.click(
      within(await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })).getByRole('button', {
        name: t('security.disableConfirm.confirm'),
      }),
    )
    const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
    await user.type(within(dialog).getByLabelText(t('reauth.password')), `${password}{Enter}`)
    const codeField = await within(dialog).findByLabelText(t('reauth.codeLabel'), undefined, { timeout: 10_000 })

    changeSession(clientId)
    const changed = cognitoKeys(localStorage, clientId)
    await user.type(codeField, env.nextCode(key))
    expect(await within(dialog).findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(t('reauth.failure.session-changed'))
    // Nothing was written: no orphan refresh token beside whatever the other tab left.
    expect(cognitoKeys(localStorage, clientId)).toEqual(changed)
    expect(screen.queryByText(t('security.notice.disabled'))).not.toBeInTheDocument()

    // The authenticator is still on: the queued change did not run (read with the old session's token).
    const sdk = sdkClient(env.emulator.url)
    try {
      const got = await sdk.send(new GetUserCommand({ AccessToken: before[`${username}.accessToken`] }))
      expect(got.UserMFASettingList).toContain('SOFTWARE_TOKEN_MFA')
    } finally {
      sdk.destroy()
    }
    // Proving again does not bring the dropped change back either.
    await user.click(within(dialog).getByRole('button', { name: t('common.cancel') }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})

function removeCognitoKeys(storage: Storage, clientId: string): void {
  for (const key of Object.keys(cognitoKeys(storage, clientId))) storage.removeItem(`CognitoIdentityServiceProvider.${clientId}.${key}`)
}

test('a browser forgotten elsewhere meanwhile: the fresh sign-in takes a new device, and the page keeps that one with the tokens', async () => {
  const { username, password } = await env.createUser('optional')
  const { clientId, userPoolId } = env.pool('optional')
  const app = renderApp(env, 'optional', { clock: pageClock(env) })
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  const { key } = await steps.enrollFromSettings(env)
  const oldDevice = cognitoKeys(localStorage, clientId)[`${username}.deviceKey`]
  expect(oldDevice).toBeTruthy()
  // The Security page's list of remembered browsers (none) has loaded before anything else happens.
  const browsers = await screen.findByRole('region', { name: t('browsers.title') }, { timeout: 10_000 })
  expect(await within(browsers).findByText(t('browsers.empty'), undefined, { timeout: 10_000 })).toBeInTheDocument()

  // An administrator forgets this browser's device (npm run admin -- forget-devices), then six minutes pass.
  const sdk = sdkClient(env.emulator.url)
  try {
    await sdk.send(new AdminForgetDeviceCommand({ UserPoolId: userPoolId, Username: username, DeviceKey: oldDevice }))
    env.clock.advance(6 * MINUTE)
    await user.click(screen.getByRole('button', { name: t('security.turnOff') }))
    const confirm = await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })
    await user.click(within(confirm).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
    await user.type(within(dialog).getByLabelText(t('reauth.password')), `${password}{Enter}`)
    const codeField = await within(dialog).findByLabelText(t('reauth.codeLabel'), undefined, { timeout: 10_000 })
    await user.type(codeField, env.nextCode(key))
    expect(await screen.findByText(t('security.notice.disabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
    await steps.findTotpStatus(false)

    // The page holds the device the fresh tokens are bound to, so Amplify's next refresh works.
    const after = cognitoKeys(localStorage, clientId)
    const newDevice = after[`${username}.deviceKey`]
    expect(newDevice).toBeTruthy()
    expect(newDevice).not.toBe(oldDevice)
    expect(jwtPayload(after[`${username}.accessToken`]).device_key).toBe(newDevice)
    const refreshed = await sdk.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: after[`${username}.refreshToken`], DeviceKey: newDevice }),
    )
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy()
    // A reload keeps the user signed in, with Amplify refreshing on the device it holds.
    app.unmount()
    const reloaded = renderApp(env, 'optional', { clock: pageClock(env) })
    await ui(reloaded).expectSignedIn(username)
    await ui(reloaded).findTotpStatus(false)
  } finally {
    sdk.destroy()
  }
})

// Remembered browsers (ADR 025) with the real app and real Amplify on the local pool, which tracks
// devices and remembers one on the user's prompt: "Don't ask for a code on this browser" at the code
// step, then a sign-in here without a code, the Security page's list with this browser marked,
// Forget (the code is asked again), and forgetting them all with a replacement.
import { screen, waitFor, within } from '@testing-library/react'
import { enrolledUser, renderApp, setupFlowTests, ui, type RenderedApp } from './harness.tsx'

const env = setupFlowTests()

/** Signs in with the code, ticking "Don't ask for a code on this browser". */
async function signInRemembering(app: RenderedApp, username: string, password: string, key: string) {
  const { user, t } = app
  await ui(app).signIn(username, password)
  const box = await screen.findByRole('checkbox', { name: t('signIn.rememberBrowser.label') }, { timeout: 10_000 })
  expect(box).not.toBeChecked()
  await user.click(box)
  await ui(app).enterSignInCode(env.nextCode(key))
  await ui(app).expectSignedIn(username)
}

const section = (app: RenderedApp) => screen.findByRole('region', { name: app.t('browsers.title') }, { timeout: 10_000 })

describe.each(['en', 'ja'] as const)('in %s', (locale) => {
  test('remembered at the code step: the next sign-in asks for no code, Security lists this browser, and Forget brings the code back', async () => {
    const app = renderApp(env, 'optional', { locale })
    const { user, t } = app
    const { username, password, key } = await enrolledUser(env, app)
    await signInRemembering(app, username, password, key)

    // Listed as this browser, named from Amplify's device name (jsdom's user agent: Linux, no browser it knows).
    const name = t('browsers.name.platformOnly', { platform: 'Linux' })
    const row = await within(await section(app)).findByRole('listitem', undefined, { timeout: 10_000 })
    expect(row).toHaveTextContent(name)
    expect(within(row).getByText(t('browsers.thisBrowser'))).toBeInTheDocument()
    expect(screen.getByText(`${t('browsers.skipOne')} ${t('browsers.skipHere')}`)).toBeInTheDocument()

    // Signed out and in again: the password alone, no code step; and still "on" (ADR 015).
    await ui(app).signOut()
    await ui(app).signIn(username, password)
    await ui(app).expectSignedIn(username)
    expect(screen.queryByRole('heading', { name: t('signIn.totp.title') })).not.toBeInTheDocument()
    await ui(app).findTotpStatus(true)

    // Forget it: the next sign-in here asks for the code again.
    await user.click(await within(await section(app)).findByRole('button', { name: t('browsers.forgetNamed', { name }) }, { timeout: 10_000 }))
    expect(await within(await section(app)).findByText(t('browsers.notice.forgot-this'), undefined, { timeout: 10_000 })).toBeInTheDocument()
    expect(within(await section(app)).getByText(t('browsers.empty'))).toBeInTheDocument()
    await ui(app).signOut()
    await ui(app).signIn(username, password)
    await ui(app).enterSignInCode(env.nextCode(key))
    await ui(app).expectSignedIn(username)
  })
})

test('replacing the authenticator forgets every remembered browser by default, and says so', async () => {
  const app = renderApp(env, 'optional', { locale: 'en' })
  const { user, t } = app
  const { username, password, key } = await enrolledUser(env, app)
  await signInRemembering(app, username, password, key)
  await within(await section(app)).findByRole('listitem', undefined, { timeout: 10_000 })

  await user.click(screen.getByRole('button', { name: t('security.replace') }))
  const dialog = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
  expect(within(dialog).getByRole('checkbox', { name: t('browsers.withChange.label') })).toBeChecked()
  await user.click(within(dialog).getByRole('button', { name: t('security.replaceConfirm.continue') }))
  // The new key's setup: left with Cancel, the page says what happened to the browsers.
  await ui(app).readSetupKey()
  await user.click(screen.getByRole('button', { name: t('common.cancel') }))
  expect(await within(await section(app)).findByText(t('browsers.notice.forgot-all-with-change'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await waitFor(() => expect(screen.queryByRole('listitem')).not.toBeInTheDocument())
})

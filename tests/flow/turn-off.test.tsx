// Flow 5 (and 6, in Japanese): turning the authenticator app off asks for confirmation; "keep it
// on" changes nothing; confirmed, Security shows it off and the next sign-in needs only the password.
import { screen, within } from '@testing-library/react'
import { renderApp, setupFlowTests, ui } from './harness.tsx'

const env = setupFlowTests()

describe.each(['ja', 'en'] as const)('in %s', (locale) => {
  test('turning the authenticator app off, after confirming, lets the user sign in with the password alone', async () => {
    const { username, password } = await env.createUser('optional')
    const app = renderApp(env, 'optional', { locale })
    const { user, t } = app
    const steps = ui(app)
    await steps.signIn(username, password)
    await steps.expectSignedIn(username)
    const { key } = await steps.enrollFromSettings(env)
    await steps.findTotpStatus(true)

    // Changing one's mind keeps it on.
    await user.click(screen.getByRole('button', { name: t('security.turnOff') }))
    let dialog = await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })
    expect(within(dialog).getByText(t('security.disableConfirm.body'))).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: t('security.disableConfirm.keep') })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: t('security.disableConfirm.keep') }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await steps.findTotpStatus(true)

    await user.click(screen.getByRole('button', { name: t('security.turnOff') }))
    dialog = await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })
    await user.click(within(dialog).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    expect(await screen.findByText(t('security.notice.disabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    await steps.findTotpStatus(false)
    expect(screen.getByText(t('security.totp.offDescription'))).toBeInTheDocument()
    expect(screen.getByRole('button', { name: t('security.setUp') })).toBeInTheDocument()

    // What Security shows is what the pool does: a reload reads it back from Cognito.
    app.unmount()
    const reloaded = renderApp(env, 'optional', { locale })
    await ui(reloaded).expectSignedIn(username)
    await ui(reloaded).findTotpStatus(false)

    // Password alone signs in now; no code step.
    await ui(reloaded).signOut()
    await ui(reloaded).signIn(username, password)
    await ui(reloaded).expectSignedIn(username)
    expect(screen.queryByRole('heading', { name: t('signIn.totp.title') })).not.toBeInTheDocument()

    // And the old key no longer matters: setting it up again issues a different one.
    await reloaded.user.click(await screen.findByRole('button', { name: t('security.setUp') }, { timeout: 10_000 }))
    expect(await ui(reloaded).readSetupKey()).not.toBe(key)
  })
})

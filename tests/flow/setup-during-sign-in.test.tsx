// Flow 2 (and 6, in Japanese): on the pool that requires MFA, a new user's first sign-in sets up
// the authenticator app inside sign-in (CONTINUE_SIGN_IN_WITH_TOTP_SETUP) with the same setup
// screen as account settings; afterwards the app cannot be turned off there, and says why.
import { screen, within } from '@testing-library/react'
import { renderApp, setupFlowTests, ui } from './harness.tsx'

const env = setupFlowTests()

describe.each([
  ['en', 'Phone'],
  ['ja', '仕事用の電話'],
] as const)('in %s', (locale, deviceName) => {
  test('a new user on the MFA-required pool sets up the authenticator app while signing in', async () => {
    const { username, password } = await env.createUser('required')
    const app = renderApp(env, 'required', { locale })
    const { user, t } = app
    const steps = ui(app)

    await steps.signIn(username, password)
    expect(await screen.findByRole('heading', { name: t('signIn.setup.title') }, { timeout: 10_000 })).toBeInTheDocument()
    expect(screen.getByText(t('signIn.setup.intro', { username }))).toBeInTheDocument()

    // The setup screen of account settings, with the sign-in session's time left.
    const setup = await screen.findByRole('region', { name: t('totp.title') }, { timeout: 10_000 })
    expect(within(setup).getByRole('timer')).toHaveTextContent(/\d:\d\d/)
    const key = await steps.readSetupKey()
    expect(await within(setup).findByRole('img', { name: t('totp.qrLabel', { account: username }) })).toBeInTheDocument()
    const href = within(setup).getByRole('link', { name: t('totp.openInApp') }).getAttribute('href') ?? ''
    expect(new URL(href).searchParams.get('secret')).toBe(key)
    expect(within(setup).getByLabelText(t('totp.deviceLabel'))).toHaveValue(t('totp.deviceDefault'))

    const nameField = within(setup).getByLabelText(t('totp.deviceLabel'))
    await user.clear(nameField)
    await user.type(nameField, deviceName)
    await user.type(within(setup).getByLabelText(t('totp.codeLabel')), env.code(key))

    // Verifying the code completes sign-in.
    await steps.expectSignedIn(username)
    await steps.findTotpStatus(true)
    expect(screen.getByText(t('security.totp.preferred'))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.device', { name: deviceName }))).toBeInTheDocument()
    // The pool requires MFA: no "Turn off", and the reason instead; replacing is still offered.
    expect(screen.queryByRole('button', { name: t('security.turnOff') })).not.toBeInTheDocument()
    expect(screen.getByText(t('security.requiredReason'))).toBeInTheDocument()
    expect(screen.getByRole('button', { name: t('security.replace') })).toBeInTheDocument()

    // The next sign-in asks for the code from the app that was just set up.
    await steps.signOut()
    await steps.signIn(username, password)
    await steps.enterSignInCode(env.nextCode(key))
    await steps.expectSignedIn(username)
  })
})

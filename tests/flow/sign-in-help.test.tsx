// The lost-phone path (issue 10, item 4): at the code step, "Can't use your authenticator app?"
// opens help on the same screen: what to do, the support contact when one is configured (else the
// administrator), and what support will do. The code field and the challenge session stay: the
// right code still signs in afterwards. And the MFA_SETUP screen says what a new authenticator
// replaces.
import { screen, waitFor, within } from '@testing-library/react'
import { enrolledUser, renderApp, setupFlowTests, ui } from './harness.tsx'

const env = setupFlowTests()

const support = { url: 'https://help.example.com/totp', email: 'it.desk+totp@example.com' }

describe.each(['en', 'ja'] as const)('lost-phone help (%s)', (locale) => {
  test('with a configured contact: the support page and email, what support does, and the sign-in goes on', async () => {
    const app = renderApp(env, 'optional', { locale, support, appName: 'Acme Portal' })
    const { user, t } = app
    const { username, password, key } = await enrolledUser(env, app)
    await ui(app).signIn(username, password)
    const field = await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })

    const toggle = screen.getByRole('button', { name: t('signIn.help.toggle') })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText(t('signIn.help.noBackup'))).not.toBeInTheDocument()
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const panel = document.getElementById(toggle.getAttribute('aria-controls')!)!
    expect(within(panel).getByText(t('signIn.help.noBackup'))).toBeInTheDocument()
    expect(within(panel).getByText(t('signIn.help.contactSupport'))).toBeInTheDocument()
    expect(within(panel).getByText(t('signIn.help.whatHappens'))).toBeInTheDocument()
    // What support's reset really does (reset-totp keeps the password; nothing hands out a temporary
    // one), and where a user who is not asked at sign-in sets up the new authenticator.
    expect(panel).not.toHaveTextContent(locale === 'en' ? /temporary password/i : /仮パスワード/)
    expect(panel).toHaveTextContent(locale === 'en' ? 'your password stays the same' : 'パスワードは変わりません')
    expect(panel).toHaveTextContent(t('security.title'))
    expect(within(panel).queryByText(t('signIn.help.contactAdmin', { appName: 'Acme Portal' }))).not.toBeInTheDocument()
    const page = within(panel).getByRole('link', { name: t('signIn.help.supportPage') })
    expect(page).toHaveAttribute('href', support.url)
    // A new tab: the challenge session on this one stays.
    expect(page).toHaveAttribute('target', '_blank')
    expect(page).toHaveAttribute('rel', 'noopener noreferrer')
    const mail = within(panel).getByRole('link', { name: t('signIn.help.supportEmail', { email: support.email }) })
    expect(mail).toHaveAttribute('href', 'mailto:it.desk+totp@example.com')

    // Same screen, same challenge: the code still finishes the sign-in without the password again.
    expect(screen.getByRole('heading', { name: t('signIn.totp.title') })).toBeInTheDocument()
    await user.type(field, env.nextCode(key))
    await ui(app).expectSignedIn(username)
  })

  test('without a contact: it says to contact the administrator, never a dead end', async () => {
    const app = renderApp(env, 'optional', { locale, appName: 'Acme Portal' })
    const { user, t } = app
    const { username, password } = await enrolledUser(env, app)
    await ui(app).signIn(username, password)
    await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })

    await user.click(screen.getByRole('button', { name: t('signIn.help.toggle') }))
    expect(await screen.findByText(t('signIn.help.contactAdmin', { appName: 'Acme Portal' }))).toBeInTheDocument()
    expect(screen.getByText(t('signIn.help.noBackup'))).toBeInTheDocument()
    expect(screen.getByText(t('signIn.help.whatHappens'))).toBeInTheDocument()
    expect(screen.queryByText(t('signIn.help.contactSupport'))).not.toBeInTheDocument()
    expect(screen.queryByRole('link')).not.toBeInTheDocument()

    // Closing it again; the way back to the password is still there.
    await user.click(screen.getByRole('button', { name: t('signIn.help.toggle') }))
    await waitFor(() => expect(screen.queryByText(t('signIn.help.noBackup'))).not.toBeInTheDocument())
    await user.click(screen.getByRole('button', { name: t('signIn.back') }))
    expect(await screen.findByLabelText(t('signIn.username'))).toHaveValue(username)
  })
})

test('setting up during sign-in says what happens to an authenticator set up before', async () => {
  const { username, password } = await env.createUser('required')
  const app = renderApp(env, 'required', { locale: 'ja', appName: 'Acme Portal' })
  const { t } = app
  await ui(app).signIn(username, password)
  expect(await screen.findByRole('heading', { name: t('signIn.setup.title') }, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByText(t('signIn.setup.hadOne'))).toBeInTheDocument()
  expect(screen.getByText(t('signIn.setup.notYou', { appName: 'Acme Portal' }))).toBeInTheDocument()
})

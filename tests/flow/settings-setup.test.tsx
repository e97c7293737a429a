// Flow 1: sign in with a password → account settings → set up the authenticator app from the key
// on screen → on and preferred → sign out → sign in again with password and code. Also the
// otpauth URI the screen offers, for an account name and app name that need percent-encoding.
import { screen, waitFor, within } from '@testing-library/react'
import { renderApp, setupFlowTests, textFor, ui } from './harness.tsx'

const env = setupFlowTests()

test('sets up the authenticator app from settings, then signs in with a code from it', async () => {
  // A username with Japanese, '&' and ':' (Cognito usernames cannot hold spaces; the app name
  // carries the space), in a pool whose usernames are case-insensitive: typed in upper case.
  const { username, password } = await env.createUser('optional', 'tanaka&co:太郎')
  const typedName = 'TANAKA&CO:太郎'
  const appName = 'Acme & Co: 東京'
  const app = renderApp(env, 'optional', { appName })
  const { user, t } = app
  const steps = ui(app)

  await steps.signIn(typedName, password)
  await steps.expectSignedIn(typedName)
  await steps.findTotpStatus(false)
  expect(screen.getByText(t('security.totp.offDescription'))).toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: t('security.setUp') }))
  const key = await steps.readSetupKey()

  // The QR code is named for what it does, for this account, and never carries the secret.
  const qr = await screen.findByRole('img', { name: t('totp.qrLabel', { account: typedName }) })
  expect(qr.getAttribute('aria-label')).not.toContain(key.slice(0, 8))
  expect(qr.textContent ?? '').not.toContain(key.slice(0, 8))

  // The link an authenticator app opens: secret = the key shown; label and issuer survive a
  // URL parser's round trip with their spaces, '&', ':' and Japanese intact.
  const href = screen.getByRole('link', { name: t('totp.openInApp') }).getAttribute('href') ?? ''
  const uri = new URL(href)
  expect(uri.protocol).toBe('otpauth:')
  expect(uri.host).toBe('totp')
  expect(uri.searchParams.get('secret')).toBe(key)
  expect(uri.searchParams.get('issuer')).toBe(appName)
  // Only the separator between issuer and account is a literal ':'; the rest is escaped.
  const label = uri.pathname.slice(1)
  expect(label.split(':')).toHaveLength(2)
  const [issuerPart, accountPart] = label.split(':').map(decodeURIComponent)
  expect(issuerPart).toBe(appName)
  expect(accountPart).toBe(typedName)
  expect(href).not.toMatch(/[ +]/)
  expect(href.split('&')).toHaveLength(2)
  expect(href).toContain('Acme%20%26%20Co%3A%20%E6%9D%B1%E4%BA%AC:TANAKA%26CO%3A%E5%A4%AA%E9%83%8E')

  // Device name, then the code the phone shows now: submitted at the sixth digit.
  const deviceName = screen.getByLabelText(t('totp.deviceLabel'))
  await user.clear(deviceName)
  await user.type(deviceName, 'Work phone')
  await user.type(screen.getByLabelText(t('totp.codeLabel')), env.code(key))

  expect(await screen.findByText(t('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await steps.findTotpStatus(true)
  expect(screen.getByText(t('security.totp.preferred'))).toBeInTheDocument()
  expect(screen.getByText(t('security.totp.device', { name: 'Work phone' }))).toBeInTheDocument()

  await steps.signOut()
  expect(screen.getByText(t('signIn.notice.signed-out'))).toBeInTheDocument()
  expect(screen.getByLabelText(t('signIn.username'))).toHaveValue(typedName)

  // Password alone no longer signs in: the code step asks for the app's code, for this account.
  await steps.signIn(username, password)
  expect(await screen.findByRole('heading', { name: t('signIn.totp.title') }, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByText(t('signIn.totp.intro', { username }))).toBeInTheDocument()
  // The setup used this step's code; the phone's next one signs in.
  await steps.enterSignInCode(env.nextCode(key))
  await steps.expectSignedIn(username)
  await steps.findTotpStatus(true)
})

test('leaving setup and coming back shows the same key; only "start over" issues a new one (StrictMode)', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional', { strict: true })
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)

  await user.click(await screen.findByRole('button', { name: t('security.setUp') }, { timeout: 10_000 }))
  const first = await steps.readSetupKey()
  // The user scanned it, then went back to Security, then came back to finish.
  await user.click(screen.getByRole('button', { name: t('common.cancel') }))
  await steps.findTotpStatus(false)
  await user.click(screen.getByRole('button', { name: t('security.setUp') }))
  expect(await steps.readSetupKey()).toBe(first)

  await user.click(screen.getByRole('button', { name: t('totp.startOver') }))
  await waitFor(async () => expect(await steps.readSetupKey()).not.toBe(first))
  const second = await steps.readSetupKey()
  // The entry made from the first key no longer matches; the new one does.
  const field = screen.getByLabelText(t('totp.codeLabel'))
  await user.type(field, env.code(first))
  expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
  await waitFor(() => expect(field).toHaveValue(''))
  await user.type(field, env.code(second))
  expect(await screen.findByText(t('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await steps.findTotpStatus(true)
})

test('replacing the authenticator app warns first; afterwards only the new app’s codes sign in', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  const { key: oldKey } = await steps.enrollFromSettings(env)

  await user.click(screen.getByRole('button', { name: t('security.replace') }))
  const dialog = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
  await user.click(within(dialog).getByRole('button', { name: t('security.replaceConfirm.continue') }))
  expect(await screen.findByText(t('totp.replacingWarning'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  const newKey = await steps.readSetupKey()
  expect(newKey).not.toBe(oldKey)
  await user.type(screen.getByLabelText(t('totp.codeLabel')), env.nextCode(newKey))
  expect(await screen.findByText(t('security.notice.replaced'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await steps.findTotpStatus(true)
  expect(screen.getByText(t('security.totp.preferred'))).toBeInTheDocument()

  await steps.signOut()
  await steps.signIn(username, password)
  const field = await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })
  env.clock.advance(30_000)
  await user.type(field, env.code(oldKey))
  expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
  await waitFor(() => expect(field).toHaveValue(''))
  await user.type(field, env.code(newKey))
  await steps.expectSignedIn(username)
})

test('switching to Japanese in the middle of setup keeps the key, finishes in Japanese, and is remembered on reload', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional', { locale: 'en' })
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  await app.user.click(await screen.findByRole('button', { name: app.t('security.setUp') }, { timeout: 10_000 }))
  const key = await steps.readSetupKey()

  await app.user.click(screen.getByRole('button', { name: '日本語' }))
  const ja = textFor('ja')
  const jaSteps = ui({ user: app.user, t: ja })
  expect(await screen.findByRole('heading', { name: ja('totp.title') })).toBeInTheDocument()
  expect(await jaSteps.readSetupKey()).toBe(key)
  expect(screen.getByLabelText(ja('totp.deviceLabel'))).toHaveValue('')
  await app.user.type(screen.getByLabelText(ja('totp.codeLabel')), env.code(key))
  expect(await screen.findByText(ja('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  // Left unnamed: nothing is stored in the language of the moment (it showed "Device: 認証アプリ" in
  // English afterwards); the page says the name is not known, in the language shown.
  expect(screen.getByText(ja('security.totp.deviceUnknown'))).toBeInTheDocument()
  await app.user.click(screen.getByRole('button', { name: 'English' }))
  expect(await screen.findByText(app.t('security.totp.deviceUnknown'))).toBeInTheDocument()
  expect(screen.queryByText(/認証アプリ$/)).not.toBeInTheDocument()
  await app.user.click(screen.getByRole('button', { name: '日本語' }))
  app.unmount()

  const reloaded = renderApp(env, 'optional', { locale: 'ja', rememberedLocale: true })
  await ui(reloaded).expectSignedIn(username)
  await ui(reloaded).findTotpStatus(true)
  expect(screen.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true')
})

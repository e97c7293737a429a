// Flow 3: a wrong code, then the right one — at the sign-in code step (same session: no password
// again), at setup in account settings (EnableSoftwareTokenMFAException → "did not match"), and
// at setup during sign-in. After two wrong codes, help about the phone's clock and settings.
import { screen, waitFor, within } from '@testing-library/react'
import { enrolledUser, renderApp, setupFlowTests, ui, wrongCode } from './harness.tsx'

const env = setupFlowTests()

test('at the sign-in code step: wrong codes are refused plainly, the field is cleared, the right code signs in', async () => {
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  const { username, password, key } = await enrolledUser(env, app)

  await steps.signIn(username, password)
  const field = await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })
  await user.type(field, wrongCode(key, env.clock.now()))
  expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
  await waitFor(() => expect(field).toHaveValue(''))
  expect(field).toBeEnabled()
  expect(field).toHaveFocus()
  expect(field).toHaveAttribute('aria-invalid', 'true')
  expect(screen.queryByText(t('signIn.totp.clockHelp'))).not.toBeInTheDocument()

  // A second wrong code: the clock and settings help appears.
  await user.type(field, wrongCode(key, env.clock.now()))
  expect(await screen.findByText(t('signIn.totp.clockHelp'))).toBeInTheDocument()
  await waitFor(() => expect(field).toHaveValue(''))

  // Still the same sign-in: the right code finishes it without the password again.
  expect(screen.getByRole('heading', { name: t('signIn.totp.title') })).toBeInTheDocument()
  await user.type(field, env.nextCode(key))
  await steps.expectSignedIn(username)
})

test('a code already used for setup is refused at sign-in as used, and the next one works', async () => {
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  const { username, password, key, usedCode } = await enrolledUser(env, app)

  await steps.signIn(username, password)
  const field = await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })
  // The very code that enrolled the app (its 30-second step is still within the server's window).
  await user.type(field, usedCode)
  expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.code-reused'))
  await waitFor(() => expect(field).toHaveValue(''))
  await user.type(field, env.nextCode(key))
  await steps.expectSignedIn(username)
})

test('at setup in settings: a wrong code says it did not match, two bring the clock help, the right one turns it on', async () => {
  const { username, password } = await env.createUser('optional')
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  await user.click(await screen.findByRole('button', { name: t('security.setUp') }, { timeout: 10_000 }))
  const key = await steps.readSetupKey()
  const field = screen.getByLabelText(t('totp.codeLabel'))

  await user.type(field, wrongCode(key, env.clock.now()))
  expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
  await waitFor(() => expect(field).toHaveValue(''))
  expect(field).toBeEnabled()
  expect(screen.queryByText(t('totp.helpTitle'))).not.toBeInTheDocument()

  await user.type(field, wrongCode(key, env.clock.now()))
  expect(await screen.findByText(t('totp.helpTitle'))).toBeInTheDocument()
  expect(screen.getByText(t('totp.helpClock'))).toBeInTheDocument()
  expect(screen.getByText(t('totp.helpSettings'))).toBeInTheDocument()
  await waitFor(() => expect(field).toHaveValue(''))

  // Same key: the mistyped codes did not cost the user their setup.
  expect(await steps.readSetupKey()).toBe(key)
  await user.type(field, env.code(key))
  expect(await screen.findByText(t('security.notice.enabled'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await steps.findTotpStatus(true)
  expect(screen.getByText(t('security.totp.preferred'))).toBeInTheDocument()
})

test('at setup during sign-in: a wrong code is refused, the right one completes sign-in', async () => {
  const { username, password } = await env.createUser('required')
  const app = renderApp(env, 'required')
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  const setup = await screen.findByRole('region', { name: t('totp.title') }, { timeout: 10_000 })
  const key = await steps.readSetupKey()
  const field = within(setup).getByLabelText(t('totp.codeLabel'))

  await user.type(field, wrongCode(key, env.clock.now()))
  expect(await within(setup).findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
  await waitFor(() => expect(field).toHaveValue(''))
  expect(field).toBeEnabled()

  await user.type(field, env.code(key))
  await steps.expectSignedIn(username)
  await steps.findTotpStatus(true)
})

test('going back from the code step keeps the username, and signing in again asks for a code again', async () => {
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  const { username, password, key } = await enrolledUser(env, app)

  await steps.signIn(username, password)
  await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })
  await user.click(screen.getByRole('button', { name: t('signIn.back') }))
  expect(await screen.findByRole('heading', { name: t('signIn.title') })).toBeInTheDocument()
  expect(screen.getByLabelText(t('signIn.username'))).toHaveValue(username)
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()

  await user.type(screen.getByLabelText(t('signIn.password')), password)
  await user.click(screen.getByRole('button', { name: t('signIn.submit') }))
  await steps.enterSignInCode(env.nextCode(key))
  await steps.expectSignedIn(username)
})

// Issue 10, item 4, after the help: support resets the authenticator of a user who lost their
// phone (`npm run admin -- reset-totp`, AdminDeleteSoftwareToken; docs/cognito-behaviour.md#admindeletesoftwaretoken)
// and the app then tells the truth. MFA optional: the password alone signs in and Security says
// Off, with set-up offered; MFA required: sign-in asks for a new authenticator. Either way the
// lost phone's codes never sign in again, only the new one's.
import { screen, waitFor } from '@testing-library/react'
import { runAdmin } from '../../scripts/admin/run.ts'
import { sdkClient } from '../contract/harness.ts'
import { phoneCode } from '../support/phone-totp.ts'
import { enrolledUser, renderApp, setupFlowTests, ui, wrongCode, type FlowEmulator, type RenderedApp } from './harness.tsx'

const env = setupFlowTests()

/** Support's command, as `npm run admin -- reset-totp USER --yes` runs it against the local pool; returns what it printed. */
async function supportResets(kind: 'optional' | 'required', username: string): Promise<string> {
  const out: string[] = []
  const code = await runAdmin(['reset-totp', username, '--pool-id', env.pool(kind).userPoolId, '--endpoint', env.emulator.url, '--yes'], {
    io: {
      stdout: (text) => void out.push(text),
      stderr: (text) => void out.push(text),
      prompt: () => Promise.reject(new Error('--yes asks nothing')),
    },
    createClient: () => sdkClient(env.emulator.url),
    readAmplifyOutputs: () => undefined,
  })
  expect(code, out.join('\n')).toBe(0)
  return out.join('\n')
}

/** At the code step: the lost phone's code is refused, the new phone's signs in. */
async function onlyTheNewPhoneSignsIn(app: RenderedApp, env: FlowEmulator, username: string, password: string, lostKey: string, newKey: string) {
  const { user, t } = app
  await ui(app).signIn(username, password)
  env.clock.advance(30_000)
  const lostCode = phoneCode(lostKey, env.clock.now())
  const field = await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })
  await waitFor(() => expect(field).toBeEnabled())
  await user.type(field, lostCode === phoneCode(newKey, env.clock.now()) ? wrongCode(newKey, env.clock.now()) : lostCode)
  expect(await screen.findByText(t('failure.wrong-code'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await waitFor(() => expect(field).toBeEnabled())
  await user.type(field, phoneCode(newKey, env.clock.now()))
  await ui(app).expectSignedIn(username)
}

describe.each(['en', 'ja'] as const)('in %s', (locale) => {
  test('MFA optional: after the reset the password alone signs in, Security says Off and offers set-up; only the new phone signs in after', async () => {
    const app = renderApp(env, 'optional', { locale })
    const { t } = app
    const { username, password, key: lostKey } = await enrolledUser(env, app)
    await ui(app).signIn(username, password)
    await ui(app).enterSignInCode(env.nextCode(lostKey))
    await ui(app).expectSignedIn(username)
    await ui(app).findTotpStatus(true)
    await ui(app).signOut()

    expect(await supportResets('optional', username)).toContain('they sign in with the password alone (no code is asked)')

    // No code step: straight in. Security says Off, neither On nor "not asked for", and offers set-up.
    await ui(app).signIn(username, password)
    await ui(app).expectSignedIn(username)
    await ui(app).findTotpStatus(false)
    expect(screen.queryByText(t('security.suspended.title'))).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: t('security.finishSetup') })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: t('security.turnOff') })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: t('security.setUp') })).toBeInTheDocument()

    // Set up again on the new phone, with a new key.
    env.clock.advance(30_000)
    const { key: newKey } = await ui(app).enrollFromSettings(env)
    expect(newKey).not.toBe(lostKey)
    await ui(app).findTotpStatus(true)
    await ui(app).signOut()
    await onlyTheNewPhoneSignsIn(app, env, username, password, lostKey, newKey)
    await ui(app).findTotpStatus(true)
    expect(screen.queryByText(t('security.suspended.title'))).not.toBeInTheDocument()
  })
})

test('MFA required: after the reset the next sign-in sets up a new authenticator, and Security says On with it', async () => {
  const { username, password } = await env.createUser('required')
  const app = renderApp(env, 'required')
  const { t } = app
  await ui(app).signIn(username, password)
  expect(await screen.findByRole('heading', { name: t('signIn.setup.title') }, { timeout: 10_000 })).toBeInTheDocument()
  const lostKey = await ui(app).readSetupKey()
  await app.user.type(screen.getByLabelText(t('totp.codeLabel')), env.code(lostKey))
  await ui(app).expectSignedIn(username)
  await ui(app).findTotpStatus(true)
  await ui(app).signOut()

  expect(await supportResets('required', username)).toContain('at their next sign-in they are asked to set up a new authenticator (MFA_SETUP)')

  // The password leads to the setup screen, which says the old app no longer works.
  await ui(app).signIn(username, password)
  expect(await screen.findByRole('heading', { name: t('signIn.setup.title') }, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByText(t('signIn.setup.hadOne'))).toBeInTheDocument()
  const newKey = await ui(app).readSetupKey()
  expect(newKey).not.toBe(lostKey)
  env.clock.advance(30_000)
  await app.user.type(screen.getByLabelText(t('totp.codeLabel')), env.code(newKey))
  await ui(app).expectSignedIn(username)
  await ui(app).findTotpStatus(true)
  expect(screen.queryByText(t('security.suspended.title'))).not.toBeInTheDocument()
  await ui(app).signOut()
  await onlyTheNewPhoneSignsIn(app, env, username, password, lostKey, newKey)
})

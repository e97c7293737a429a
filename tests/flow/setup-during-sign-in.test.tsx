// Flow 2 (and 6, in Japanese): on the pool that requires MFA, a new user's first sign-in sets up
// the authenticator app inside sign-in (CONTINUE_SIGN_IN_WITH_TOTP_SETUP) with the same setup
// screen as account settings; afterwards the app cannot be turned off there, and says why.
import { act, screen, waitFor, within } from '@testing-library/react'
import { ConsoleLogger } from 'aws-amplify/utils'
import { createManualClock } from '../../src/ui/clock.ts'
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
    const href =
      within(setup)
        .getByRole('link', { name: t('totp.openInApp') })
        .getAttribute('href') ?? ''
    expect(new URL(href).searchParams.get('secret')).toBe(key)
    expect(within(setup).getByLabelText(t('totp.deviceLabel'))).toHaveValue('')

    const nameField = within(setup).getByLabelText(t('totp.deviceLabel'))
    await user.clear(nameField)
    await user.type(nameField, deviceName)
    await user.type(within(setup).getByLabelText(t('totp.codeLabel')), env.code(key))

    // Verifying the code completes sign-in, and the account page confirms the setup, focused so
    // that a screen reader reads it first (issue 11, item 8).
    await steps.expectSignedIn(username)
    const confirmation = screen.getByText(t('account.setUpDone'))
    expect(confirmation.closest('[role="status"]')).not.toBeNull()
    await waitFor(() => expect(confirmation.closest('[tabindex="-1"]')).toHaveFocus())
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
    // A sign-in with a code sets nothing up: nothing to confirm.
    expect(screen.queryByText(t('account.setUpDone'))).not.toBeInTheDocument()
  })
})

test('on the MFA-required pool, replacing the authenticator app from settings works, and only the new one signs in', async () => {
  const { username, password } = await env.createUser('required')
  const app = renderApp(env, 'required')
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  const oldKey = await steps.readSetupKey()
  await user.type(await screen.findByLabelText(t('totp.codeLabel')), env.code(oldKey))
  await steps.expectSignedIn(username)

  expect(screen.getByText(t('account.setUpDone'))).toBeInTheDocument()
  await user.click(await screen.findByRole('button', { name: t('security.replace') }, { timeout: 10_000 }))
  const dialog = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
  expect(within(dialog).getByText(t('security.replaceConfirm.unfinishedRequired'))).toBeInTheDocument()
  // The confirmation of the setup during sign-in is gone once the replacement starts: it would
  // say "on" over a replacement left unfinished, or stand beside the replacement's own.
  expect(screen.queryByText(t('account.setUpDone'))).not.toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: t('security.replaceConfirm.continue') }))
  const newKey = await steps.readSetupKey()
  expect(newKey).not.toBe(oldKey)
  await user.type(screen.getByLabelText(t('totp.codeLabel')), env.nextCode(newKey))
  expect(await screen.findByText(t('security.notice.replaced'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.queryByText(t('account.setUpDone'))).not.toBeInTheDocument()
  await steps.findTotpStatus(true)
  expect(screen.queryByRole('button', { name: t('security.turnOff') })).not.toBeInTheDocument()

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

test('a newcomer signs up, confirms with the code the local pool printed, and sets up the app to finish signing in', async () => {
  const app = renderApp(env, 'required')
  const { user, t } = app
  const steps = ui(app)
  const username = `newcomer-${Date.now()}`
  const password = 'Newcomer-2026!'

  await user.click(await screen.findByRole('button', { name: t('signIn.createAccount') }))
  await user.type(await screen.findByLabelText(t('signUp.username'), undefined, { timeout: 10_000 }), username)
  await user.type(screen.getByLabelText(t('signUp.email')), `${username}@example.com`)
  await user.type(screen.getByLabelText(t('signUp.password')), password)
  await user.click(screen.getByRole('button', { name: t('signUp.submit') }))

  expect(await screen.findByRole('heading', { name: t('signUp.confirm.title') }, { timeout: 10_000 })).toBeInTheDocument()
  await user.type(screen.getByLabelText(t('signUp.confirm.label')), env.confirmationCode(username))
  await user.click(screen.getByRole('button', { name: t('signUp.confirm.submit') }))

  // Confirmed, the sign-in continues by itself into the pool's required setup.
  expect(await screen.findByRole('heading', { name: t('signIn.setup.title') }, { timeout: 10_000 })).toBeInTheDocument()
  const key = await steps.readSetupKey()
  await user.type(screen.getByLabelText(t('totp.codeLabel')), env.code(key))
  await steps.expectSignedIn(username)
  await steps.findTotpStatus(true)
})

test('"Start over with a new key" during sign-in gets a new key from the pool; the first key no longer works (issue 11, item 1)', async () => {
  const { username, password } = await env.createUser('required')
  const app = renderApp(env, 'required')
  const { user, t } = app
  const steps = ui(app)
  await steps.signIn(username, password)
  const firstKey = await steps.readSetupKey()

  await user.click(await screen.findByRole('button', { name: t('totp.startOver') }))
  await waitFor(() => expect(screen.getByLabelText(t('totp.keyLabel')).textContent?.replace(/\s/g, '')).not.toBe(firstKey), { timeout: 10_000 })
  const newKey = await steps.readSetupKey()
  expect(newKey).not.toBe(firstKey)

  // A code from the entry scanned before starting over is refused; one from the new key signs in.
  const field = screen.getByLabelText(t('totp.codeLabel'))
  await user.type(field, env.code(firstKey))
  expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(t('failure.wrong-code'))
  await waitFor(() => expect(field).toHaveValue(''))
  await user.type(field, env.code(newKey))
  await steps.expectSignedIn(username)
})

test('the password kept for "Start over" during setup reaches no storage and no log, at any step or exit (ADR 019)', async () => {
  const { username, password } = await env.createUser('required')
  // Everything anyone logs, Amplify's debug output included.
  const level = ConsoleLogger.LOG_LEVEL
  ConsoleLogger.LOG_LEVEL = 'DEBUG'
  const spies = (['log', 'info', 'warn', 'debug', 'error'] as const).map((method) => vi.spyOn(console, method))
  const clock = createManualClock(Date.now())
  try {
    const app = renderApp(env, 'required', { clock })
    const { user, t } = app
    const steps = ui(app)
    const expectNowhere = (when: string) => {
      const stored = [localStorage, sessionStorage].flatMap((storage) => Object.keys(storage).flatMap((key) => [key, storage.getItem(key) ?? '']))
      expect(
        stored.filter((text) => text.includes(password)),
        `storage, ${when}`,
      ).toEqual([])
      expect(document.cookie, `cookies, ${when}`).not.toContain(password)
      const logged = spies.flatMap((spy) =>
        spy.mock.calls.map((args) => args.map((arg) => (typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg)))).join(' ')),
      )
      expect(
        logged.filter((line) => line.includes(password)),
        `logs, ${when}`,
      ).toEqual([])
    }

    await steps.signIn(username, password)
    const firstKey = await steps.readSetupKey()
    expectNowhere('during setup')
    await user.click(screen.getByRole('button', { name: t('totp.startOver') }))
    await waitFor(() => expect(screen.getByLabelText(t('totp.keyLabel')).textContent?.replace(/\s/g, '')).not.toBe(firstKey), { timeout: 10_000 })
    expectNowhere('after starting over')
    await user.click(screen.getByRole('button', { name: t('common.cancel') }))
    expectNowhere('after cancelling')

    await steps.signIn(username, password)
    await steps.readSetupKey()
    act(() => clock.advance(3 * 60_000 + 1000))
    expect(await screen.findByText(t('failure.session-expired'))).toBeInTheDocument()
    expectNowhere('after timing out')

    await steps.signIn(username, password)
    const key = await steps.readSetupKey()
    await user.type(screen.getByLabelText(t('totp.codeLabel')), env.nextCode(key))
    await steps.expectSignedIn(username)
    expectNowhere('signed in')
    await steps.signOut()
    expectNowhere('signed out')
  } finally {
    ConsoleLogger.LOG_LEVEL = level
    // console.error stays with the harness, which fails the test on any.
    for (const spy of spies.slice(0, -1)) spy.mockRestore()
  }
})

describe.each(['en', 'ja'] as const)('in %s', (locale) => {
  test('cancelling setup and signing in again brings a new key, and the screen says the earlier one no longer works (issue 11, item 5)', async () => {
    const { username, password } = await env.createUser('required')
    const app = renderApp(env, 'required', { locale })
    const { user, t } = app
    const steps = ui(app)

    await steps.signIn(username, password)
    const firstKey = await steps.readSetupKey()
    // The first key shown: nothing to warn about.
    expect(screen.queryByText(t('totp.replacedKeyTitle'))).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: t('common.cancel') }))

    await steps.signIn(username, password)
    const newKey = await steps.readSetupKey()
    expect(newKey).not.toBe(firstKey)
    const setup = screen.getByRole('region', { name: t('totp.title') })
    expect(within(setup).getByText(t('totp.replacedKeyTitle'))).toBeInTheDocument()
    expect(within(setup).getByText(t('totp.replacedKey'))).toBeInTheDocument()
    // No key is kept anywhere: only the marker that one was shown.
    for (const storage of [localStorage, sessionStorage]) {
      const stored = Object.keys(storage).flatMap((key) => [key, storage.getItem(key) ?? ''])
      expect(stored.filter((text) => text.includes(firstKey) || text.includes(newKey))).toEqual([])
    }

    // What it says is so: the earlier entry's code is refused, the new key's signs in.
    const field = screen.getByLabelText(t('totp.codeLabel'))
    await user.type(field, env.code(firstKey))
    expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(t('failure.wrong-code'))
    await waitFor(() => expect(field).toHaveValue(''))
    await user.type(field, env.code(newKey))
    await steps.expectSignedIn(username)
  })
})

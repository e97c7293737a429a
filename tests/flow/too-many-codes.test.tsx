// Too many wrong codes at sign-in (issue 10, item 5). The local pool spends a challenge session
// after five wrong codes, and wrong codes count toward the per-user lockout
// (docs/cognito-behaviour.md#challenge-sessions, #wrong-mfa-codes). The sixth code used to read
// "This step timed out"; now the sign-in ends saying why, back at the password with the username
// kept, and a lockout says to wait.
//
// The pool's clock stands still in this file, so a lockout lasts until the test moves time on
// (the first one is a single second of real time otherwise).
import { screen, waitFor } from '@testing-library/react'
import { beforeEach } from 'vitest'
import { enrolledUser, renderApp, setupFlowTests, STEP_MS, ui, wrongCode, type RenderedApp } from './harness.tsx'

const env = setupFlowTests()

beforeEach(() => {
  env.clock.set(Date.now())
})

/** Types a wrong code and waits until the step is ready for the next one. */
async function enterWrongCode({ user, t }: RenderedApp, key: string) {
  const field = await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })
  await waitFor(() => expect(field).toBeEnabled())
  await user.type(field, wrongCode(key, env.clock.now()))
  expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
  await waitFor(() => expect(field).toHaveValue(''))
}

describe.each(['en', 'ja'] as const)('six wrong codes (%s)', (locale) => {
  test('the sixth ends the sign-in saying so, username kept; signing in again while locked says to wait; later the code works', async () => {
    const app = renderApp(env, 'optional', { locale })
    const { user, t } = app
    const steps = ui(app)
    const { username, password, key } = await enrolledUser(env, app)

    await steps.signIn(username, password)
    for (let i = 0; i < 5; i++) await enterWrongCode(app, key)
    // The pool has spent the session: the sixth code finds it gone.
    await user.type(screen.getByLabelText(t('signIn.totp.label')), wrongCode(key, env.clock.now()))

    expect(await screen.findByRole('heading', { name: t('signIn.title') }, { timeout: 10_000 })).toBeInTheDocument()
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent(t('failure.too-many-codes'))
    expect(alert).not.toHaveTextContent(t('failure.session-expired'))
    expect(screen.getByLabelText(t('signIn.username'))).toHaveValue(username)

    // Five wrong codes in a row locked the user out: the password alone is refused for now.
    await user.type(screen.getByLabelText(t('signIn.password')), password)
    await user.click(screen.getByRole('button', { name: t('signIn.submit') }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(t('failure.locked-out')))

    // After the wait, signing in again works with the code the app shows.
    env.clock.advance(STEP_MS)
    await steps.signIn(username, password)
    await steps.enterSignInCode(env.nextCode(key))
    await steps.expectSignedIn(username)
  })
})

test('a lockout met at the code step after wrong codes ends the sign-in saying to wait', async () => {
  const app = renderApp(env, 'optional')
  const { user, t } = app
  const steps = ui(app)
  const { username, password, key } = await enrolledUser(env, app)

  // Four wrong codes in one sign-in, then back: the session is not spent, but the count stays.
  await steps.signIn(username, password)
  for (let i = 0; i < 4; i++) await enterWrongCode(app, key)
  await user.click(screen.getByRole('button', { name: t('signIn.back') }))

  // The fifth wrong code, in a new sign-in, locks the user out; the next code is refused unchecked.
  await steps.signIn(username, password)
  await enterWrongCode(app, key)
  await user.type(screen.getByLabelText(t('signIn.totp.label')), env.code(key))

  expect(await screen.findByRole('heading', { name: t('signIn.title') }, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent(t('failure.too-many-codes-locked'))
  expect(screen.getByLabelText(t('signIn.username'))).toHaveValue(username)

  env.clock.advance(STEP_MS)
  await steps.signIn(username, password)
  await steps.enterSignInCode(env.nextCode(key))
  await steps.expectSignedIn(username)
})

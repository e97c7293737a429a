// Flow 4: Cognito's challenge session lasts 3 minutes. When it runs out — on the page's own
// (injected) clock, or only on the server's — the user is told plainly and is back at sign-in
// with the username kept, and a fresh sign-in works. At the code step and during setup.
import { act, screen, within } from '@testing-library/react'
import { createManualClock } from '../../src/ui/clock.ts'
import { enrolledUser, renderApp, setupFlowTests, ui, type RenderedApp } from './harness.tsx'

const env = setupFlowTests()
const pastSessionMs = 3 * 60_000 + 1_000

async function expectBackAtSignIn({ t }: RenderedApp, username: string) {
  expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(t('failure.session-expired'))
  expect(screen.getByRole('heading', { name: t('signIn.title') })).toBeInTheDocument()
  expect(screen.getByLabelText(t('signIn.username'))).toHaveValue(username)
  expect(screen.queryByLabelText(t('signIn.totp.label'))).not.toBeInTheDocument()
}

test('at the code step, the countdown runs out: told plainly, back at sign-in with the username, and signing in again works', async () => {
  const clock = createManualClock(Date.now())
  const app = renderApp(env, 'optional', { clock })
  const steps = ui(app)
  const { username, password, key } = await enrolledUser(env, app)

  await steps.signIn(username, password)
  const timer = await screen.findByRole('timer', undefined, { timeout: 10_000 })
  expect(timer).toHaveTextContent(app.t('session.timeLeft', { time: '3:00' }))
  act(() => clock.advance(2 * 60_000))
  expect(timer).toHaveTextContent(app.t('session.timeLeft', { time: '1:00' }))

  // Three minutes pass for the page and for the pool.
  env.clock.advance(pastSessionMs)
  act(() => clock.advance(pastSessionMs - 2 * 60_000))
  await expectBackAtSignIn(app, username)

  await app.user.type(screen.getByLabelText(app.t('signIn.password')), password)
  await app.user.click(screen.getByRole('button', { name: app.t('signIn.submit') }))
  await steps.enterSignInCode(env.nextCode(key))
  await steps.expectSignedIn(username)
})

test('at the code step, the pool ends the session first: the code the user enters gets the same outcome', async () => {
  const app = renderApp(env, 'optional')
  const steps = ui(app)
  const { username, password, key } = await enrolledUser(env, app)

  await steps.signIn(username, password)
  await screen.findByLabelText(app.t('signIn.totp.label'), undefined, { timeout: 10_000 })
  // Only the server's clock moves: the page still shows time left when the code is submitted.
  env.clock.advance(pastSessionMs)
  await steps.enterSignInCode(env.nextCode(key))
  await expectBackAtSignIn(app, username)

  await steps.signIn(username, password)
  await steps.enterSignInCode(env.nextCode(key))
  await steps.expectSignedIn(username)
})

test('during setup inside sign-in, the countdown runs out: told plainly and back at sign-in', async () => {
  const clock = createManualClock(Date.now())
  const { username, password } = await env.createUser('required')
  const app = renderApp(env, 'required', { clock })
  const steps = ui(app)

  await steps.signIn(username, password)
  const setup = await screen.findByRole('region', { name: app.t('totp.title') }, { timeout: 10_000 })
  await steps.readSetupKey()
  expect(within(setup).getByRole('timer')).toHaveTextContent(/[23]:\d\d/)

  env.clock.advance(pastSessionMs)
  act(() => clock.advance(pastSessionMs))
  await expectBackAtSignIn(app, username)

  // A new sign-in starts setup again and can finish it.
  await app.user.type(screen.getByLabelText(app.t('signIn.password')), password)
  await app.user.click(screen.getByRole('button', { name: app.t('signIn.submit') }))
  const key = await steps.readSetupKey()
  await app.user.type(await screen.findByLabelText(app.t('totp.codeLabel')), env.code(key))
  await steps.expectSignedIn(username)
})

test('during setup inside sign-in, the pool ends the session first: the code entered gets the same outcome', async () => {
  const { username, password } = await env.createUser('required')
  const app = renderApp(env, 'required')
  const steps = ui(app)

  await steps.signIn(username, password)
  const key = await steps.readSetupKey()
  env.clock.advance(pastSessionMs)
  await app.user.type(screen.getByLabelText(app.t('totp.codeLabel')), env.code(key))
  await expectBackAtSignIn(app, username)
})

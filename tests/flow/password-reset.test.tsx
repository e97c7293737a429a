// Forgot password and an administrator's reset with real Amplify against the local pool: the code
// is read where the pool prints it (the terminal of `npm start`), as a user reads it from mail.
// A reset never removes the authenticator: each journey ends at the code step before signing in.
import { act, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { createManualClock } from '../../src/ui/clock.ts'
import { enrolledUser, renderApp, ui, type RenderedApp } from './harness.tsx'
import { setupFlowTests } from './harness.tsx'

const env = setupFlowTests()
const NEW_PASSWORD = 'Reset-flow-2026!'
const HOUR_MS = 60 * 60_000

function reset({ user, t }: Pick<RenderedApp, 'user' | 't'>) {
  const code = () => screen.getByLabelText(t('passwordReset.confirm.code'))
  const password = () => screen.getByLabelText(t('passwordReset.confirm.password'))
  return {
    /** "Forgot your password?" on the sign-in form, with this username typed, then "Send code". */
    async forgot(username: string) {
      const name = await screen.findByLabelText(t('signIn.username'))
      await user.clear(name)
      await user.type(name, username)
      await user.click(screen.getByRole('button', { name: t('signIn.forgotPassword') }))
      await user.click(await screen.findByRole('button', { name: t('passwordReset.send') }))
      await screen.findByRole('heading', { name: t('passwordReset.confirm.title') }, { timeout: 10_000 })
    },
    async submit(withCode: string, withPassword: string) {
      await user.clear(code())
      await user.type(code(), withCode)
      await user.clear(password())
      await user.type(password(), withPassword)
      await user.click(screen.getByRole('button', { name: t('passwordReset.confirm.submit') }))
    },
    async expectFailure(key: Parameters<RenderedApp['t']>[0]) {
      expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(t(key))
    },
  }
}

test('forgot → the emailed code → a new password → signed in after the authenticator’s code', async () => {
  const app = renderApp(env, 'optional')
  const steps = ui(app)
  const { username, key } = await enrolledUser(env, app)
  await reset(app).forgot(username)
  expect(screen.getByText(new RegExp(`@`))).toBeInTheDocument()
  await reset(app).submit(env.resetCode(username), NEW_PASSWORD)
  // Signed in with the new password at once; the authenticator is still asked for.
  await steps.enterSignInCode(env.nextCode(key))
  await steps.expectSignedIn(username)
  // And the old password no longer works.
  await steps.signOut()
  await steps.signIn(username, 'Flow-test-2026!')
  expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent(app.t('failure.bad-credentials'))
})

test('a wrong code, a weak password and an expired code are each said, in Japanese too; a new code then works', async () => {
  const clock = createManualClock(Date.now())
  const app = renderApp(env, 'optional', { locale: 'ja', clock })
  const steps = ui(app)
  const { username } = await env.createUser('optional')
  const flow = reset(app)
  await flow.forgot(username)
  const sent = env.resetCode(username)

  await flow.submit(sent === '000000' ? '111111' : '000000', NEW_PASSWORD)
  await flow.expectFailure('passwordReset.failure.wrong-code')
  await flow.submit(sent, 'weakpassword')
  await flow.expectFailure('passwordReset.failure.invalid-password')

  // An hour later the code has expired (the pool's clock); the page's minute has long passed too.
  env.clock.advance(HOUR_MS)
  act(() => clock.advance(HOUR_MS))
  await flow.submit(sent, NEW_PASSWORD)
  await flow.expectFailure('passwordReset.failure.code-expired')

  await app.user.click(screen.getByRole('button', { name: app.t('passwordReset.confirm.resend') }))
  expect(await screen.findByText(app.t('passwordReset.confirm.resent'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  // The cooldown starts again with the new code.
  expect(screen.getByRole('button', { name: app.t('passwordReset.confirm.resend') })).toBeDisabled()
  await flow.submit(env.resetCode(username), NEW_PASSWORD)
  // No authenticator on this account: signed in straight away.
  await steps.expectSignedIn(username)
})

test('an administrator’s AdminResetUserPassword: sign-in lands in the reset, saying why; then signed in after the authenticator’s code', async () => {
  const app = renderApp(env, 'optional')
  const steps = ui(app)
  const { username, password, key } = await enrolledUser(env, app)
  await env.adminResetPassword('optional', username)

  await steps.signIn(username, password)
  expect(await screen.findByText(app.t('passwordReset.required'), undefined, { timeout: 10_000 })).toBeInTheDocument()
  await screen.findByRole('heading', { name: app.t('passwordReset.confirm.title') }, { timeout: 10_000 })
  // The app's ForgotPassword sent a second code that replaced the administrator's.
  await reset(app).submit(env.resetCode(username), NEW_PASSWORD)
  await steps.enterSignInCode(env.nextCode(key))
  await steps.expectSignedIn(username)
})

// Forgot password and an administrator's reset, as the app wires them: sign-in hands over to the
// password-reset feature, which hands back to sign-in with the new password (features never import
// each other). The fake follows the pool's rules (tests/gateway pins them against the local pool).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { createFakeAuthGateway, type FakeOptions } from '../../tests/support/fake-auth-gateway.ts'
import { renderWithProviders, textFor } from '../../tests/support/render-with-providers.tsx'
import type { Locale } from '../i18n/locale.ts'
import { createManualClock } from '../ui/clock.ts'
import { SignedOut } from './signed-out.tsx'

const RESET_CODE = '864209'
const NEW_PASSWORD = 'New-horse-2026!'
const alice = { username: 'alice', password: 'Correct-horse-1', email: 'alice@example.com', totp: { preferred: true } }

function setup(locale: Locale, fake: FakeOptions = {}) {
  const user = userEvent.setup()
  const clock = createManualClock()
  const auth = createFakeAuthGateway({ users: [alice], resetCode: RESET_CODE, clock, ...fake })
  const onSignedIn = vi.fn()
  renderWithProviders(<SignedOut auth={auth} clock={clock} onSignedIn={onSignedIn} issuer="Cognito TOTP" />, { locale })
  const t = textFor(locale)
  const codeField = () => screen.getByLabelText(t('passwordReset.confirm.code'))
  const passwordField = () => screen.getByLabelText(t('passwordReset.confirm.password'))
  const submit = () => user.click(screen.getByRole('button', { name: t('passwordReset.confirm.submit') }))
  /** From the sign-in form to the code step, for `username`. */
  async function forgot(username: string) {
    await user.type(screen.getByLabelText(t('signIn.username')), username)
    await user.click(screen.getByRole('button', { name: t('signIn.forgotPassword') }))
    // Focus moves in an effect after the step appears: wait for it, not only for the heading.
    const heading = await screen.findByRole('heading', { name: t('passwordReset.title') })
    await waitFor(() => expect(heading).toHaveFocus())
    // The username typed on the sign-in form is kept.
    expect(screen.getByLabelText(t('passwordReset.username'))).toHaveValue(username)
    await user.click(screen.getByRole('button', { name: t('passwordReset.send') }))
    const codeHeading = await screen.findByRole('heading', { name: t('passwordReset.confirm.title') })
    await waitFor(() => expect(codeHeading).toHaveFocus())
  }
  return { user, clock, auth, onSignedIn, t, codeField, passwordField, submit, forgot }
}

const rule = (t: ReturnType<typeof textFor>, key: Parameters<ReturnType<typeof textFor>>[0]) => screen.getByText(t(key)).closest('li')

describe.each(['en', 'ja'] as const)('password reset (%s)', (locale) => {
  test('forgot → code to the masked address → new password checked as typed → signed in after the authenticator code', async () => {
    const { user, auth, onSignedIn, t, codeField, passwordField, submit, forgot } = setup(locale)
    await forgot('alice')
    expect(screen.getByText(t('passwordReset.confirm.sentTo', { destination: 'a***@e***', username: 'alice' }))).toBeInTheDocument()

    // The rules tick off as the user types.
    expect(rule(t, 'passwordReset.rules.length')).toHaveAttribute('data-met', 'false')
    await user.type(passwordField(), 'new-horse')
    expect(rule(t, 'passwordReset.rules.lower')).toHaveAttribute('data-met', 'true')
    expect(rule(t, 'passwordReset.rules.length')).toHaveAttribute('data-met', 'true')
    expect(rule(t, 'passwordReset.rules.upper')).toHaveAttribute('data-met', 'false')
    await user.clear(passwordField())
    await user.type(passwordField(), NEW_PASSWORD)
    for (const key of ['length', 'upper', 'lower', 'number', 'symbol'] as const) {
      expect(rule(t, `passwordReset.rules.${key}`)).toHaveAttribute('data-met', 'true')
    }

    // A wrong code: said in this flow's words; nothing typed is lost.
    await user.type(codeField(), '000000')
    await submit()
    expect(await screen.findByRole('alert')).toHaveTextContent(t('passwordReset.failure.wrong-code'))
    expect(codeField()).toHaveValue('000000')
    expect(passwordField()).toHaveValue(NEW_PASSWORD)

    await user.clear(codeField())
    await user.type(codeField(), RESET_CODE)
    await submit()
    // Signed in with the new password at once: the authenticator is still asked for.
    const totp = await screen.findByLabelText(t('signIn.totp.label'))
    expect(onSignedIn).not.toHaveBeenCalled()
    expect(auth.calls.filter((c) => c.method === 'signIn')).toHaveLength(1)
    await user.type(totp, '123456')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('alice'))
  }, 20_000)

  test.each([
    ['ExpiredCodeException', 'passwordReset.failure.code-expired'],
    ['LimitExceededException', 'passwordReset.failure.too-many-attempts'],
    ['InvalidPasswordException', 'passwordReset.failure.invalid-password'],
    ['NetworkError', 'failure.offline'],
  ] as const)('%s is said clearly, and what was typed stays', async (name, key) => {
    const { user, auth, t, codeField, passwordField, submit, forgot } = setup(locale)
    await forgot('alice')
    await user.type(codeField(), RESET_CODE)
    await user.type(passwordField(), NEW_PASSWORD)
    auth.failNext('confirmResetPassword', name)
    await submit()
    expect(await screen.findByRole('alert')).toHaveTextContent(t(key))
    expect(codeField()).toHaveValue(RESET_CODE)
    expect(passwordField()).toHaveValue(NEW_PASSWORD)
  })

  test('a weak password is refused by the pool too, before the code is tried', async () => {
    const { user, auth, t, codeField, passwordField, submit, forgot } = setup(locale)
    await forgot('alice')
    await user.type(codeField(), RESET_CODE)
    await user.type(passwordField(), 'weakweak')
    await submit()
    expect(await screen.findByRole('alert')).toHaveTextContent(t('passwordReset.failure.invalid-password'))
    expect(auth.user('alice')?.password).toBe('Correct-horse-1')
  })

  test('"Send a new code" waits a minute after each code', async () => {
    const { user, clock, auth, t, forgot } = setup(locale)
    await forgot('alice')
    const resend = screen.getByRole('button', { name: t('passwordReset.confirm.resend') })
    expect(resend).toBeDisabled()
    expect(screen.getByText(t('passwordReset.confirm.resendIn', { seconds: 60 }))).toBeInTheDocument()
    clock.advance(59_000)
    expect(await screen.findByText(t('passwordReset.confirm.resendIn', { seconds: 1 }))).toBeInTheDocument()
    expect(resend).toBeDisabled()
    clock.advance(1_000)
    await waitFor(() => expect(resend).toBeEnabled())
    await user.click(resend)
    expect(await screen.findByText(t('passwordReset.confirm.resent'))).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'resetPassword')).toHaveLength(2)
    expect(screen.getByRole('button', { name: t('passwordReset.confirm.resend') })).toBeDisabled()
  })

  test('an unknown name gets the same step as a known one, without an address', async () => {
    const { t, forgot } = setup(locale)
    await forgot('nobody')
    expect(screen.getByText(t('passwordReset.confirm.sent', { username: 'nobody' }))).toBeInTheDocument()
  })

  test('back to sign-in keeps the username', async () => {
    const { user, t, forgot } = setup(locale)
    await forgot('alice')
    await user.click(screen.getByRole('button', { name: t('passwordReset.back') }))
    expect(await screen.findByLabelText(t('signIn.username'))).toHaveValue('alice')
  })

  test('after an administrator’s reset, sign-in lands in the reset, saying why, with a code already sent', async () => {
    const { user, auth, onSignedIn, t, codeField, passwordField, submit } = setup(locale, {
      users: [{ ...alice, status: 'reset-required' }],
    })
    await user.type(screen.getByLabelText(t('signIn.username')), 'alice')
    await user.type(screen.getByLabelText(t('signIn.password')), 'Correct-horse-1')
    await user.click(screen.getByRole('button', { name: t('signIn.submit') }))
    expect(await screen.findByRole('heading', { name: t('passwordReset.confirm.title') })).toBeInTheDocument()
    const panel = screen.getByRole('heading', { name: t('passwordReset.confirm.title') }).closest('section')!
    expect(within(panel).getByText(t('passwordReset.required'))).toBeInTheDocument()
    expect(within(panel).getByText(t('passwordReset.confirm.sentTo', { destination: 'a***@e***', username: 'alice' }))).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'resetPassword')).toHaveLength(1)

    await user.type(codeField(), RESET_CODE)
    await user.type(passwordField(), NEW_PASSWORD)
    await submit()
    await user.type(await screen.findByLabelText(t('signIn.totp.label')), '123456')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('alice'))
  })
})

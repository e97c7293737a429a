import { fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, test, vi } from 'vitest'
import { createFakeAuthGateway, type FakeAuthGateway, type FakeUser } from '../../../tests/support/fake-auth-gateway.ts'
import { renderWithProviders, textFor } from '../../../tests/support/render-with-providers.tsx'
import type { AuthGateway } from '../../auth/auth-gateway.ts'
import type { Locale } from '../../i18n/locale.ts'
import { createManualClock, type Clock } from '../../ui/clock.ts'
import { ReauthenticationDialog } from './reauthentication-dialog.tsx'
import { useRecentSignIn } from './use-recent-sign-in.ts'

const MINUTE = 60_000

/** A page with one sensitive button, as the Security page uses the hook. */
function SensitivePage({ auth, clock, onSessionExpired }: { auth: AuthGateway; clock: Clock; onSessionExpired(): void }) {
  const recent = useRecentSignIn({ auth, maxAgeMinutes: 5, clock, onSessionExpired })
  const [done, setDone] = useState(0)
  const { state } = recent
  return (
    <>
      <button onClick={() => recent.whenRecent(() => setDone((n) => n + 1))}>Sensitive change</button>
      <p>Done {done} times</p>
      {state.step !== 'closed' && (
        <ReauthenticationDialog
          state={state}
          accountName="alice"
          onSubmitPassword={recent.submitPassword}
          onSubmitCode={recent.submitCode}
          onCancel={recent.cancel}
        />
      )}
    </>
  )
}

function setup(locale: Locale, { signedInMinutesAgo = 10, user = {} }: { signedInMinutesAgo?: number; user?: Partial<FakeUser> } = {}) {
  const clock = createManualClock()
  const auth: FakeAuthGateway = createFakeAuthGateway({
    users: [{ username: 'alice', password: 'Alice-pass-2026!', totp: { preferred: true }, ...user }],
    signedInAs: 'alice',
    signedInAt: clock.now() - signedInMinutesAgo * MINUTE,
    clock,
    usedCode: '111111',
  })
  const onSessionExpired = vi.fn()
  renderWithProviders(<SensitivePage auth={auth} clock={clock} onSessionExpired={onSessionExpired} />, { locale })
  const t = textFor(locale)
  const dialog = () => screen.findByRole('dialog', { name: t('reauth.title') })
  return { u: userEvent.setup(), auth, clock, onSessionExpired, t, dialog }
}

const doneTimes = (n: number) => screen.getByText(`Done ${n} times`)

describe.each(['en', 'ja'] as const)('confirm it’s you (%s)', (locale) => {
  test('a sign-in within the limit asks nothing: the change runs at once', async () => {
    const { u, auth } = setup(locale, { signedInMinutesAgo: 4 })
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    await waitFor(() => expect(doneTimes(1)).toBeInTheDocument())
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(auth.calls.map((c) => c.method)).toEqual(['authenticatedAt'])
  })

  test('an older sign-in: wrong password, then the password, a wrong code, then the right code; the change runs once', async () => {
    const { u, t, dialog } = setup(locale)
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    expect(await dialog()).toBeInTheDocument()
    expect(screen.getByText(t('reauth.passwordIntro', { name: 'alice' }))).toBeInTheDocument()
    const password = screen.getByLabelText(t('reauth.password'))
    expect(password).toHaveFocus()

    await u.type(password, 'Wrong-pass-2026!')
    await u.click(screen.getByRole('button', { name: t('reauth.continue') }))
    expect(await screen.findByRole('alert')).toHaveTextContent(t('reauth.failure.bad-credentials'))
    await waitFor(() => expect(screen.getByLabelText(t('reauth.password'))).toHaveFocus())
    expect(screen.getByLabelText(t('reauth.password'))).toHaveValue('')

    await u.type(screen.getByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    const code = await screen.findByLabelText(t('reauth.codeLabel'))
    expect(code).toHaveFocus()
    expect(screen.getByText(t('reauth.codeIntro'))).toBeInTheDocument()
    expect(doneTimes(0)).toBeInTheDocument()

    await u.type(code, '000000')
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
    expect(await dialog()).toBeInTheDocument()
    await waitFor(() => expect(screen.getByLabelText(t('reauth.codeLabel'))).toHaveFocus())

    await u.type(screen.getByLabelText(t('reauth.codeLabel')), '123456')
    await waitFor(() => expect(doneTimes(1)).toBeInTheDocument())
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    // Focus goes back to where the user was.
    expect(screen.getByRole('button', { name: 'Sensitive change' })).toHaveFocus()
  })

  test('a code already used is refused as used, and the dialog stays usable', async () => {
    const { u, t } = setup(locale)
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    await u.type(await screen.findByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    await u.type(await screen.findByLabelText(t('reauth.codeLabel')), '111111')
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.code-reused'))
    await u.type(screen.getByLabelText(t('reauth.codeLabel')), '123456')
    await waitFor(() => expect(doneTimes(1)).toBeInTheDocument())
  })

  test('a lapsed challenge goes back to the password with a plain message; the session is not ended', async () => {
    const { u, t, auth, onSessionExpired } = setup(locale)
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    await u.type(await screen.findByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    await screen.findByLabelText(t('reauth.codeLabel'))
    auth.expireSession()
    await u.type(screen.getByLabelText(t('reauth.codeLabel')), '123456')
    expect(await screen.findByRole('alert')).toHaveTextContent(t('reauth.failure.lapsed'))
    await waitFor(() => expect(screen.getByLabelText(t('reauth.password'))).toHaveFocus())
    expect(onSessionExpired).not.toHaveBeenCalled()

    await u.type(screen.getByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    await u.type(await screen.findByLabelText(t('reauth.codeLabel')), '123456')
    await waitFor(() => expect(doneTimes(1)).toBeInTheDocument())
  })

  test('offline and locked out: each says so and the dialog stays', async () => {
    const { u, t, auth, dialog } = setup(locale, { user: { lockedOut: true } })
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    auth.failNext('reauthenticate', 'NetworkError')
    await u.type(await screen.findByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.offline'))
    await u.type(screen.getByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(t('failure.locked-out')))
    expect(await dialog()).toBeInTheDocument()
    expect(doneTimes(0)).toBeInTheDocument()
  })

  test('Cancel drops the change and gives focus back', async () => {
    const { u, t } = setup(locale)
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    await screen.findByLabelText(t('reauth.password'))
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(doneTimes(0)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sensitive change' })).toHaveFocus()
  })

  test('Escape (the dialog’s cancel event) closes it, but not while the password is being checked', async () => {
    const { u, t, auth } = setup(locale)
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
    const release = auth.hold('reauthenticate')
    await u.type(screen.getByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    fireEvent(dialog, new Event('cancel', { cancelable: true }))
    expect(screen.getByRole('dialog', { name: t('reauth.title') })).toBeInTheDocument()
    release()
    const code = await screen.findByLabelText(t('reauth.codeLabel'))
    fireEvent(code.closest('dialog')!, new Event('cancel', { cancelable: true }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(doneTimes(0)).toBeInTheDocument()
  })

  test('closed by the browser (Chromium’s second Escape): opens again while checking, else it is a cancel', async () => {
    const { u, t, auth } = setup(locale)
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
    const release = auth.hold('reauthenticate')
    await u.type(screen.getByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    const closeByBrowser = (element: HTMLElement) => {
      element.removeAttribute('open')
      fireEvent(element, new Event('close'))
    }
    closeByBrowser(dialog)
    expect(dialog).toHaveAttribute('open')
    expect(screen.getByRole('dialog', { name: t('reauth.title') })).toBeInTheDocument()
    release()
    const code = await screen.findByLabelText(t('reauth.codeLabel'))
    closeByBrowser(code.closest('dialog')!)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(doneTimes(0)).toBeInTheDocument()
  })

  test('an account that asks for no code: the password alone runs the change', async () => {
    const { u, t } = setup(locale, { user: { totp: undefined } })
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    await u.type(await screen.findByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    await waitFor(() => expect(doneTimes(1)).toBeInTheDocument())
    expect(screen.queryByLabelText(t('reauth.codeLabel'))).not.toBeInTheDocument()
  })

  test('once proved, the next change within the limit asks nothing', async () => {
    const { u, t, clock } = setup(locale)
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    await u.type(await screen.findByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    await u.type(await screen.findByLabelText(t('reauth.codeLabel')), '123456')
    await waitFor(() => expect(doneTimes(1)).toBeInTheDocument())
    clock.advance(4 * MINUTE)
    await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
    await waitFor(() => expect(doneTimes(2)).toBeInTheDocument())
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})

test('with the session gone, the page is told to sign out instead of asking', async () => {
  const { u, auth, onSessionExpired } = setup('en')
  auth.failNext('authenticatedAt', 'UserUnAuthenticatedException')
  await u.click(screen.getByRole('button', { name: 'Sensitive change' }))
  await waitFor(() => expect(onSessionExpired).toHaveBeenCalledOnce())
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(doneTimes(0)).toBeInTheDocument()
})

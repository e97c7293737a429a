// "Don't ask for a code on this browser" at sign-in (ADR 025), with the fake gateway, which keeps the
// pool's device records: the box comes before the code, is unchecked, and remembers only when ticked.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { createFakeAuthGateway, type FakeOptions } from '../../../tests/support/fake-auth-gateway.ts'
import { renderWithProviders, textFor } from '../../../tests/support/render-with-providers.tsx'
import type { Locale } from '../../i18n/locale.ts'
import { createManualClock } from '../../ui/clock.ts'
import { SignInScreen } from './sign-in-screen.tsx'

const alice = { username: 'alice', password: 'Correct-horse-1', totp: { preferred: true } }

function setup(locale: Locale, fake: FakeOptions = {}) {
  const user = userEvent.setup()
  const auth = createFakeAuthGateway({ users: [alice], ...fake })
  const onSignedIn = vi.fn()
  renderWithProviders(
    <SignInScreen
      auth={auth}
      clock={createManualClock()}
      onSignedIn={onSignedIn}
      onUnconfirmed={vi.fn()}
      onCreateAccount={vi.fn()}
      onResetPassword={vi.fn()}
      issuer="Cognito TOTP"
    />,
    { locale },
  )
  const t = textFor(locale)
  async function signIn(username: string, password: string) {
    await user.type(screen.getByLabelText(t('signIn.username')), username)
    await user.type(screen.getByLabelText(t('signIn.password')), password)
    await user.click(screen.getByRole('button', { name: t('signIn.submit') }))
  }
  return { user, auth, onSignedIn, t, signIn }
}

/** Whether the box comes before the code field in the document (the code is sent at its sixth digit). */
const comesBefore = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)

describe.each(['en', 'ja'] as const)('"Don’t ask for a code on this browser" (%s)', (locale) => {
  test('at the code step: unchecked, before the code, with what it means; ticked, this browser is remembered once signed in', async () => {
    const { user, auth, onSignedIn, t, signIn } = setup(locale)
    await signIn('alice', 'Correct-horse-1')
    const box = await screen.findByRole('checkbox', { name: t('signIn.rememberBrowser.label') })
    expect(box).not.toBeChecked()
    expect(box).toHaveAccessibleDescription(t('signIn.rememberBrowser.hint'))
    const field = screen.getByLabelText(t('signIn.totp.label'))
    expect(comesBefore(box, field)).toBe(true)

    await user.click(box)
    await user.type(field, '123456')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('alice'))
    expect(auth.calls.filter((c) => c.method === 'confirmTotpCode')).toEqual([
      { method: 'confirmTotpCode', args: ['123456', { rememberBrowser: true }] },
    ])
    expect(auth.devices('alice')).toEqual([{ id: expect.any(String), remembered: true }])
  })

  test('left unchecked, nothing is remembered: the next sign-in asks for the code again', async () => {
    const { user, auth, onSignedIn, t, signIn } = setup(locale)
    await signIn('alice', 'Correct-horse-1')
    await user.type(await screen.findByLabelText(t('signIn.totp.label')), '123456')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('alice'))
    expect(auth.calls.filter((c) => c.method === 'confirmTotpCode')).toEqual([{ method: 'confirmTotpCode', args: ['123456'] }])
    expect(auth.devices('alice')).toEqual([{ id: expect.any(String), remembered: false }])
    await auth.signOut()
    expect(await auth.signIn('alice', 'Correct-horse-1')).toEqual({ step: 'totp-code' })
  })

  test('at the end of setup during sign-in (MFA_SETUP): the box comes before the code and remembers this browser', async () => {
    const { user, auth, onSignedIn, t, signIn } = setup(locale, {
      users: [{ username: 'newbie', password: 'Correct-horse-1' }],
      mfaRequired: true,
    })
    await signIn('newbie', 'Correct-horse-1')
    const setupScreen = await screen.findByRole('region', { name: t('totp.title') })
    const box = within(setupScreen).getByRole('checkbox', { name: t('signIn.rememberBrowser.label') })
    expect(box).not.toBeChecked()
    const field = within(setupScreen).getByLabelText(t('totp.codeLabel'))
    expect(comesBefore(box, field)).toBe(true)
    await user.click(box)
    await user.type(field, '123456')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('newbie', true))
    expect(auth.calls.filter((c) => c.method === 'confirmTotpSetupDuringSignIn')).toEqual([
      { method: 'confirmTotpSetupDuringSignIn', args: ['123456', '', { rememberBrowser: true }] },
    ])
    expect(auth.devices('newbie')).toEqual([{ id: expect.any(String), remembered: true }])
  })

  test('a remembering that fails does not fail the sign-in', async () => {
    const { user, auth, onSignedIn, t, signIn } = setup(locale, { devicesTracked: false })
    await signIn('alice', 'Correct-horse-1')
    await user.click(await screen.findByRole('checkbox', { name: t('signIn.rememberBrowser.label') }))
    await user.type(screen.getByLabelText(t('signIn.totp.label')), '123456')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('alice'))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    // The Security page says it instead.
    expect(await auth.listRememberedBrowsers()).toEqual({ browsers: [], rememberFailed: true })
  })
})

test('a remembered browser signs in with the password alone: no code step', async () => {
  const { onSignedIn, signIn } = setup('en', {
    users: [{ ...alice, rememberedBrowsers: [{ id: 'eu-west-1_mine', thisBrowser: true }] }],
  })
  await signIn('alice', 'Correct-horse-1')
  await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('alice'))
})

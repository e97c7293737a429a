import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { createFakeAuthGateway, type FakeOptions, type FakeUser } from '../../../tests/support/fake-auth-gateway.ts'
import type { Locale } from '../../i18n/locale.ts'
import { renderWithProviders, textFor } from '../../../tests/support/render-with-providers.tsx'
import { createManualClock } from '../../ui/clock.ts'
import { SecurityScreen } from './security-screen.tsx'

/** `mfaRequired`: what the configuration says about the pool ('unknown': nothing). */
function setup(locale: Locale, user: Partial<FakeUser> = {}, fake: FakeOptions = {}, mfaRequired: boolean | 'unknown' = false) {
  const auth = createFakeAuthGateway({
    users: [{ username: 'alice', password: 'x', ...user }],
    signedInAs: 'alice',
    ...fake,
  })
  const onSessionExpired = vi.fn()
  renderWithProviders(
    <SecurityScreen
      auth={auth}
      mfaRequired={mfaRequired === 'unknown' ? undefined : mfaRequired}
      onSessionExpired={onSessionExpired}
      accountName="alice"
      issuer="Cognito TOTP"
    />,
    { locale },
  )
  const t = textFor(locale)
  /** The setup screen (the enrollment view) with its key. */
  const setupScreen = () => screen.findByRole('region', { name: t('totp.title') })
  return { u: userEvent.setup(), auth, onSessionExpired, t, setupScreen }
}

describe.each(['en', 'ja'] as const)('security screen (%s)', (locale) => {
  test('shows that the authenticator app is off and offers to set one up', async () => {
    const { u, t, setupScreen } = setup(locale)
    expect(screen.getByRole('status')).toHaveTextContent(t('security.loading'))
    expect(await screen.findByText(t('security.totp.offDescription'))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.off'))).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: t('security.turnOff') })).not.toBeInTheDocument()
    await u.click(screen.getByRole('button', { name: t('security.setUp') }))
    expect(await setupScreen()).toBeInTheDocument()
    expect(await screen.findByLabelText(t('totp.keyLabel'))).toBeInTheDocument()
    expect(screen.queryByText(t('totp.replacingWarning'))).not.toBeInTheDocument()
  })

  test('after setup the status is read again from the server and the page says it is on', async () => {
    const { u, auth, t } = setup(locale)
    await u.click(await screen.findByRole('button', { name: t('security.setUp') }))
    const deviceName = await screen.findByLabelText(t('totp.deviceLabel'))
    await u.clear(deviceName)
    await u.type(deviceName, 'Work phone')
    await u.type(screen.getByLabelText(t('totp.codeLabel')), '123456')
    expect(await screen.findByText(t('security.notice.enabled'))).toBeInTheDocument()
    // authenticatedAt: a first setup on an account without MFA needs a recent sign-in (ADR 016).
    // Reads (the status, and with it on the remembered browsers: ADR 025) are not changes.
    expect(auth.calls.map((c) => c.method).filter((m) => m !== 'fetchMfaStatus' && m !== 'listRememberedBrowsers')).toEqual([
      'authenticatedAt',
      'beginTotpSetup',
      'verifyTotpSetup',
      'setTotpPreferred',
    ])
    expect(screen.getByText(t('security.totp.on'))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.preferred'))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.device', { name: 'Work phone' }))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.deviceHere'))).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: t('security.title') })).toHaveFocus()
  })

  test('the device name is shown only when known', async () => {
    setup(locale, { totp: { preferred: true } })
    expect(await screen.findByText(t(locale)('security.totp.preferred'))).toBeInTheDocument()
    expect(screen.queryByText(t(locale)('security.totp.device', { name: '' }).trim(), { exact: false })).not.toBeInTheDocument()
    expect(screen.getByText(t(locale)('security.totp.deviceUnknown'))).toBeInTheDocument()
  })

  test('replacing warns that the old app stops working, and cancelling keeps everything', async () => {
    const { u, auth, t, setupScreen } = setup(locale, { totp: { preferred: true, deviceName: 'Old phone' } })
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    const dialog = screen.getByRole('dialog', { name: t('security.replaceConfirm.title') })
    expect(dialog).toHaveTextContent(t('security.replaceConfirm.body'))
    await u.click(within(dialog).getByRole('button', { name: t('common.cancel') }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: t('totp.title') })).not.toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'beginTotpSetup')).toHaveLength(0)

    await u.click(screen.getByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    expect(await setupScreen()).toBeInTheDocument()
    expect(screen.getByText(t('totp.replacingWarning'))).toBeInTheDocument()
  })

  test('the replace dialog says exactly what an unfinished replacement does, for the pool’s MFA setting', async () => {
    const { u, t } = setup(locale, { totp: { preferred: true } })
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    expect(screen.getByRole('dialog')).toHaveTextContent(t('security.replaceConfirm.unfinished'))
    expect(screen.getByRole('dialog')).not.toHaveTextContent(t('security.replaceConfirm.unfinishedRequired'))
  })

  test('in an MFA-required pool the dialog says sign-in leads to setting up a new app', async () => {
    const { u, t } = setup(locale, { totp: { preferred: true } }, { mfaRequired: true }, true)
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    expect(screen.getByRole('dialog')).toHaveTextContent(t('security.replaceConfirm.unfinishedRequired'))
  })

  test('when configuration does not say whether the pool requires MFA, the dialog and the warning cover both; a refused turn-off teaches it', async () => {
    const { u, t } = setup(locale, { totp: { preferred: true } }, { mfaRequired: true }, 'unknown')
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    const dialog = screen.getByRole('dialog')
    expect(dialog).toHaveTextContent(t('security.replaceConfirm.unfinishedUnknown'))
    expect(dialog).not.toHaveTextContent(t('security.replaceConfirm.unfinished'))
    expect(dialog).not.toHaveTextContent(t('security.replaceConfirm.unfinishedRequired'))
    await u.click(within(dialog).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    await screen.findByRole('group', { name: t('totp.keyLabel') })
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(t('security.suspended.bodyUnknown'))
    expect(alert).not.toHaveTextContent(t('security.suspended.body'))

    // Turning off is refused: the pool requires MFA, and from now on the texts say so.
    await u.click(screen.getByRole('button', { name: t('security.turnOff') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    expect(await screen.findByText(t('failure.mfa-required-by-pool'))).toBeInTheDocument()
    expect(screen.getByText(t('security.suspended.bodyRequired'))).toBeInTheDocument()
    await u.click(screen.getByRole('button', { name: t('security.replace') }))
    expect(screen.getByRole('dialog')).toHaveTextContent(t('security.replaceConfirm.unfinishedRequired'))
  })

  test('suspended because the latest sign-in here asked for no code: says what was seen, not a cause', async () => {
    const { t } = setup(locale, { totp: { preferred: true } }, { seen: { alice: 'not-asked' } })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(t('security.suspended.title'))
    expect(alert).toHaveTextContent(t('security.suspended.seen'))
    expect(alert).not.toHaveTextContent(t('security.suspended.body'))
    expect(screen.getByRole('button', { name: t('security.finishSetup') })).toBeInTheDocument()
  })

  test('suspended because SMS was asked for directly (no other factor preferred): the same words', async () => {
    const { t } = setup(locale, { totp: { preferred: true }, sms: true }, { seen: { alice: 'other-factor-only' } })
    expect(await screen.findByRole('alert')).toHaveTextContent(t('security.suspended.seen'))
    expect(screen.getByText(t('security.totp.suspended'))).toBeInTheDocument()
  })

  test('a key request whose answer was lost leaves the authenticator shown suspended; a refused one leaves it on', async () => {
    const { u, auth, t } = setup(locale, { totp: { preferred: true } })
    auth.failNext('beginTotpSetup', 'NetworkError')
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    expect(await screen.findByText(t('failure.offline'))).toBeInTheDocument()
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))
    // Cognito may have made the association: the page must not say "on".
    expect(await screen.findByText(t('security.totp.suspended'))).toBeInTheDocument()
    expect(screen.queryByText(t('security.totp.on'))).not.toBeInTheDocument()

    // A new key made and verified puts it back on; a refusal by Cognito changes nothing.
    await u.click(screen.getByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    await u.type(await screen.findByLabelText(t('totp.codeLabel')), '123456')
    expect(await screen.findByText(t('security.notice.replaced'))).toBeInTheDocument()
    auth.failNext('beginTotpSetup', 'LimitExceededException')
    await u.click(screen.getByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    expect(await screen.findByText(t('failure.too-many-attempts'))).toBeInTheDocument()
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))
    expect(await screen.findByText(t('security.totp.on'))).toBeInTheDocument()
  })

  test('a refused key request never speaks of a code', async () => {
    const { u, auth, t } = setup(locale)
    auth.failNext('beginTotpSetup', 'InvalidParameterException')
    await u.click(await screen.findByRole('button', { name: t('security.setUp') }))
    expect(await screen.findByText(t('failure.unexpected'))).toBeInTheDocument()
    expect(screen.queryByText(t('failure.setup-not-confirmed'))).not.toBeInTheDocument()
  })

  test('Cancel waits while a code is being checked, so its answer is not dropped', async () => {
    const { u, auth, t } = setup(locale, { totp: { preferred: true } })
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    const release = auth.hold('verifyTotpSetup')
    await u.type(await screen.findByLabelText(t('totp.codeLabel')), '123456')
    const cancel = screen.getByRole('button', { name: t('common.cancel') })
    expect(cancel).toBeDisabled()
    await u.click(cancel)
    release()
    expect(await screen.findByText(t('security.notice.replaced'))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.on'))).toBeInTheDocument()
  })

  test('Continue → Cancel: the authenticator shows as not asked for at once, and Finish shows the same key again', async () => {
    const { u, auth, t, setupScreen } = setup(locale, { totp: { preferred: true } }, { secrets: ['OLDKEYOLDKEYOLDK', 'NEWKEYNEWKEYNEWK'] })
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    await setupScreen()
    const key = (await screen.findByRole('group', { name: t('totp.keyLabel') })).textContent?.replace(/\s+/g, '')
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(t('security.suspended.title'))
    expect(alert).toHaveTextContent(t('security.suspended.body'))
    expect(screen.getByText(t('security.totp.suspended'))).toBeInTheDocument()
    expect(screen.queryByText(t('security.totp.on'))).not.toBeInTheDocument()
    expect(screen.queryByText(t('security.totp.preferred'))).not.toBeInTheDocument()

    await u.click(screen.getByRole('button', { name: t('security.finishSetup') }))
    expect((await screen.findByRole('group', { name: t('totp.keyLabel') })).textContent?.replace(/\s+/g, '')).toBe(key)
    expect(auth.calls.filter((c) => c.method === 'beginTotpSetup')).toHaveLength(1)
    await u.type(screen.getByLabelText(t('totp.codeLabel')), '123456')
    expect(await screen.findByText(t('security.notice.replaced'))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.on'))).toBeInTheDocument()
    expect(screen.queryByText(t('security.suspended.title'))).not.toBeInTheDocument()
  })

  test('a setup that InvalidParameterException answers is not reported on: start over with a new key', async () => {
    const { u, auth, t } = setup(locale, { totp: { preferred: true } })
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    await screen.findByRole('group', { name: t('totp.keyLabel') })
    auth.failNext('verifyTotpSetup', 'InvalidParameterException')
    await u.type(screen.getByLabelText(t('totp.codeLabel')), '123456')
    expect(await screen.findByText(t('failure.setup-not-confirmed'))).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'setTotpPreferred')).toHaveLength(0)
    expect(screen.getByRole('button', { name: t('totp.startOver') })).toBeEnabled()
  })

  test('leaving the setup half-way returns to the status, read again', async () => {
    const { u, auth, t } = setup(locale)
    await u.click(await screen.findByRole('button', { name: t('security.setUp') }))
    await screen.findByLabelText(t('totp.keyLabel'))
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))
    expect(await screen.findByRole('button', { name: t('security.setUp') })).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'fetchMfaStatus').length).toBeGreaterThanOrEqual(2)
  })

  test('turning off asks for confirmation, then shows the app is off', async () => {
    const { u, auth, t } = setup(locale, { totp: { preferred: true } })
    await u.click(await screen.findByRole('button', { name: t('security.turnOff') }))
    const dialog = screen.getByRole('dialog', { name: t('security.disableConfirm.title') })
    expect(within(dialog).getByRole('button', { name: t('security.disableConfirm.keep') })).toHaveFocus()
    await u.click(within(dialog).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    expect(await screen.findByText(t('security.notice.disabled'))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.off'))).toBeInTheDocument()
    expect(auth.user('alice')?.totp).toBeUndefined()
    // "Turn off" is gone with the dialog: focus lands on the news, not on the page body.
    await waitFor(() => expect(document.activeElement).toContainElement(screen.getByText(t('security.notice.disabled'))))
    expect(document.activeElement).not.toBe(document.body)
  })

  test('"Keep it on" closes the dialog without turning anything off', async () => {
    const { u, auth, t } = setup(locale, { totp: { preferred: true } })
    await u.click(await screen.findByRole('button', { name: t('security.turnOff') }))
    await u.click(screen.getByRole('button', { name: t('security.disableConfirm.keep') }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(auth.user('alice')?.totp).toBeDefined()
  })

  test('a failure while turning off is shown in the dialog', async () => {
    const { u, auth, t } = setup(locale, { totp: { preferred: true } })
    auth.failNext('disableTotp', 'NetworkError')
    await u.click(await screen.findByRole('button', { name: t('security.turnOff') }))
    const dialog = screen.getByRole('dialog')
    await u.click(within(dialog).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(t('failure.offline'))
  })

  test('when the pool requires MFA, turning off is not offered and the reason is given', async () => {
    const { t } = setup(locale, { totp: { preferred: true } }, { mfaRequired: true }, true)
    expect(await screen.findByText(t('security.requiredReason'))).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: t('security.turnOff') })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: t('security.replace') })).toBeInTheDocument()
  })

  test('when configuration did not say, the refusal teaches the page that MFA is required', async () => {
    const { u, t } = setup(locale, { totp: { preferred: true } }, { mfaRequired: true }, 'unknown')
    await u.click(await screen.findByRole('button', { name: t('security.turnOff') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.mfa-required-by-pool'))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: t('security.turnOff') })).not.toBeInTheDocument()
    expect(screen.getByText(t('security.requiredReason'))).toBeInTheDocument()
  })

  test('an app that is on but not preferred can be made the sign-in method', async () => {
    const { u, t } = setup(locale, { totp: { preferred: false } }, { mfaRequired: true }, true)
    expect(await screen.findByText(t('security.totp.notPreferred'))).toBeInTheDocument()
    await u.click(screen.getByRole('button', { name: t('security.makePreferred') }))
    expect(await screen.findByText(t('security.notice.preferred'))).toBeInTheDocument()
    expect(screen.getByText(t('security.totp.preferred'))).toBeInTheDocument()
  })

  test('other factors are listed for context', async () => {
    const { t } = setup(locale, { totp: { preferred: true }, sms: true })
    expect(await screen.findByText(t('security.totp.otherFactors', { factors: t('security.factor.sms') }))).toBeInTheDocument()
  })

  test('"Start over with a new key" on a listed authenticator is a replacement: an older session proves it first, and Cancel stays on the setup screen', async () => {
    const { u, auth, t } = setup(
      locale,
      { totp: { preferred: true } },
      { seen: { alice: 'association-pending' }, signedInAt: Date.now() - 10 * 60_000 },
    )
    await u.click(await screen.findByRole('button', { name: t('security.finishSetup') }))
    await u.click(await screen.findByRole('button', { name: t('totp.startOver') }))
    const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
    expect(auth.calls.filter((c) => c.method === 'beginTotpSetup')).toHaveLength(0)
    await u.click(within(dialog).getByRole('button', { name: t('common.cancel') }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: t('totp.startOver') })).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'beginTotpSetup')).toHaveLength(0)

    // Proved: the new key is issued, on the setup screen.
    await u.click(screen.getByRole('button', { name: t('totp.startOver') }))
    const again = await screen.findByRole('dialog', { name: t('reauth.title') })
    await u.type(within(again).getByLabelText(t('reauth.password')), 'x{Enter}')
    await u.type(await within(again).findByLabelText(t('reauth.codeLabel')), '123456')
    expect(await screen.findByRole('group', { name: t('totp.keyLabel') })).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'beginTotpSetup')).toHaveLength(1)
  })

  test('a first setup on an account with no other factor needs a recent sign-in; with SMS on, it is not asked', async () => {
    const { u, auth, t } = setup(locale, {}, { signedInAt: Date.now() - 10 * 60_000 })
    await u.click(await screen.findByRole('button', { name: t('security.setUp') }))
    expect(await screen.findByRole('dialog', { name: t('reauth.title') })).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'beginTotpSetup')).toHaveLength(0)
  })

  test('while the session’s age is read, the confirmation cannot be cancelled, so a late answer never runs a cancelled change', async () => {
    const { u, auth, t } = setup(locale, { totp: { preferred: true } })
    await u.click(await screen.findByRole('button', { name: t('security.turnOff') }))
    const release = auth.hold('authenticatedAt')
    const confirm = screen.getByRole('dialog', { name: t('security.disableConfirm.title') })
    await u.click(within(confirm).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    const keep = within(confirm).getByRole('button', { name: t('security.disableConfirm.keep') })
    expect(keep).toBeDisabled()
    fireEvent(confirm, new Event('cancel', { cancelable: true }))
    expect(screen.getByRole('dialog', { name: t('security.disableConfirm.title') })).toBeInTheDocument()
    release()
    expect(await screen.findByText(t('security.notice.disabled'))).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'disableTotp')).toHaveLength(1)
  })

  test('MFA required, replacement left unfinished, older session: the proof (MFA_SETUP) replaced the key on screen, so it is never offered again', async () => {
    const clock = createManualClock()
    const auth = createFakeAuthGateway({
      users: [{ username: 'alice', password: 'x', totp: { preferred: true } }],
      signedInAs: 'alice',
      mfaRequired: true,
      clock,
      secrets: ['SCANNEDSCANNEDSC', 'SETUPSETUPSETUPS', 'NEWKEYNEWKEYNEWK'],
    })
    const t = textFor(locale)
    const u = userEvent.setup()
    renderWithProviders(
      <SecurityScreen auth={auth} mfaRequired clock={clock} onSessionExpired={() => {}} accountName="alice" issuer="Cognito TOTP" />,
      { locale },
    )
    const shownKey = async () => (await screen.findByRole('group', { name: t('totp.keyLabel') })).textContent?.replace(/\s+/g, '')
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    expect(await shownKey()).toBe('SCANNEDSCANNEDSC')
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))
    await screen.findByText(t('security.suspended.title'))

    clock.advance(10 * 60_000)
    await u.click(screen.getByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
    await u.type(within(dialog).getByLabelText(t('reauth.password')), 'x{Enter}')
    // Not the key scanned earlier (MFA_SETUP replaced it): a new one.
    expect(await shownKey()).toBe('NEWKEYNEWKEYNEWK')
  })

  test('a failed load says why and can be retried', async () => {
    const { u, auth, t } = setup(locale)
    auth.failNext('fetchMfaStatus', 'NetworkError')
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.offline'))
    await u.click(screen.getByRole('button', { name: t('security.retry') }))
    expect(await screen.findByRole('button', { name: t('security.setUp') })).toBeInTheDocument()
  })

  test('a refused access token (signed out elsewhere) hands over to the app', async () => {
    const { auth, onSessionExpired } = setup(locale)
    auth.failNext('fetchMfaStatus', 'NotAuthorizedException', 'Access Token has been revoked')
    await waitFor(() => expect(onSessionExpired).toHaveBeenCalled())
  })

  test('"Set up" after the tokens were cleared in another tab hands over to the app too, not "try again"', async () => {
    const { u, auth, t, onSessionExpired } = setup(locale)
    // What Amplify throws when this browser holds no tokens any more (another tab signed out).
    auth.failNext('beginTotpSetup', 'UserUnAuthenticatedException', 'User needs to be authenticated to call this API.')
    await u.click(await screen.findByRole('button', { name: t('security.setUp') }))
    await waitFor(() => expect(onSessionExpired).toHaveBeenCalled())
  })

  test('a setup code refused because the session was revoked hands over to the app', async () => {
    const { u, auth, t, onSessionExpired } = setup(locale)
    await u.click(await screen.findByRole('button', { name: t('security.setUp') }))
    await screen.findByLabelText(t('totp.keyLabel'))
    auth.failNext('verifyTotpSetup', 'NotAuthorizedException', 'Access Token has been revoked')
    await u.type(screen.getByLabelText(t('totp.codeLabel')), '123456')
    await waitFor(() => expect(onSessionExpired).toHaveBeenCalled())
  })
})

function t(locale: Locale) {
  return textFor(locale)
}

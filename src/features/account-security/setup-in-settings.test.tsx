// The authenticator setup screen (src/enrollment) as the Security page runs it, against the
// shared fake gateway: the key, the code form, wrong codes, switching on, leaving and coming back.
import { StrictMode } from 'react'
import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createFakeAuthGateway, type FakeAuthGateway, type FakeUser } from '../../../tests/support/fake-auth-gateway.ts'
import { buildOtpauthUri } from '../../enrollment/otpauth-uri.ts'
import type { Locale } from '../../i18n/locale.ts'
import { renderWithProviders, textFor } from '../../../tests/support/render-with-providers.tsx'
import { SecurityScreen } from './security-screen.tsx'

const secrets = ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF']
const groupedFirst = 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP'
const groupedSecond = 'KRUG S4ZA NFZS AYJA ORSX G5BA ONSW G4TF'
const validCode = '123456'
const account = 'alice@example.com'
const issuer = 'Cognito TOTP'

function renderSecurity(
  locale: Locale,
  { user = {}, strict = false, auth }: { user?: Partial<FakeUser>; strict?: boolean; auth?: FakeAuthGateway } = {},
) {
  const gateway =
    auth ??
    createFakeAuthGateway({
      users: [{ username: account, password: 'Correct-horse-1', ...user }],
      signedInAs: account,
      totpCode: validCode,
      secrets,
    })
  const ui = <SecurityScreen auth={gateway} accountName={account} issuer={issuer} mfaRequired={false} onSessionExpired={() => {}} />
  const result = renderWithProviders(strict ? <StrictMode>{ui}</StrictMode> : ui, { locale })
  const callsOf = (method: keyof FakeAuthGateway) => gateway.calls.filter((c) => c.method === method)
  return { auth: gateway, callsOf, ...result }
}

beforeEach(() => {
  // toAuthFailure writes the raw error to the debug console by design; keep test output quiet.
  vi.spyOn(console, 'debug').mockImplementation(() => {})
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe.each<Locale>(['en', 'ja'])('authenticator setup in settings (%s)', (locale) => {
  const t = textFor(locale)
  const user = () => userEvent.setup()
  const codeField = () => screen.getByLabelText(t('totp.codeLabel'))
  const verifyButton = () => screen.getByRole('button', { name: t('totp.verify') })
  /** Waits for the code form (the secret has arrived). */
  const ready = () => screen.findByLabelText(t('totp.keyLabel'))
  async function openSetup(u = user()) {
    await u.click(await screen.findByRole('button', { name: t('security.setUp') }))
    return u
  }
  /** Back on the Security page with the setup's outcome (ADR 015, revisited: from the pool's answers, not read again). */
  const enabledNotice = () => screen.findByText(t('security.notice.enabled'))

  test('while the key is on its way: a heading with focus and a loading message, nothing to scan yet', async () => {
    const { auth } = renderSecurity(locale)
    await screen.findByRole('button', { name: t('security.setUp') })
    const release = auth.hold('beginTotpSetup')
    await openSetup()
    const heading = screen.getByRole('heading', { level: 2, name: t('totp.title') })
    expect(heading).toHaveFocus()
    expect(screen.getByText(t('totp.loading'))).toBeVisible()
    expect(screen.queryByLabelText(t('totp.keyLabel'))).not.toBeInTheDocument()
    act(() => release())
    expect(await ready()).toBeVisible()
    expect(screen.queryByText(t('totp.loading'))).not.toBeInTheDocument()
  })

  test('shows the QR code (named without the secret), the grouped key, the app preview and the link', async () => {
    const { callsOf } = renderSecurity(locale)
    await openSetup()

    expect(await ready()).toHaveTextContent(groupedFirst)
    expect(screen.getByRole('heading', { level: 3, name: new RegExp(t('totp.step1')) })).toBeVisible()
    expect(screen.getByRole('heading', { level: 3, name: new RegExp(t('totp.step2')) })).toBeVisible()

    const qr = await screen.findByRole('img', { name: t('totp.qrLabel', { account }) })
    const qrName = qr.getAttribute('aria-label') ?? ''
    expect(qrName).not.toContain(secrets[0])
    for (const group of groupedFirst.split(' ')) expect(qrName).not.toContain(group)
    expect(qr.querySelector('title')).toBeNull()

    const link = screen.getByRole('link', { name: t('totp.openInApp') })
    expect(link).toHaveAttribute('href', buildOtpauthUri({ secret: secrets[0], issuer, accountName: account }))
    expect(link.getAttribute('href')).toBe(
      'otpauth://totp/Cognito%20TOTP:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Cognito%20TOTP',
    )

    const preview = screen.getByRole('figure', { name: t('totp.previewCaption') })
    expect(within(preview).getByText(issuer)).toBeVisible()
    expect(within(preview).getByText(account)).toBeVisible()

    // No default name: one in the language of the moment would be stored as if the user chose it.
    expect(screen.getByLabelText(t('totp.deviceLabel'))).toHaveValue('')
    expect(codeField()).toHaveAttribute('autocomplete', 'one-time-code')
    expect(codeField()).toHaveAccessibleDescription(t('totp.codeHint', { issuer }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.queryByText(t('totp.replacingWarning'))).not.toBeInTheDocument()
    // Settings has no challenge session: no countdown.
    expect(screen.queryByRole('timer')).not.toBeInTheDocument()
    expect(callsOf('beginTotpSetup')).toHaveLength(1)
  })

  test('a wrong code says so, clears the field and keeps focus there; the right code then turns the app on', async () => {
    const { auth, callsOf } = renderSecurity(locale)
    const u = await openSetup()
    await ready()

    await u.type(codeField(), '000000')
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
    expect(screen.queryByText(/Code mismatch/)).not.toBeInTheDocument()
    expect(codeField()).toHaveValue('')
    expect(codeField()).toHaveFocus()
    expect(codeField()).toHaveAttribute('aria-invalid', 'true')
    expect(screen.queryByText(t('totp.helpTitle'))).not.toBeInTheDocument()

    await u.type(codeField(), validCode)
    expect(await enabledNotice()).toBeVisible()
    expect(screen.getByRole('heading', { level: 2, name: t('security.title') })).toHaveFocus()
    expect(screen.getByText(t('security.totp.on'))).toBeInTheDocument()
    expect(callsOf('verifyTotpSetup').map((c) => c.args)).toEqual([
      ['000000', ''],
      [validCode, ''],
    ])
    expect(callsOf('setTotpPreferred')).toHaveLength(1)
    expect(callsOf('beginTotpSetup')).toHaveLength(1)
    expect(auth.user(account)?.totp).toEqual({ preferred: true, deviceName: undefined })
    // Unnamed, and Cognito would not say anyway: the page says the name is not known.
    expect(screen.getByText(t('security.totp.deviceUnknown'))).toBeInTheDocument()
  })

  test('after two wrong codes, explains the phone clock and the standard settings', async () => {
    renderSecurity(locale)
    const u = await openSetup()
    await ready()

    await u.type(codeField(), '000000')
    await screen.findByRole('alert')
    expect(screen.queryByText(t('totp.helpClock'))).not.toBeInTheDocument()
    await u.type(codeField(), '111111')
    expect(await screen.findByText(t('totp.helpTitle'))).toBeVisible()
    expect(screen.getByText(t('totp.helpClock'))).toBeVisible()
    expect(screen.getByText(t('totp.helpSettings'))).toHaveTextContent(/SHA-1.*6.*30/)
    expect(codeField()).toHaveAccessibleDescription(new RegExp(t('totp.helpTitle').replace('?', '\\?')))
  })

  test('verified but switching on failed: says so plainly, and the retry switches on without verifying again', async () => {
    const { auth, callsOf } = renderSecurity(locale)
    const u = await openSetup()
    await ready()
    auth.failNext('setTotpPreferred', 'NetworkError')

    await u.type(codeField(), validCode)
    const heading = await screen.findByRole('heading', { level: 2, name: t('totp.activationFailedTitle') })
    expect(heading).toHaveFocus()
    expect(screen.getByText(t('totp.activationFailed'))).toBeVisible()
    expect(screen.getByRole('alert')).toHaveTextContent(t('failure.offline'))
    expect(screen.queryByText(t('security.notice.enabled'))).not.toBeInTheDocument()
    // Never back to the code form: the code was accepted.
    expect(screen.queryByLabelText(t('totp.codeLabel'))).not.toBeInTheDocument()

    await u.click(screen.getByRole('button', { name: t('totp.retryActivation') }))
    expect(await enabledNotice()).toBeVisible()
    expect(callsOf('verifyTotpSetup')).toHaveLength(1)
    expect(callsOf('setTotpPreferred')).toHaveLength(2)
  })

  test('a network failure while verifying: a clear message, and retrying uses the same key', async () => {
    const { auth, callsOf } = renderSecurity(locale)
    const u = await openSetup()
    await ready()
    auth.failNext('verifyTotpSetup', 'NetworkError')

    await u.type(codeField(), validCode)
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.offline'))
    // The code was never checked, so it stays for a retry; the key on screen is unchanged.
    expect(codeField()).toHaveValue(validCode)
    expect(codeField()).not.toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText(t('totp.keyLabel'))).toHaveTextContent(groupedFirst)

    await u.click(verifyButton())
    expect(await enabledNotice()).toBeVisible()
    expect(callsOf('beginTotpSetup')).toHaveLength(1)
    expect(callsOf('verifyTotpSetup').map((c) => c.args)).toEqual([
      [validCode, ''],
      [validCode, ''],
    ])
  })

  test('has no accessibility violations axe can find, with the code form and after a wrong code', async () => {
    const { container } = renderSecurity(locale, { user: { totp: { preferred: true } } })
    const u = user()
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    await ready()
    await screen.findByRole('img', { name: t('totp.qrLabel', { account }) })
    const check = async () => {
      // jsdom has no layout, so contrast cannot be measured here.
      const results = await act(() => axe.run(container, { rules: { 'color-contrast': { enabled: false } } }))
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([])
    }
    await check()
    await u.type(codeField(), '000000')
    await screen.findByRole('alert')
    await u.type(codeField(), '000000')
    await screen.findByText(t('totp.helpTitle'))
    await check()
  }, 15_000)

  test('under StrictMode the key is requested once', async () => {
    const { callsOf } = renderSecurity(locale, { strict: true })
    await openSetup()
    expect(await ready()).toHaveTextContent(groupedFirst)
    await screen.findByRole('img', { name: t('totp.qrLabel', { account }) })
    expect(callsOf('beginTotpSetup')).toHaveLength(1)
  })

  test('leaving with Cancel and coming back shows the same key, with a clean form', async () => {
    const { callsOf } = renderSecurity(locale)
    const u = await openSetup()
    await ready()
    await u.type(codeField(), '000000')
    await screen.findByRole('alert')
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))
    await openSetup(u)
    expect(await ready()).toHaveTextContent(groupedFirst)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(callsOf('beginTotpSetup')).toHaveLength(1)
  })

  test('another signed-in user never sees the earlier user’s key', async () => {
    const auth = createFakeAuthGateway({
      users: [
        { username: account, password: 'Correct-horse-1' },
        { username: 'bob@example.com', password: 'Correct-horse-2' },
      ],
      signedInAs: account,
      secrets,
    })
    const first = renderSecurity(locale, { auth })
    await openSetup()
    await ready()
    first.unmount()
    await auth.signOut()
    await auth.signIn('bob@example.com', 'Correct-horse-2')
    renderSecurity(locale, { auth })
    await openSetup()
    expect(await ready()).toHaveTextContent(groupedSecond)
    expect(first.callsOf('beginTotpSetup')).toHaveLength(2)
  })

  test('"start over" is the one way to a new key', async () => {
    const { callsOf } = renderSecurity(locale)
    const u = await openSetup()
    await ready()
    const startOver = screen.getByRole('button', { name: t('totp.startOver') })
    expect(startOver).toHaveAccessibleDescription(t('totp.startOverHint'))
    await u.click(startOver)
    expect(await screen.findByText(groupedSecond)).toBeVisible()
    expect(callsOf('beginTotpSetup')).toHaveLength(2)
    expect(screen.getByRole('link', { name: t('totp.openInApp') }).getAttribute('href')).toContain(secrets[1])
  })

  test('when the key cannot be fetched: the reason, and trying again', async () => {
    const { auth, callsOf } = renderSecurity(locale)
    await screen.findByRole('button', { name: t('security.setUp') })
    auth.failNext('beginTotpSetup', 'TooManyRequestsException')
    const u = await openSetup()
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.too-many-attempts'))
    await u.click(screen.getByRole('button', { name: t('common.tryAgain') }))
    expect(await ready()).toHaveTextContent(groupedFirst)
    expect(callsOf('beginTotpSetup')).toHaveLength(2)
  })

  test('replacing an authenticator warns that the old one stops working', async () => {
    renderSecurity(locale, { user: { totp: { preferred: true } } })
    const u = user()
    await u.click(await screen.findByRole('button', { name: t('security.replace') }))
    await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    await ready()
    expect(screen.getByText(t('totp.replacingWarning'))).toBeVisible()
  })

  test('the device name the user gives is sent with the code', async () => {
    const { callsOf } = renderSecurity(locale)
    const u = await openSetup()
    await ready()
    const name = screen.getByLabelText(t('totp.deviceLabel'))
    expect(name).toHaveAttribute('maxlength', '64')
    await u.clear(name)
    await u.type(name, '  Work phone ')
    await u.type(codeField(), validCode)
    await enabledNotice()
    expect(callsOf('verifyTotpSetup').map((c) => c.args)).toEqual([[validCode, 'Work phone']])
  })

  test('Verify with a partial code asks for all six digits and sends nothing', async () => {
    const { callsOf } = renderSecurity(locale)
    const u = await openSetup()
    await ready()
    await u.type(codeField(), '123')
    await u.click(verifyButton())
    expect(screen.getByRole('alert')).toHaveTextContent(t('totp.codeIncomplete'))
    expect(callsOf('verifyTotpSetup')).toHaveLength(0)
  })

  test('a refused access token stops further codes and offers to sign in again', async () => {
    const { auth } = renderSecurity(locale)
    const u = await openSetup()
    await ready()
    auth.failNext('verifyTotpSetup', 'NotAuthorizedException')
    await u.type(codeField(), validCode)
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.session-expired'))
    expect(codeField()).toBeDisabled()
    expect(verifyButton()).toBeDisabled()
    await u.click(screen.getByRole('button', { name: t('totp.signInAgain') }))
    expect(screen.queryByRole('region', { name: t('totp.title') })).not.toBeInTheDocument()
  })

  test('the copy button copies the bare key and says so', async () => {
    renderSecurity(locale)
    const u = await openSetup()
    await ready()
    await u.click(screen.getByRole('button', { name: t('totp.copyKey') }))
    expect(await navigator.clipboard.readText()).toBe(secrets[0])
    expect(screen.getByRole('button', { name: new RegExp(t('totp.copied')) })).toBeVisible()
    expect(screen.getByText(t('totp.copiedStatus'))).toBeVisible()
  })

  test('when copying is not possible, the key is selected and the user is told how to copy it', async () => {
    renderSecurity(locale)
    const u = await openSetup()
    await ready()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    await u.click(screen.getByRole('button', { name: t('totp.copyKey') }))
    expect(await screen.findByText(t('totp.copyFailed'))).toBeVisible()
    expect(window.getSelection()?.toString()).toBe(groupedFirst)
  })

  test('on a touch device, "Open in authenticator app" comes first as the main action', async () => {
    vi.stubGlobal(
      'matchMedia',
      (query: string) =>
        ({
          matches: query === '(pointer: coarse)',
          media: query,
          addEventListener: () => {},
          removeEventListener: () => {},
        }) as unknown as MediaQueryList,
    )
    renderSecurity(locale)
    await openSetup()
    await ready()
    const open = screen.getByRole('link', { name: t('totp.openInApp') })
    expect(screen.getAllByRole('link', { name: t('totp.openInApp') })).toHaveLength(1)
    expect(screen.getByText(t('totp.touchHint'))).toBeVisible()
    const qr = await screen.findByRole('img', { name: t('totp.qrLabel', { account }) })
    expect(open.compareDocumentPosition(qr) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    // Looks like the button it is styled as: a link's underline is undone (Amplify's class keeps it).
    expect(open).toHaveClass('amplify-button')
    expect(open.style.textDecoration).toBe('none')
  })

  test('on a desktop, the link is a secondary link after the key', async () => {
    renderSecurity(locale)
    await openSetup()
    const key = await ready()
    const open = screen.getByRole('link', { name: t('totp.openInApp') })
    expect(key.compareDocumentPosition(open) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(screen.queryByText(t('totp.touchHint'))).not.toBeInTheDocument()
  })

  test('Cancel goes back to the Security page', async () => {
    renderSecurity(locale)
    const u = await openSetup()
    await ready()
    await u.click(screen.getByRole('button', { name: t('common.cancel') }))
    expect(await screen.findByRole('button', { name: t('security.setUp') })).toBeVisible()
    expect(screen.queryByRole('region', { name: t('totp.title') })).not.toBeInTheDocument()
  })
})

describe('Japanese, spelled out', () => {
  test('a wrong code is explained in Japanese', async () => {
    const u = userEvent.setup()
    renderSecurity('ja')
    await u.click(await screen.findByRole('button', { name: textFor('ja')('security.setUp') }))
    await screen.findByLabelText('セットアップキー')
    await u.type(screen.getByLabelText('6桁のコード'), '000000')
    expect(await screen.findByRole('alert')).toHaveTextContent('コードが一致しません')
    expect(screen.getByRole('button', { name: '確認' })).toBeEnabled()
  })
})

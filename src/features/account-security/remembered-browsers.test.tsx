// "Browsers that don't ask for a code" on the Security page (ADR 025), with the fake gateway, which
// keeps the pool's device records: the list, the status line, forgetting (behind the recent
// sign-in), and forgetting them all with a replacement or a turn-off.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { createFakeAuthGateway, type FakeAuthGateway, type FakeOptions, type FakeUser } from '../../../tests/support/fake-auth-gateway.ts'
import { renderWithProviders, textFor } from '../../../tests/support/render-with-providers.tsx'
import type { Locale } from '../../i18n/locale.ts'
import { SecurityScreen } from './security-screen.tsx'

const WINDOWS_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const MAC_SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15'
const LAST_WEEK = Date.UTC(2026, 10, 20, 9, 30)

const twoBrowsers: FakeUser['rememberedBrowsers'] = [
  { id: 'eu-west-1_laptop', name: WINDOWS_CHROME, lastSignedInAt: LAST_WEEK },
  { id: 'eu-west-1_here', name: MAC_SAFARI, lastSignedInAt: LAST_WEEK + 60_000, thisBrowser: true },
]

function setup(locale: Locale, user: Partial<FakeUser> = {}, fake: FakeOptions = {}, gateway?: FakeAuthGateway) {
  const auth =
    gateway ??
    createFakeAuthGateway({
      users: [{ username: 'alice', password: 'Alice-pass-2026!', totp: { preferred: true }, ...user }],
      signedInAs: 'alice',
      ...fake,
    })
  const onSessionExpired = vi.fn()
  renderWithProviders(
    <SecurityScreen auth={auth} mfaRequired={false} onSessionExpired={onSessionExpired} accountName="alice" issuer="Cognito TOTP" />,
    {
      locale,
    },
  )
  const t = textFor(locale)
  // The first render waits for the status, then the list (slow on a loaded machine).
  const section = () => screen.findByRole('region', { name: t('browsers.title') }, { timeout: 5000 })
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms)
  return { u: userEvent.setup(), auth, onSessionExpired, t, section, when }
}

describe.each(['en', 'ja'] as const)('remembered browsers on the Security page (%s)', (locale) => {
  test('each remembered browser by name, when it last signed in, this one marked; the status says which skip the code', async () => {
    const { t, section, when } = setup(locale, { rememberedBrowsers: twoBrowsers })
    const list = within(await section()).getByRole('list')
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
    const [laptop, here] = within(list).getAllByRole('listitem')
    expect(laptop).toHaveTextContent(t('browsers.name.both', { browser: 'Chrome', platform: 'Windows' }))
    expect(laptop).toHaveTextContent(t('browsers.lastSignedIn', { when: when(LAST_WEEK) }))
    expect(within(laptop).queryByText(t('browsers.thisBrowser'))).not.toBeInTheDocument()
    expect(here).toHaveTextContent(t('browsers.name.both', { browser: 'Safari', platform: 'macOS' }))
    expect(within(here).getByText(t('browsers.thisBrowser'))).toBeInTheDocument()
    expect(here).toHaveTextContent(t('browsers.lastSignedIn', { when: when(LAST_WEEK + 60_000) }))
    // "On", but not everywhere: said beside the status (ADR 025).
    expect(screen.getByText(t('security.totp.on'))).toBeInTheDocument()
    expect(screen.getByText(`${t('browsers.skipMany', { count: '2' })} ${t('browsers.skipHere')}`)).toBeInTheDocument()
  })

  test('one remembered browser elsewhere: the status names one, not this one; an unknown name stays unknown', async () => {
    const { t, section } = setup(locale, { rememberedBrowsers: [{ id: 'eu-west-1_x', name: 'something else entirely' }] })
    expect(await within(await section()).findByText(t('browsers.name.unknown'))).toBeInTheDocument()
    expect(screen.getByText(t('browsers.skipOne'))).toBeInTheDocument()
    expect(screen.queryByText(t('browsers.skipHere'), { exact: false })).not.toBeInTheDocument()
    expect(within(await section()).getByText(t('browsers.lastSignedInUnknown'))).toBeInTheDocument()
  })

  test('none: the empty state says every sign-in asks for a code, and how to skip it', async () => {
    const { t, section } = setup(locale)
    expect(await within(await section()).findByText(t('browsers.empty'))).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: t('browsers.forgetAll') })).not.toBeInTheDocument()
    expect(screen.queryByText(t('browsers.skipOne'))).not.toBeInTheDocument()
  })

  test('not shown while the authenticator is off (read with the page all the same, for a setup to come)', async () => {
    const { t, auth } = setup(locale, { totp: undefined, rememberedBrowsers: twoBrowsers })
    expect(await screen.findByText(t('security.totp.offDescription'))).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: t('browsers.title') })).not.toBeInTheDocument()
    expect(screen.queryByText(t('browsers.skipMany', { count: '2' }), { exact: false })).not.toBeInTheDocument()
    // Read at page load whether or not the authenticator is on (ADR 025, revisited): hidden, not unread.
    expect(auth.calls.filter((c) => c.method === 'listRememberedBrowsers')).toHaveLength(1)
  })

  test('Forget one: gone from the list and from the pool, with a word on what it means', async () => {
    const { u, t, auth, section } = setup(locale, { rememberedBrowsers: twoBrowsers })
    const name = t('browsers.name.both', { browser: 'Chrome', platform: 'Windows' })
    await u.click(await within(await section()).findByRole('button', { name: t('browsers.forgetNamed', { name }) }))
    expect(await within(await section()).findByText(t('browsers.notice.forgot-one'))).toBeInTheDocument()
    await waitFor(() => expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(1))
    expect(auth.devices('alice')).toEqual([{ id: 'eu-west-1_here', remembered: true }])
    expect(auth.calls.filter((c) => c.method === 'authenticatedAt')).toHaveLength(1)
  })

  test('Forget this browser: its next sign-in here asks for the code, and the section says so', async () => {
    const { u, t, auth, section } = setup(locale, { rememberedBrowsers: twoBrowsers })
    const name = t('browsers.name.both', { browser: 'Safari', platform: 'macOS' })
    await u.click(await within(await section()).findByRole('button', { name: t('browsers.forgetNamed', { name }) }))
    expect(await within(await section()).findByText(t('browsers.notice.forgot-this'))).toBeInTheDocument()
    await auth.signOut()
    expect(await auth.signIn('alice', 'Alice-pass-2026!')).toEqual({ step: 'totp-code' })
  })

  test('Forget all, on a session signed in long ago: "Confirm it’s you" first (the password alone on this remembered browser), then every browser goes', async () => {
    const { u, t, auth, section } = setup(locale, { rememberedBrowsers: twoBrowsers }, { signedInAt: Date.now() - 60 * 60_000 })
    await u.click(await within(await section()).findByRole('button', { name: t('browsers.forgetAll') }))
    const dialog = await screen.findByRole('dialog', { name: t('reauth.title') })
    expect(auth.devices('alice')).toHaveLength(2)
    // This browser is remembered: the proof, like signing in here, asks for the password alone (ADR 016, 025).
    await u.type(within(dialog).getByLabelText(t('reauth.password')), 'Alice-pass-2026!{Enter}')
    expect(await within(await section()).findByText(t('browsers.notice.forgot-all'))).toBeInTheDocument()
    expect(screen.queryByLabelText(t('reauth.codeLabel'))).not.toBeInTheDocument()
    expect(within(await section()).getByText(t('browsers.empty'))).toBeInTheDocument()
    expect(auth.devices('alice')).toEqual([])
  })

  test('Cancel at "Confirm it’s you" forgets nothing', async () => {
    const { u, t, auth, section } = setup(locale, { rememberedBrowsers: twoBrowsers }, { signedInAt: Date.now() - 60 * 60_000 })
    await u.click(await within(await section()).findByRole('button', { name: t('browsers.forgetAll') }))
    await u.click(within(await screen.findByRole('dialog', { name: t('reauth.title') })).getByRole('button', { name: t('common.cancel') }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(auth.devices('alice')).toHaveLength(2)
    expect(auth.calls.filter((c) => c.method === 'forgetAllRememberedBrowsers')).toHaveLength(0)
  })

  test('a failure to remember this browser at sign-in is said here', async () => {
    const auth = createFakeAuthGateway({
      users: [{ username: 'alice', password: 'Alice-pass-2026!', totp: { preferred: true } }],
      devicesTracked: false,
    })
    await auth.signIn('alice', 'Alice-pass-2026!')
    await auth.confirmTotpCode('123456', { rememberBrowser: true })
    const { t, section } = setup(locale, {}, {}, auth)
    expect(await within(await section()).findByText(t('browsers.rememberFailed'))).toBeInTheDocument()
  })

  test('a list that cannot be read says why and offers to try again; a lapsed session signs out', async () => {
    const { u, t, auth, section, onSessionExpired } = setup(locale, { rememberedBrowsers: twoBrowsers })
    auth.failNext('listRememberedBrowsers', 'NetworkError')
    expect(await within(await section()).findByText(t('failure.offline'))).toBeInTheDocument()
    await u.click(within(await section()).getByRole('button', { name: t('security.retry') }))
    await waitFor(() => expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(2))

    auth.failNext('forgetRememberedBrowser', 'NotAuthorizedException', 'Access Token has been revoked')
    const name = t('browsers.name.both', { browser: 'Chrome', platform: 'Windows' })
    await u.click(within(await section()).getByRole('button', { name: t('browsers.forgetNamed', { name }) }))
    await waitFor(() => expect(onSessionExpired).toHaveBeenCalled())
  })

  test('Replace offers to forget every remembered browser, ticked; continuing forgets them, and the page says so', async () => {
    const { u, t, auth, section } = setup(locale, { rememberedBrowsers: twoBrowsers })
    await within(await section()).findAllByRole('listitem')
    await u.click(screen.getByRole('button', { name: t('security.replace') }))
    const dialog = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
    const box = within(dialog).getByRole('checkbox', { name: t('browsers.withChange.label') })
    expect(box).toBeChecked()
    expect(box).toHaveAccessibleDescription(t('browsers.withChange.hint'))
    await u.click(within(dialog).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    await waitFor(() => expect(auth.devices('alice')).toEqual([]))
    // Leaving the new key's setup: back on Security, which says what happened to the browsers.
    await u.click(await screen.findByRole('button', { name: t('common.cancel') }))
    expect(await within(await section()).findByText(t('browsers.notice.forgot-all-with-change'))).toBeInTheDocument()
    expect(within(await section()).getByText(t('browsers.empty'))).toBeInTheDocument()
  })

  test('Replace with the box unticked keeps the remembered browsers', async () => {
    const { u, t, auth, section } = setup(locale, { rememberedBrowsers: twoBrowsers })
    await within(await section()).findAllByRole('listitem')
    await u.click(screen.getByRole('button', { name: t('security.replace') }))
    const dialog = await screen.findByRole('dialog', { name: t('security.replaceConfirm.title') })
    await u.click(within(dialog).getByRole('checkbox', { name: t('browsers.withChange.label') }))
    await u.click(within(dialog).getByRole('button', { name: t('security.replaceConfirm.continue') }))
    expect(await screen.findByRole('region', { name: t('totp.title') })).toBeInTheDocument()
    expect(auth.calls.filter((c) => c.method === 'forgetAllRememberedBrowsers')).toHaveLength(0)
    expect(auth.devices('alice')).toHaveLength(2)
  })

  test('Turn off forgets them too by default, and says so once the authenticator is off', async () => {
    const { u, t, auth } = setup(locale, { rememberedBrowsers: twoBrowsers })
    await screen.findAllByRole('listitem')
    await u.click(screen.getByRole('button', { name: t('security.turnOff') }))
    const dialog = await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })
    expect(within(dialog).getByRole('checkbox', { name: t('browsers.withChange.label') })).toBeChecked()
    await u.click(within(dialog).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    expect(await screen.findByText(t('security.notice.disabled'))).toBeInTheDocument()
    expect(await screen.findByText(t('browsers.notice.forgot-all-with-change'))).toBeInTheDocument()
    expect(auth.devices('alice')).toEqual([])
    expect(screen.queryByRole('region', { name: t('browsers.title') })).not.toBeInTheDocument()
  })

  test('with no remembered browser, the confirmations do not offer it', async () => {
    const { u, t, section } = setup(locale)
    await within(await section()).findByText(t('browsers.empty'))
    await u.click(screen.getByRole('button', { name: t('security.turnOff') }))
    const dialog = await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument()
  })
})

// When the list is read (ADR 025, revisited): with the page, beside the status, whether or not the
// authenticator is on; then only after a forgetting, or with the next status after a failed read.
describe('reading the list of remembered browsers', () => {
  const reads = (auth: FakeAuthGateway, method: 'listRememberedBrowsers' | 'fetchMfaStatus') => auth.calls.filter((c) => c.method === method).length

  /** Set up with the fake's code from the Security page; back on it with "on". */
  async function setUpFromSecurity(u: ReturnType<typeof userEvent.setup>, t: ReturnType<typeof textFor>) {
    await u.click(await screen.findByRole('button', { name: t('security.setUp') }))
    await screen.findByLabelText(t('totp.keyLabel'))
    await u.type(screen.getByLabelText(t('totp.codeLabel')), '123456')
    expect(await screen.findByText(t('security.notice.enabled'))).toBeInTheDocument()
  }

  test('read with the page beside the status, before either answers', async () => {
    const auth = createFakeAuthGateway({
      users: [{ username: 'alice', password: 'Alice-pass-2026!', totp: undefined, rememberedBrowsers: twoBrowsers }],
      signedInAs: 'alice',
    })
    const release = auth.hold('fetchMfaStatus')
    setup('en', {}, {}, auth)
    // The status is still being read: the list read went out with it, not after it.
    await waitFor(() => expect(reads(auth, 'listRememberedBrowsers')).toBe(1))
    expect(reads(auth, 'fetchMfaStatus')).toBe(1)
    release()
    expect(await screen.findByText(textFor('en')('security.totp.offDescription'))).toBeInTheDocument()
  })

  test('a first setup shows the browsers remembered before it, read with the page: no read of the list or the status after it', async () => {
    // Remembered while the authenticator was on, kept through a turn-off: they skip the code again.
    const { u, t, auth, section } = setup('en', { totp: undefined, rememberedBrowsers: twoBrowsers })
    expect(await screen.findByText(t('security.totp.offDescription'))).toBeInTheDocument()
    await waitFor(() => expect(reads(auth, 'listRememberedBrowsers')).toBe(1))
    await setUpFromSecurity(u, t)
    expect(within(await section()).getAllByRole('listitem')).toHaveLength(2)
    expect(screen.getByText(`${t('browsers.skipMany', { count: '2' })} ${t('browsers.skipHere')}`)).toBeInTheDocument()
    expect(reads(auth, 'listRememberedBrowsers')).toBe(1)
    expect(reads(auth, 'fetchMfaStatus')).toBe(1)
  })

  test('Turn off with the box unticked keeps the browsers: set up again, "on" counts them without a read', async () => {
    const { u, t, auth, section } = setup('en', { rememberedBrowsers: twoBrowsers })
    await waitFor(async () => expect(within(await section()).getAllByRole('listitem')).toHaveLength(2))
    await u.click(screen.getByRole('button', { name: t('security.turnOff') }))
    const dialog = await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })
    await u.click(within(dialog).getByRole('checkbox', { name: t('browsers.withChange.label') }))
    await u.click(within(dialog).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    expect(await screen.findByText(t('security.notice.disabled'))).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: t('browsers.title') })).not.toBeInTheDocument()

    await setUpFromSecurity(u, t)
    expect(within(await section()).getAllByRole('listitem')).toHaveLength(2)
    expect(screen.getByText(`${t('browsers.skipMany', { count: '2' })} ${t('browsers.skipHere')}`)).toBeInTheDocument()
    expect(auth.devices('alice')).toHaveLength(2)
    expect(reads(auth, 'listRememberedBrowsers')).toBe(1)
  })

  test('Turn off that forgets the browsers reads the list again, hidden: a setup after it shows none, with no read and no old news', async () => {
    const { u, t, auth, section } = setup('en', { rememberedBrowsers: twoBrowsers })
    await waitFor(async () => expect(within(await section()).getAllByRole('listitem')).toHaveLength(2))
    await u.click(screen.getByRole('button', { name: t('security.turnOff') }))
    const dialog = await screen.findByRole('dialog', { name: t('security.disableConfirm.title') })
    await u.click(within(dialog).getByRole('button', { name: t('security.disableConfirm.confirm') }))
    expect(await screen.findByText(t('browsers.notice.forgot-all-with-change'))).toBeInTheDocument()
    await waitFor(() => expect(reads(auth, 'listRememberedBrowsers')).toBe(2))

    await setUpFromSecurity(u, t)
    expect(within(await section()).getByText(t('browsers.empty'))).toBeInTheDocument()
    // The news was about the turn-off: the section that appears with the new setup does not repeat it.
    expect(screen.queryByText(t('browsers.notice.forgot-all-with-change'))).not.toBeInTheDocument()
    expect(screen.queryByText(t('browsers.skipOne'))).not.toBeInTheDocument()
    expect(reads(auth, 'listRememberedBrowsers')).toBe(2)
  })

  test('a status read that changes no device keeps the list read (Make preferred)', async () => {
    const { u, t, auth, section } = setup('en', { totp: { preferred: false }, rememberedBrowsers: twoBrowsers })
    await waitFor(async () => expect(within(await section()).getAllByRole('listitem')).toHaveLength(2))
    await u.click(screen.getByRole('button', { name: t('security.makePreferred') }))
    expect(await screen.findByText(t('security.notice.preferred'))).toBeInTheDocument()
    expect(within(await section()).getAllByRole('listitem')).toHaveLength(2)
    expect(reads(auth, 'fetchMfaStatus')).toBe(2)
    expect(reads(auth, 'listRememberedBrowsers')).toBe(1)
  })

  test('a read that failed is tried again with the next status', async () => {
    const auth = createFakeAuthGateway({
      users: [{ username: 'alice', password: 'Alice-pass-2026!', totp: { preferred: false }, rememberedBrowsers: twoBrowsers }],
      signedInAs: 'alice',
    })
    auth.failNext('listRememberedBrowsers', 'NetworkError')
    const { u, t, section } = setup('en', {}, {}, auth)
    expect(await within(await section()).findByRole('alert')).toBeInTheDocument()
    await u.click(screen.getByRole('button', { name: t('security.makePreferred') }))
    expect(await screen.findByText(t('security.notice.preferred'))).toBeInTheDocument()
    await waitFor(async () => expect(within(await section()).getAllByRole('listitem')).toHaveLength(2))
    expect(reads(auth, 'listRememberedBrowsers')).toBe(2)
  })

  test('a read that failed while the authenticator was off is tried again as the section appears with a first setup', async () => {
    const auth = createFakeAuthGateway({
      users: [{ username: 'alice', password: 'Alice-pass-2026!', totp: undefined, rememberedBrowsers: twoBrowsers }],
      signedInAs: 'alice',
    })
    auth.failNext('listRememberedBrowsers', 'NetworkError')
    const { u, t, section } = setup('en', {}, {}, auth)
    expect(await screen.findByText(t('security.totp.offDescription'))).toBeInTheDocument()
    // Hidden: the failure says nothing yet, and the page's first status does not read it again.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(reads(auth, 'listRememberedBrowsers')).toBe(1)
    await setUpFromSecurity(u, t)
    await waitFor(async () => expect(within(await section()).getAllByRole('listitem')).toHaveLength(2))
    expect(screen.getByText(`${t('browsers.skipMany', { count: '2' })} ${t('browsers.skipHere')}`)).toBeInTheDocument()
    expect(reads(auth, 'listRememberedBrowsers')).toBe(2)
  })
})

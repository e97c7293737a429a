import axe from 'axe-core'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createFakeAuthGateway, type FakeAuthGateway, type FakeOptions } from '../../tests/support/fake-auth-gateway.ts'
import type { PoolConfig } from '../config/app-config.ts'
import type { Locale } from '../i18n/locale.ts'
import { renderWithProviders, textFor } from '../../tests/support/render-with-providers.tsx'
import { App, type AppProps } from './app.tsx'

const explicit = { mode: 'explicit', userPoolId: 'local_abc', userPoolClientId: 'client1', endpoint: 'http://127.0.0.1:1/' } as const

function renderApp(locale: Locale, fake: FakeOptions, props: Partial<AppProps> = {}) {
  const gateways: Array<{ pool: PoolConfig; auth: FakeAuthGateway }> = []
  const createGateway = (pool: PoolConfig) => {
    const auth = createFakeAuthGateway(fake)
    gateways.push({ pool, auth })
    return auth
  }
  // App brings its own I18nProvider and each screen its words; textFor reads every area's words.
  const { unmount } = renderWithProviders(<App config={explicit} createGateway={createGateway} initialLocale={locale} {...props} />)
  return { user: userEvent.setup(), gateways, t: textFor(locale), unmount }
}

beforeEach(() => localStorage.clear())
afterEach(() => vi.restoreAllMocks())

describe.each(['en', 'ja'] as const)('app (%s)', (locale) => {
  test('a signed-in user stays signed in across a reload and lands on account settings', async () => {
    const { t } = renderApp(locale, { users: [{ username: 'alice', password: 'x' }], signedInAs: 'alice' })
    expect(await screen.findByRole('heading', { name: t('account.title') })).toBeInTheDocument()
    expect(screen.getByText(t('account.signedInAs', { name: 'alice' }))).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: t('security.title') })).toBeInTheDocument()
  })

  test('sign in, then sign out: back at sign-in with the username kept and a notice', async () => {
    const { user, t } = renderApp(locale, { users: [{ username: 'alice', password: 'Correct-horse-1' }] })
    await user.type(await screen.findByLabelText(t('signIn.username')), 'alice')
    await user.type(screen.getByLabelText(t('signIn.password')), 'Correct-horse-1')
    await user.click(screen.getByRole('button', { name: t('signIn.submit') }))
    await user.click(await screen.findByRole('button', { name: t('account.signOut') }))
    expect(await screen.findByText(t('signIn.notice.signed-out'))).toBeInTheDocument()
    expect(screen.getByLabelText(t('signIn.username'))).toHaveValue('alice')
  })

  test('"Sign out of all devices" asks first, saying what it ends and what it does not; confirmed, it signs out globally and says so', async () => {
    const { user, gateways, t } = renderApp(locale, { users: [{ username: 'alice', password: 'x' }], signedInAs: 'alice' })
    const everywhere = await screen.findByRole('button', { name: t('account.signOutEverywhere') })
    await user.click(everywhere)
    let dialog = screen.getByRole('dialog', { name: t('account.signOutEverywhereConfirm.title') })
    expect(within(dialog).getByText(t('account.signOutEverywhereConfirm.ends'))).toBeInTheDocument()
    expect(within(dialog).getByText(t('account.signOutEverywhereConfirm.keeps'))).toBeInTheDocument()
    // It starts on the safe choice, and cancelling changes nothing.
    const cancel = within(dialog).getByRole('button', { name: t('common.cancel') })
    expect(cancel).toHaveFocus()
    await user.click(cancel)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(everywhere).toHaveFocus()
    expect(gateways[0].auth.calls.filter((c) => c.method === 'signOut')).toEqual([])

    await user.click(everywhere)
    dialog = screen.getByRole('dialog', { name: t('account.signOutEverywhereConfirm.title') })
    await user.click(within(dialog).getByRole('button', { name: t('account.signOutEverywhereConfirm.confirm') }))
    expect(await screen.findByText(t('signIn.notice.signed-out-everywhere'))).toBeInTheDocument()
    expect(gateways[0].auth.calls.filter((c) => c.method === 'signOut')).toEqual([{ method: 'signOut', args: [{ global: true }] }])
  })

  /** Alice signed in, and each of `reads` refused once with a revoked access token as the account page asks. */
  function renderRevoked(reads: Array<'fetchMfaStatus' | 'listRememberedBrowsers'>) {
    const fake = { users: [{ username: 'alice', password: 'x' }], signedInAs: 'alice' }
    const created: FakeAuthGateway[] = []
    const rendered = renderApp(locale, fake, {
      createGateway: () => {
        const auth = createFakeAuthGateway(fake)
        for (const read of reads) auth.failNext(read, 'NotAuthorizedException', 'Access Token has been revoked')
        created.push(auth)
        return auth
      },
    })
    return { ...rendered, created }
  }

  test('a revoked session on the account page sends the user to sign in with a plain notice', async () => {
    const { t, created } = renderRevoked(['fetchMfaStatus'])
    expect(await screen.findByText(t('signIn.notice.session-ended'))).toBeInTheDocument()
    expect(created[0].signedInAs()).toBeUndefined()
  })

  test('a session refused by both of the account page’s first reads is signed out once', async () => {
    const { t, created } = renderRevoked(['fetchMfaStatus', 'listRememberedBrowsers'])
    expect(await screen.findByText(t('signIn.notice.session-ended'))).toBeInTheDocument()
    expect(created[0].calls.filter((call) => call.method === 'signOut')).toHaveLength(1)
  })

  test('when the session cannot be checked (offline), the reason and a retry are shown', async () => {
    const fake = { users: [{ username: 'alice', password: 'x' }], signedInAs: 'alice' }
    let first = true
    const { user, t } = renderApp(locale, fake, {
      createGateway: () => {
        const auth = createFakeAuthGateway(fake)
        if (first) auth.failNext('getCurrentUser', 'NetworkError')
        first = false
        return auth
      },
    })
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.offline'))
    await user.click(screen.getByRole('button', { name: t('common.tryAgain') }))
    expect(await screen.findByRole('heading', { name: t('account.title') })).toBeInTheDocument()
  })

  test('a bad configuration is a clear message on screen and in the console, not a blank page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { t } = renderApp(locale, {}, { config: { mode: 'explicit', userPoolId: 'nounderscore', userPoolClientId: '' } })
    expect(await screen.findByRole('heading', { name: t('config.title') })).toBeInTheDocument()
    expect(screen.getByText(t('config.invalid', { field: 'userPoolId' }))).toBeInTheDocument()
    expect(screen.getByText(t('config.missing', { field: 'userPoolClientId' }))).toBeInTheDocument()
    expect(error).toHaveBeenCalledWith(expect.stringContaining('userPoolId invalid'))
  })

  test('the account page does not offer turning TOTP off when the configured pool requires MFA', async () => {
    const { t } = renderApp(
      locale,
      { users: [{ username: 'bob', password: 'x', totp: { preferred: true } }], signedInAs: 'bob', mfaRequired: true },
      { config: { ...explicit, mfaRequired: true } },
    )
    expect(await screen.findByText(t('security.requiredReason'))).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: t('security.turnOff') })).not.toBeInTheDocument()
  })

  test('when the configuration does not say whether the pool requires MFA, the replace dialog covers both outcomes', async () => {
    const { user, t } = renderApp(locale, { users: [{ username: 'bob', password: 'x', totp: { preferred: true } }], signedInAs: 'bob' })
    await user.click(await screen.findByRole('button', { name: t('security.replace') }, { timeout: 5_000 }))
    expect(screen.getByRole('dialog')).toHaveTextContent(t('security.replaceConfirm.unfinishedUnknown'))
    expect(screen.getByRole('dialog')).not.toHaveTextContent(t('security.replaceConfirm.unfinished'))
  })
})

describe('accessibility', () => {
  async function violations() {
    // jsdom has no layout, so contrast cannot be measured here (the browser tests do it).
    const results = await act(() => axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } }))
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }

  test.each(['en', 'ja'] as const)('the sign-in form and a refusal have no violations axe can find (%s)', async (locale) => {
    const { user, t } = renderApp(locale, { users: [{ username: 'alice', password: 'Correct-horse-1' }] })
    await screen.findByRole('heading', { name: t('signIn.title') })
    expect(await violations()).toEqual([])
    await user.type(screen.getByLabelText(t('signIn.username')), 'alice')
    await user.type(screen.getByLabelText(t('signIn.password')), 'nope')
    await user.click(screen.getByRole('button', { name: t('signIn.submit') }))
    await screen.findByRole('alert')
    expect(await violations()).toEqual([])
  })

  test.each(['en', 'ja'] as const)('the account page and the turn-off dialog have no violations axe can find (%s)', async (locale) => {
    const { user, t } = renderApp(locale, {
      users: [{ username: 'alice', password: 'x', totp: { preferred: true, deviceName: 'Pixel' } }],
      signedInAs: 'alice',
    })
    await user.click(await screen.findByRole('button', { name: t('security.turnOff') }))
    expect(await violations()).toEqual([])
  })
})

describe('local mode', () => {
  const discovery = {
    pools: [
      { name: 'Demo - MFA optional', userPoolId: 'local_opt', clientId: 'c1', mfaConfiguration: 'OPTIONAL' },
      { name: 'Demo - MFA required', userPoolId: 'local_req', clientId: 'c2', mfaConfiguration: 'ON' },
    ],
  }
  const fetchImpl = (async () => new Response(JSON.stringify(discovery))) as unknown as typeof fetch

  test.each(['en', 'ja'] as const)('offers the discovered pools, labelled by MFA, and remembers the choice (%s)', async (locale) => {
    const { user, gateways, t } = renderApp(locale, {}, { config: { mode: 'local', baseUrl: 'http://127.0.0.1:9/' }, fetchImpl })
    const picker = await screen.findByRole('group', { name: t('app.pool.label') })
    expect(within(picker).getByRole('radio', { name: t('app.pool.optional') })).toBeChecked()
    expect(gateways.at(-1)?.pool).toMatchObject({ userPoolId: 'local_opt', endpoint: 'http://127.0.0.1:9/', mfa: 'optional' })
    await user.click(within(picker).getByRole('radio', { name: t('app.pool.required') }))
    await waitFor(() => expect(gateways.at(-1)?.pool.userPoolId).toBe('local_req'))
    expect(screen.getByRole('radio', { name: t('app.pool.required') })).toBeChecked()
    expect(localStorage.getItem('cognito-totp.local-pool')).toBe('Demo - MFA required')
    expect(within(screen.getByRole('banner')).getByText(t('app.localBadge'))).toBeInTheDocument()
  })

  test('a returning page shows the form and the picker at once from the last discovery, and the discovery only confirms them', async () => {
    // A first load waits for the discovery (no pool to sign in to before it) and keeps what it found.
    const first = renderApp('en', {}, { config: { mode: 'local', baseUrl: 'http://127.0.0.1:9/' }, fetchImpl })
    await screen.findByRole('group', { name: first.t('app.pool.label') })
    first.unmount()

    // The next load: the discovery is held, yet the form and the same picker come (after the fake
    // gateway's session check, which a browser without a stored session skips).
    let answer!: (response: Response) => void
    const held = (() => new Promise<Response>((resolve) => (answer = resolve))) as unknown as typeof fetch
    const { user, gateways, t } = renderApp('en', {}, { config: { mode: 'local', baseUrl: 'http://127.0.0.1:9/' }, fetchImpl: held })
    const username = await screen.findByLabelText(t('signIn.username'))
    const picker = screen.getByRole('group', { name: t('app.pool.label') })
    expect(within(picker).getByRole('radio', { name: t('app.pool.optional') })).toBeChecked()
    expect(gateways.at(-1)?.pool).toMatchObject({ userPoolId: 'local_opt', endpoint: 'http://127.0.0.1:9/' })
    await user.type(username, 'alice')

    // The discovery goes out once the page is idle; the same pools come back: nothing moves, and what was typed stays.
    await waitFor(() => expect(answer).toBeTypeOf('function'))
    await act(async () => answer(new Response(JSON.stringify(discovery))))
    expect(screen.getByLabelText(t('signIn.username'))).toBe(username)
    expect(username).toHaveValue('alice')
  })

  test('a pool gone since the last discovery is dropped from the picker when the discovery answers', async () => {
    const first = renderApp('en', {}, { config: { mode: 'local', baseUrl: 'http://127.0.0.1:9/' }, fetchImpl })
    await screen.findByRole('group', { name: first.t('app.pool.label') })
    first.unmount()
    const onlyRequired = { pools: [discovery.pools[1]] }
    const fewer = (async () => new Response(JSON.stringify(onlyRequired))) as unknown as typeof fetch
    const { gateways, t } = renderApp('en', {}, { config: { mode: 'local', baseUrl: 'http://127.0.0.1:9/' }, fetchImpl: fewer })
    // First the kept pools, then what the discovery found.
    await screen.findByRole('group', { name: t('app.pool.label') })
    await waitFor(() => expect(screen.queryByRole('group', { name: t('app.pool.label') })).toBeNull())
    expect(gateways.at(-1)?.pool.userPoolId).toBe('local_req')
    expect(await screen.findByLabelText(t('signIn.username'))).toBeInTheDocument()
  })

  test('an unreachable local pool says how to start it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const failing = (async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    const { t } = renderApp('en', {}, { config: { mode: 'local', baseUrl: 'http://127.0.0.1:9/' }, fetchImpl: failing })
    expect(await screen.findByRole('heading', { name: t('config.localUnreachable') })).toBeInTheDocument()
    expect(screen.getByText(t('config.localUnreachableHint'))).toBeInTheDocument()
  })

  test('a running pool with no app clients (npm start -- --no-seed) says it is empty, not that it is stopped', async () => {
    const empty = (async () => new Response(JSON.stringify({ pools: [] }), { status: 200 })) as unknown as typeof fetch
    const { t } = renderApp('en', {}, { config: { mode: 'local', baseUrl: 'http://127.0.0.1:9/' }, fetchImpl: empty })
    expect(await screen.findByRole('heading', { name: t('config.localNoPools') })).toBeInTheDocument()
    expect(screen.getByText(t('config.localNoPoolsHint'))).toBeInTheDocument()
    expect(screen.queryByText(t('config.localUnreachableHint'))).toBeNull()
  })
})

describe('language', () => {
  test('switching language changes the words, <html lang>, and is remembered', async () => {
    const { user } = renderApp('en', {})
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('en')
    await user.click(screen.getByRole('button', { name: '日本語' }))
    expect(screen.getByRole('heading', { name: 'サインイン' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true')
    expect(document.documentElement.lang).toBe('ja')
    expect(localStorage.getItem('cognito-totp.locale')).toBe('ja')
  })

  test('without a remembered choice, the browser languages decide', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'ja-JP'])
    renderWithProviders(<App config={explicit} createGateway={() => createFakeAuthGateway()} />)
    expect(await screen.findByRole('heading', { name: 'サインイン' })).toBeInTheDocument()
  })

  test('a remembered choice wins over the browser', async () => {
    localStorage.setItem('cognito-totp.locale', 'en')
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ja-JP'])
    renderWithProviders(<App config={explicit} createGateway={() => createFakeAuthGateway()} />)
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
  })
})

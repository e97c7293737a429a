// The token-storage choice (ADR 010) as the app carries it: from the build's environment to the
// gateway, and to the first screen's guess whether anyone can be signed in.
import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createFakeAuthGateway } from '../../tests/support/fake-auth-gateway.ts'
import { renderWithProviders, textFor } from '../../tests/support/render-with-providers.tsx'
import type { PoolConfig, TokenStorage } from '../config/app-config.ts'
import { App } from './app.tsx'

const explicit = { mode: 'explicit', userPoolId: 'local_abc', userPoolClientId: 'client1', endpoint: 'http://127.0.0.1:1/' } as const
const lastAuthUser = 'CognitoIdentityServiceProvider.client1.LastAuthUser'

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe.each(['en', 'ja'] as const)('(%s)', (locale) => {
  const t = textFor(locale)

  test('an unknown VITE_COGNITO_TOKEN_STORAGE is a configuration problem on screen and in the console', async () => {
    vi.stubEnv('VITE_COGNITO_TOKEN_STORAGE', 'cookie')
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    renderWithProviders(<App initialLocale={locale} />)
    expect(await screen.findByRole('heading', { name: t('config.title') })).toBeInTheDocument()
    expect(screen.getByText(t('config.invalid', { field: 'VITE_COGNITO_TOKEN_STORAGE' }))).toBeInTheDocument()
    expect(error).toHaveBeenCalledWith(expect.stringContaining('VITE_COGNITO_TOKEN_STORAGE invalid'))
  })
})

// A fake that, like the lazily loaded gateway, has prefetch: the app then trusts Amplify's stored
// key to decide whether to ask the gateway at all. The fake would answer "alice" if asked.
function lazyFake(created: Array<[PoolConfig, TokenStorage | undefined]>) {
  return (pool: PoolConfig, tokenStorage?: TokenStorage) => {
    created.push([pool, tokenStorage])
    return { ...createFakeAuthGateway({ users: [{ username: 'alice', password: 'x' }], signedInAs: 'alice' }), prefetch() {} }
  }
}

describe('the choice reaches the gateway and the session check', () => {
  const t = textFor('en')

  test('session: the gateway is made for sessionStorage, and a key there means a session to confirm', async () => {
    const created: Array<[PoolConfig, TokenStorage | undefined]> = []
    sessionStorage.setItem(lastAuthUser, 'alice')
    renderWithProviders(<App config={{ ...explicit, tokenStorage: 'session' }} createGateway={lazyFake(created)} initialLocale="en" />)
    expect(await screen.findByRole('heading', { name: t('account.title') })).toBeInTheDocument()
    expect(created.map(([pool, storage]) => [pool.userPoolClientId, storage])).toEqual([['client1', 'session']])
  })

  test('session: a key left in localStorage does not count, so the form shows without asking the gateway', async () => {
    const created: Array<[PoolConfig, TokenStorage | undefined]> = []
    localStorage.setItem(lastAuthUser, 'alice')
    renderWithProviders(<App config={{ ...explicit, tokenStorage: 'session' }} createGateway={lazyFake(created)} initialLocale="en" />)
    expect(await screen.findByRole('heading', { name: t('signIn.title') })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: t('account.title') })).not.toBeInTheDocument()
  })

  test('no choice: localStorage, as before', async () => {
    const created: Array<[PoolConfig, TokenStorage | undefined]> = []
    localStorage.setItem(lastAuthUser, 'alice')
    renderWithProviders(<App config={explicit} createGateway={lazyFake(created)} initialLocale="en" />)
    expect(await screen.findByRole('heading', { name: t('account.title') })).toBeInTheDocument()
    expect(created.map(([, storage]) => storage)).toEqual([undefined])
  })
})

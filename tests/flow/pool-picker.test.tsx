// The local pool picker: each pool has its own lazily loaded gateway, and the one for the pool the
// page opens with is prefetched while the browser is idle. On a busy machine that download can end
// after the user has picked another pool and its gateway has loaded; the late gateway must not take
// Amplify's one configuration over. (It did: sign-in then went to the first pool, which answered
// UserNotFoundException, and the browser test of journey 2 failed now and then.)
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App, type GatewayFactory } from '../../src/app/app.tsx'
import { createLazyAuthGateway } from '../../src/auth/lazy-auth-gateway.ts'
import type { PoolConfig } from '../../src/config/app-config.ts'
import { setupFlowTests, textFor, ui } from './harness.tsx'

const env = setupFlowTests()

test('a gateway that finishes loading after the user picked another pool does not redirect the sign-in', async () => {
  const { username, password } = await env.createUser('required')
  const loadGatewayModule = () => import('../../src/auth/amplify-auth-gateway.ts')
  // The first pool's download is held until the test lets it end; every load is recorded by pool.
  let releaseFirstPool!: () => void
  const firstPoolDownloaded = new Promise<void>((resolve) => (releaseFirstPool = resolve))
  const loads = new Map<PoolConfig['mfa'], Promise<unknown>>()
  const createGateway: GatewayFactory = (pool, tokenStorage) =>
    createLazyAuthGateway(pool, tokenStorage, () => {
      const loading = pool.mfa === 'optional' ? firstPoolDownloaded.then(loadGatewayModule) : loadGatewayModule()
      loads.set(pool.mfa, loading)
      return loading
    })
  render(<App config={{ mode: 'local', baseUrl: `${env.emulator.url}/` }} createGateway={createGateway} initialLocale="en" />)
  const user = userEvent.setup()
  const t = textFor('en')

  // The page opens on the MFA-optional pool and starts fetching its gateway while idle.
  const picker = await screen.findByRole('group', { name: t('app.pool.label') })
  expect(within(picker).getByRole('radio', { name: t('app.pool.optional') })).toBeChecked()
  await waitFor(() => expect(loads.has('optional')).toBe(true))

  // The user picks the MFA-required pool, whose gateway loads (prefetched while the user types).
  await user.click(within(picker).getByRole('radio', { name: t('app.pool.required') }))
  await waitFor(() => expect(loads.has('required')).toBe(true))
  await loads.get('required')
  // Only now does the first pool's download end (its gateway is created when this settles).
  releaseFirstPool()
  await loads.get('optional')

  await ui({ user, t }).signIn(username, password)
  expect(await screen.findByRole('heading', { name: t('signIn.setup.title') }, { timeout: 10_000 })).toBeInTheDocument()
})

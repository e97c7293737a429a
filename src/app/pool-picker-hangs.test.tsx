// The pool picker's chunk is requested and never arrives (a stalled connection): the sign-in form
// still appears, without the picker, instead of "Loading…" for ever.
import { screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { createFakeAuthGateway } from '../../tests/support/fake-auth-gateway.ts'
import { renderWithProviders, textFor } from '../../tests/support/render-with-providers.tsx'
import { App } from './app.tsx'

vi.mock('./pool-picker.tsx', () => new Promise(() => {}))

test('a picker chunk that never arrives leaves the form without the picker, not a wait for ever', async () => {
  const discovery = {
    pools: [
      { name: 'Demo - MFA optional', userPoolId: 'local_opt', clientId: 'c1', mfaConfiguration: 'OPTIONAL' },
      { name: 'Demo - MFA required', userPoolId: 'local_req', clientId: 'c2', mfaConfiguration: 'ON' },
    ],
  }
  const fetchImpl = (async () => new Response(JSON.stringify(discovery))) as unknown as typeof fetch
  renderWithProviders(
    <App
      config={{ mode: 'local', baseUrl: 'http://127.0.0.1:9/' }}
      createGateway={() => createFakeAuthGateway({})}
      initialLocale="en"
      fetchImpl={fetchImpl}
    />,
  )
  const t = textFor('en')
  expect(await screen.findByLabelText(t('signIn.username'), undefined, { timeout: 5000 })).toBeInTheDocument()
  expect(screen.queryByRole('group', { name: t('app.pool.label') })).not.toBeInTheDocument()
})

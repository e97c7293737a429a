// Rough edge 16: with the local pool (a custom userPoolEndpoint) Amplify warned "You are using a custom
// Amazon Cognito User Pool endpoint" on every load. The app asks for that endpoint on purpose, so the
// warning is left out; every other warning still reaches the console.
import { ConsoleLogger } from 'aws-amplify/utils'
import { vi } from 'vitest'
import { renderApp, setupFlowTests, ui } from './harness.tsx'

const env = setupFlowTests()

test('signing in against the local pool logs no custom-endpoint warning, and other Amplify warnings still show', async () => {
  const warn = vi.spyOn(console, 'warn')
  try {
    const { username, password } = await env.createUser('optional')
    const app = renderApp(env, 'optional')
    const steps = ui(app)
    await steps.signIn(username, password)
    await steps.expectSignedIn(username)
    const warnings = warn.mock.calls.map((args) => args.map(String).join(' '))
    expect(warnings.filter((w) => /custom .*endpoint/i.test(w))).toEqual([])

    // Not silenced wholesale: Amplify's logger still warns afterwards.
    new ConsoleLogger('Check').warn('still heard')
    expect(warn.mock.calls.some((args) => args.map(String).join(' ').includes('still heard'))).toBe(true)
  } finally {
    warn.mockRestore()
  }
})

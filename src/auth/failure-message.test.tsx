import { render, screen } from '@testing-library/react'
import { Component, type ReactNode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { textFor } from '../../tests/support/catalog.ts'
import { I18nProvider, withMessages } from '../i18n/i18n-provider.tsx'
import { FailureMessage } from './failure-message.tsx'
import { messages as failureMessages } from './failure-messages.ts'
import { messages as laterFailures } from './later-failure-messages.ts'

class Caught extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  render() {
    return this.state.error ? <p>caught: {this.state.error.message}</p> : this.props.children
  }
}

afterEach(() => vi.restoreAllMocks())

test.each(['en', 'ja'] as const)('a failure reads as its sentence, announced at once (%s)', (locale) => {
  const Screen = withMessages([laterFailures], () => <FailureMessage failure="wrong-code" />)
  render(
    <I18nProvider initialLocale={locale} messages={[failureMessages]}>
      <Screen />
    </I18nProvider>,
  )
  expect(screen.getByRole('alert')).toHaveTextContent(textFor(locale)('failure.wrong-code'))
})

test('a screen that shows a later failure without bringing its words fails in tests', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  render(
    <I18nProvider initialLocale="en" messages={[failureMessages]}>
      <Caught>
        <FailureMessage failure="wrong-code" />
      </Caught>
    </I18nProvider>,
  )
  expect(screen.getByText(/caught: No words for "failure\.wrong-code"/)).toBeInTheDocument()
})

test('in a production build the same gap still reads as a sentence: the generic failure', async () => {
  vi.stubEnv('DEV', false)
  vi.stubEnv('MODE', 'production')
  vi.resetModules()
  try {
    const i18n = await import('../i18n/i18n-provider.tsx')
    const { FailureMessage: ProductionFailureMessage } = await import('./failure-message.tsx')
    render(
      <i18n.I18nProvider initialLocale="en" messages={[failureMessages]}>
        <ProductionFailureMessage failure="wrong-code" />
      </i18n.I18nProvider>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent(textFor('en')('failure.unexpected'))
  } finally {
    vi.unstubAllEnvs()
    vi.resetModules()
  }
})

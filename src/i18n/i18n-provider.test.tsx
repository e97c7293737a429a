import { render, screen } from '@testing-library/react'
import { Component, type ReactNode } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { MessageKey, Messages } from './areas.ts'
import { I18nProvider, useT, withMessages } from './i18n-provider.tsx'

// Two areas of a made-up app. The keys are real ones (MessageKey is the app's); the words are the
// test's, so what is on screen can only have come from the area the test brought.
const settings: Messages = { en: { 'account.title': 'Settings here' }, ja: { 'account.title': '設定です' } }
const setup: Messages = { en: { 'totp.title': 'Setup here' }, ja: { 'totp.title': 'セットアップです' } }

function Says({ word }: { word: MessageKey }) {
  return <p>{useT()(word)}</p>
}

/** Catches a render error the way the app's LoadBoundary does, so the test can read it. */
class Caught extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children
  }
}

function renderQuietly(ui: ReactNode, locale: 'en' | 'ja' = 'en') {
  // React reports an error caught by a boundary on console.error.
  vi.spyOn(console, 'error').mockImplementation(() => {})
  return render(
    <I18nProvider initialLocale={locale}>
      <Caught>{ui}</Caught>
    </I18nProvider>,
  )
}

afterEach(() => vi.restoreAllMocks())

describe('a screen brings its words with withMessages', () => {
  test.each([
    ['en', 'Settings here'],
    ['ja', '設定です'],
  ] as const)('the words it brought are there for it and what it renders (%s)', (locale, text) => {
    const SettingsScreen = withMessages([settings], () => (
      <section>
        <Says word="account.title" />
      </section>
    ))
    renderQuietly(<SettingsScreen />, locale)
    expect(screen.getByText(text)).toBeInTheDocument()
  })

  test('a screen that forgets its words throws in tests, instead of showing the raw key', () => {
    const Forgetful = withMessages([setup], () => <Says word="account.title" />)
    renderQuietly(<Forgetful />)
    expect(screen.getByRole('alert')).toHaveTextContent(/No words for "account\.title" here/)
    expect(screen.queryByText('account.title')).not.toBeInTheDocument()
  })

  test('another screen having brought the words does not cover for one that forgot them', () => {
    const SettingsScreen = withMessages([settings], () => <Says word="account.title" />)
    const Forgetful = withMessages([setup], () => <Says word="account.title" />)
    renderQuietly(
      <>
        <SettingsScreen />
        <Caught>
          <Forgetful />
        </Caught>
      </>,
    )
    expect(screen.getByText('Settings here')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(/No words for "account\.title" here/)
  })

  test('a screen inside another has both areas; has() tells what is in scope', () => {
    let seen: boolean[] = []
    function Probe() {
      const t = useT()
      seen = [t.has('account.title'), t.has('totp.title'), t.has('config.title')]
      return <p>{`${t('account.title')} / ${t('totp.title')} / ${t('lang.label')}`}</p>
    }
    const Inner = withMessages([setup], Probe)
    const Outer = withMessages([settings], () => <Inner />)
    renderQuietly(<Outer />)
    // lang.label: the common words are always there (the provider's own).
    expect(screen.getByText('Settings here / Setup here / Language')).toBeInTheDocument()
    expect(seen).toEqual([true, true, false])
  })
})

describe('in a production build', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  test('a missing key shows the English words, else the key, as before', async () => {
    vi.stubEnv('DEV', false)
    vi.stubEnv('MODE', 'production')
    vi.resetModules()
    const i18n = await import('./i18n-provider.tsx')
    expect(i18n.missingWordsThrow).toBe(false)
    const englishOnly: Messages = { en: { 'account.title': 'Only in English' }, ja: {} }
    function Both() {
      const t = i18n.useT()
      return <p>{`${t('account.title')} | ${t('totp.title')}`}</p>
    }
    const Screen = i18n.withMessages([englishOnly], Both)
    render(
      <i18n.I18nProvider initialLocale="ja">
        <Screen />
      </i18n.I18nProvider>,
    )
    expect(screen.getByText('Only in English | totp.title')).toBeInTheDocument()
  })
})

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react'
import type { MessageKey, Messages } from './areas.ts'
import { messages as common } from './common-messages.ts'
import { format, isLocale, pickLocale, type Locale } from './locale.ts'

export type Translate = {
  (key: MessageKey, vars?: Record<string, string | number>): string
  /** Whether the words in scope include `key` (its area was brought). */
  has(key: MessageKey): boolean
}

/**
 * A key whose area the screen did not bring is a bug: in development and tests it throws, so the
 * component test of a screen that forgets its words fails. A production build shows the English
 * text, else the key, as before.
 */
export const missingWordsThrow = import.meta.env.DEV || import.meta.env.MODE === 'test'

type Words = Record<Locale, Record<string, string>>

function withAreas(words: Words, areas: readonly Messages[]): Words {
  if (areas.length === 0) return words
  return {
    en: Object.assign({}, words.en, ...areas.map((area) => area.en)),
    ja: Object.assign({}, words.ja, ...areas.map((area) => area.ja)),
  }
}

type LocaleValue = { locale: Locale; setLocale(locale: Locale): void }

const LocaleContext = createContext<LocaleValue | null>(null)
// The words the subtree may use: the provider's, plus those each enclosing withMessages brought.
const WordsContext = createContext<Words | null>(null)

export const localeStorageKey = 'cognito-totp.locale'

function readStoredLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(localeStorageKey)
    return isLocale(stored) ? stored : undefined
  } catch {
    return undefined // storage can be blocked (privacy mode); the browser language still works
  }
}

function initialLocaleFromBrowser(): Locale {
  return readStoredLocale() ?? pickLocale(typeof navigator === 'undefined' ? [] : (navigator.languages ?? []))
}

const noAreas: readonly Messages[] = []

/**
 * The chosen language, and the words every screen has: the common area plus `messages` (the
 * app's page-wide areas; pass a module-level constant, a new array means new words).
 */
export function I18nProvider({
  initialLocale,
  messages = noAreas,
  children,
}: {
  initialLocale?: Locale
  messages?: readonly Messages[]
  children: ReactNode
}) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? initialLocaleFromBrowser())

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next)
    try {
      localStorage.setItem(localeStorageKey, next)
    } catch {
      // not remembered, but switched
    }
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  const localeValue = useMemo<LocaleValue>(() => ({ locale, setLocale }), [locale, setLocale])
  const words = useMemo(() => withAreas(common, messages), [messages])

  return (
    <LocaleContext value={localeValue}>
      <WordsContext value={words}>{children}</WordsContext>
    </LocaleContext>
  )
}

/**
 * How a screen brings its words: `export default withMessages([later, messages], AccountPage)`.
 * The areas are in scope for the component and everything it renders, and only there, so a
 * screen that forgets an area fails its own test (missing keys throw) even when another screen
 * rendered earlier brought it. Lazily loaded screens wrap what their chunk exports, so their
 * words load with them and not with the first screen.
 */
export function withMessages<Props extends object>(areas: readonly Messages[], Component: ComponentType<Props>): ComponentType<Props> {
  function WithMessages(props: Props) {
    const parent = useContext(WordsContext)
    if (!parent) throw new Error('withMessages must be used inside <I18nProvider>')
    const words = useMemo(() => withAreas(parent, areas), [parent])
    return (
      <WordsContext value={words}>
        <Component {...props} />
      </WordsContext>
    )
  }
  // For React DevTools; a production build leaves it out (first-screen size).
  if (import.meta.env.DEV) WithMessages.displayName = `withMessages(${Component.displayName ?? Component.name})`
  return WithMessages
}

function useLocaleValue(): LocaleValue {
  const value = useContext(LocaleContext)
  if (!value) throw new Error('useT/useLocale must be used inside <I18nProvider>')
  return value
}

export function useT(): Translate {
  const { locale } = useLocaleValue()
  const words = useContext(WordsContext)!
  return useMemo(() => {
    const t = (key: MessageKey, vars?: Record<string, string | number>) => {
      const template = words[locale][key] ?? words.en[key]
      if (template !== undefined) return format(template, vars)
      if (missingWordsThrow) {
        throw new Error(`No words for "${key}" here: the screen must bring its area with withMessages (src/i18n/i18n-provider.tsx)`)
      }
      return key
    }
    return Object.assign(t, { has: (key: MessageKey) => Object.hasOwn(words.en, key) })
  }, [locale, words])
}

export function useLocale(): LocaleValue {
  return useLocaleValue()
}

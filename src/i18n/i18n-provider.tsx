import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { messages as common } from './common-messages.ts'
import { messages as signInForm } from '../features/sign-in/form-messages.ts'
import type { MessageKey } from './catalog.ts'
import { format, isLocale, pickLocale, type Locale } from './locale.ts'
import { lookup, registerMessages } from './registry.ts'

// The first screen's words. Later areas register themselves when their chunks load.
registerMessages(common, signInForm)

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

type I18nValue = { locale: Locale; setLocale(locale: Locale): void; t: Translate }

const I18nContext = createContext<I18nValue | null>(null)

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
  return readStoredLocale() ?? pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages ?? [])
}

export function I18nProvider({ initialLocale, children }: { initialLocale?: Locale; children: ReactNode }) {
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

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => format(lookup(locale, key) ?? key, vars) }),
    [locale, setLocale],
  )

  return <I18nContext value={value}>{children}</I18nContext>
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useT/useLocale must be used inside <I18nProvider>')
  return value
}

export function useT(): Translate {
  return useI18n().t
}

export function useLocale(): { locale: Locale; setLocale(locale: Locale): void } {
  const { locale, setLocale } = useI18n()
  return { locale, setLocale }
}

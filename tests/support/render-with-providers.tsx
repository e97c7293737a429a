// Test helper: renders a screen inside the app's providers in a chosen language.
import { render, type RenderOptions } from '@testing-library/react'
import type { ReactElement } from 'react'
import { catalog, format, type Locale, type MessageKey } from '../../src/i18n/catalog.ts'
import { I18nProvider } from '../../src/i18n/i18n-provider.tsx'

export function renderWithProviders(ui: ReactElement, { locale = 'en', ...options }: { locale?: Locale } & RenderOptions = {}) {
  return render(<I18nProvider initialLocale={locale}>{ui}</I18nProvider>, options)
}

/** The catalog text a screen should show, for assertions in either language. */
export function textFor(locale: Locale) {
  return (key: MessageKey, vars?: Record<string, string | number>) => format(catalog[locale][key], vars)
}

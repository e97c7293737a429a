// Test helper: renders a screen inside the app's providers in a chosen language.
import { render, type RenderOptions } from '@testing-library/react'
import type { ReactElement } from 'react'
import { messages as failureMessages } from '../../src/auth/failure-messages.ts'
import { I18nProvider } from '../../src/i18n/i18n-provider.tsx'
import type { Locale } from '../../src/i18n/locale.ts'

export { textFor } from './catalog.ts'

// What <App> gives every page besides the common words (its pageMessages). A screen's own words
// are not given: the screen brings them (withMessages), or its test fails on the missing key.
const pageMessages = [failureMessages]

export function renderWithProviders(ui: ReactElement, { locale = 'en', ...options }: { locale?: Locale } & RenderOptions = {}) {
  return render(
    <I18nProvider initialLocale={locale} messages={pageMessages}>
      {ui}
    </I18nProvider>,
    options,
  )
}

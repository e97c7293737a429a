// The messages the running app has loaded so far. The first screen's areas (common, sign-in)
// are registered by the provider; areas that only appear after sign-in (account security, the
// authenticator setup) are registered by their lazily loaded chunks, so their words do not
// weigh on the first screen. catalog.ts, which tests import, registers every area.
import type { Locale, MessageKey } from './catalog.ts'

type AreaMessages = { en: Record<string, string>; ja: Record<string, string> }

const loaded: Record<Locale, Partial<Record<MessageKey, string>>> = { en: {}, ja: {} }

export function registerMessages(...areas: AreaMessages[]): void {
  for (const area of areas) {
    Object.assign(loaded.en, area.en)
    Object.assign(loaded.ja, area.ja)
  }
}

export function lookup(locale: Locale, key: MessageKey): string | undefined {
  return loaded[locale][key] ?? loaded.en[key]
}

export function isLoaded(key: MessageKey): boolean {
  return key in loaded.en
}

// What the user reads, from the app's own catalogs: the tests query by these visible texts.
import type { MessageKey } from '../../../src/i18n/areas.ts'
import { format } from '../../../src/i18n/locale.ts'
import { catalog } from '../../support/catalog.ts'

export type Lang = 'en' | 'ja'

export function text(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  return format(catalog[lang][key], vars)
}

/** A RegExp for a message whose placeholders may hold anything. */
export function textPattern(lang: Lang, key: MessageKey): RegExp {
  const parts = catalog[lang][key].split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(parts.join('.+'))
}

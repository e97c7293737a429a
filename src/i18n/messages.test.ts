import { describe, expect, test } from 'vitest'
import { areas, catalog } from '../../tests/support/catalog.ts'
import type { MessageKey } from './areas.ts'
import { format, pickLocale } from './locale.ts'

const keys = Object.keys(catalog.en) as MessageKey[]
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message catalog', () => {
  test('every area has the same keys in English and Japanese', () => {
    for (const [area, messages] of Object.entries(areas)) {
      expect(Object.keys(messages.ja).sort(), area).toEqual(Object.keys(messages.en).sort())
    }
  })

  test('no key is defined by two areas (a later area would silently win)', () => {
    const seen = new Map<string, string>()
    for (const [area, messages] of Object.entries(areas)) {
      for (const key of Object.keys(messages.en)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined()
        seen.set(key, area)
      }
    }
  })

  test.each(keys)('%s: same placeholders, no stray spaces, nothing empty', (key) => {
    const { en, ja } = { en: catalog.en[key], ja: catalog.ja[key] }
    expect(en.length).toBeGreaterThan(0)
    expect(ja.length).toBeGreaterThan(0)
    expect(placeholders(ja)).toEqual(placeholders(en))
    for (const text of [en, ja]) {
      expect(text).toBe(text.trim())
      expect(text).not.toMatch(/ {2}/)
    }
  })

  test.each(keys)('%s: Japanese is polite, punctuated and uses half-width digits', (key) => {
    const { en, ja } = { en: catalog.en[key], ja: catalog.ja[key] }
    expect(ja).not.toMatch(/[０-９]/)
    expect(ja).not.toMatch(/\.$/)
    // A sentence in English is a sentence in Japanese: it ends with 。 (or ？ for a question).
    if (/[.!?]$/.test(en)) expect(ja).toMatch(/[。？]$/)
    // Every Japanese sentence ends in the polite form (です・ます).
    for (const sentence of ja.split(/(?<=[。？])/).filter((s) => /[。？]$/.test(s))) {
      expect(sentence, key).toMatch(/(です|ます|ません|ください|でした|ました|ませんか|ますか|ですか)[。？]$/)
    }
  })
})

describe('format', () => {
  test('fills named placeholders and leaves unknown ones visible', () => {
    expect(format('{n} of {total}', { n: 1, total: 3 })).toBe('1 of 3')
    expect(format('Hello {name}', {})).toBe('Hello {name}')
  })
})

describe('pickLocale', () => {
  test('takes the first browser language we support', () => {
    expect(pickLocale(['fr-FR', 'ja-JP', 'en-US'])).toBe('ja')
    expect(pickLocale(['en-GB', 'ja'])).toBe('en')
    expect(pickLocale(['de'])).toBe('en')
    expect(pickLocale([])).toBe('en')
  })
})

import { messages as common } from './common-messages.ts'
import { messages as signIn } from '../features/sign-in/messages.ts'
import { messages as accountSecurity } from '../features/account-security/messages.ts'
import { messages as totpEnrollment } from '../features/totp-enrollment/messages.ts'

export const locales = ['en', 'ja'] as const
export type Locale = (typeof locales)[number]

/** Each area's catalog, kept apart so the tests can check that no key is defined twice. */
export const areas = { common, signIn, accountSecurity, totpEnrollment }

const en = { ...common.en, ...signIn.en, ...accountSecurity.en, ...totpEnrollment.en }
export type MessageKey = keyof typeof en

const ja = {
  ...common.ja,
  ...signIn.ja,
  ...accountSecurity.ja,
  ...totpEnrollment.ja,
} satisfies Record<MessageKey, string>

export const catalog: Record<Locale, Record<MessageKey, string>> = { en, ja }

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ja'
}

/** Replaces `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  )
}

/** The first browser language we have, else English. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split('-')[0]
    if (isLocale(primary)) return primary
  }
  return 'en'
}

import { messages as common } from './common-messages.ts'
import { messages as later } from './later-messages.ts'
import { messages as signIn } from '../features/sign-in/messages.ts'
import { messages as accountSecurity } from '../features/account-security/messages.ts'
import { messages as totpEnrollment } from '../enrollment/messages.ts'
import { messages as config } from '../config/messages.ts'
import { registerMessages } from './registry.ts'

export { format, isLocale, locales, pickLocale, type Locale } from './locale.ts'
import type { Locale } from './locale.ts'

/** Each area's catalog, kept apart so the tests can check that no key is defined twice. */
export const areas = { common, later, config, signIn, accountSecurity, totpEnrollment }

const en = { ...common.en, ...later.en, ...config.en, ...signIn.en, ...accountSecurity.en, ...totpEnrollment.en }
export type MessageKey = keyof typeof en

const ja = {
  ...common.ja,
  ...later.ja,
  ...config.ja,
  ...signIn.ja,
  ...accountSecurity.ja,
  ...totpEnrollment.ja,
} satisfies Record<MessageKey, string>

export const catalog: Record<Locale, Record<MessageKey, string>> = { en, ja }

// Whoever imports the whole catalog (tests, tools) can render any screen at once. The app
// itself does not import this module at run time; see registry.ts.
registerMessages(common, later, config, signIn, accountSecurity, totpEnrollment)

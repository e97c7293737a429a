// Every area's words at once, for tests and tools: the key-parity and style checks
// (src/i18n/messages.test.ts) and the texts tests look for on screen. The app never has them all
// at once: each screen brings its own (withMessages in src/i18n/i18n-provider.tsx), and importing
// this module registers nothing, so a screen that forgets its words still fails its test.
import { messages as failures } from '../../src/auth/failure-messages.ts'
import { messages as laterFailures } from '../../src/auth/later-failure-messages.ts'
import { messages as config } from '../../src/config/messages.ts'
import { messages as accountSecurity } from '../../src/features/account-security/messages.ts'
import { messages as reauthentication } from '../../src/features/account-security/reauthentication-messages.ts'
import { messages as rememberedBrowsers } from '../../src/features/account-security/remembered-browsers-messages.ts'
import { messages as signInForm } from '../../src/features/sign-in/form-messages.ts'
import { messages as signInSteps } from '../../src/features/sign-in/step-messages.ts'
import { messages as signUp } from '../../src/features/sign-up/messages.ts'
import { messages as passwordReset } from '../../src/features/password-reset/messages.ts'
import { messages as totpEnrollment } from '../../src/enrollment/messages.ts'
import { messages as poolPicker } from '../../src/app/pool-picker-messages.ts'
import type { MessageAreas, MessageKey } from '../../src/i18n/areas.ts'
import { messages as common } from '../../src/i18n/common-messages.ts'
import { messages as later } from '../../src/i18n/later-messages.ts'
import { format, type Locale } from '../../src/i18n/locale.ts'

/**
 * Each area's catalog, kept apart so the tests can check that no key is defined twice. Typed by
 * the areas the app declares (MessageAreas): an area missing here is a type error.
 */
export const areas: { [Area in keyof MessageAreas]: Record<Locale, Record<keyof MessageAreas[Area], string>> } = {
  common,
  later,
  failures,
  laterFailures,
  config,
  signInForm,
  signInSteps,
  signUp,
  passwordReset,
  accountSecurity,
  reauthentication,
  rememberedBrowsers,
  totpEnrollment,
  poolPicker,
}

export const catalog = {
  en: Object.assign({}, ...Object.values(areas).map((area) => area.en)),
  ja: Object.assign({}, ...Object.values(areas).map((area) => area.ja)),
} as Record<Locale, Record<MessageKey, string>>

/** The text a screen should show for `key`, for assertions in either language. */
export function textFor(locale: Locale) {
  return (key: MessageKey, vars?: Record<string, string | number>) => {
    const template = catalog[locale][key]
    if (template === undefined) throw new Error(`no text for ${key}`)
    return format(template, vars)
  }
}

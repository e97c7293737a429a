// The sign-in area's words: the form's (first screen) and the later steps' (loaded lazily).
import { messages as form } from './form-messages.ts'
import { messages as steps } from './step-messages.ts'

export const messages = {
  en: { ...form.en, ...steps.en },
  ja: { ...form.ja, ...steps.ja } satisfies Record<keyof typeof form.en | keyof typeof steps.en, string>,
}

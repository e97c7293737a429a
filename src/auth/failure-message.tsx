import { missingWordsThrow, useT } from '../i18n/i18n-provider.tsx'
import { ErrorMessage } from '../ui/messages.tsx'
import type { AuthFailure } from './auth-failure.ts'

/**
 * A failure in words, announced at once (role=alert). Raw Cognito text never gets here. The words
 * are failure-messages.ts (the whole page has them) and later-failure-messages.ts (brought by the
 * lazily loaded screens that can meet those failures).
 */
export function FailureMessage({ failure, id }: { failure: AuthFailure | undefined; id?: string }) {
  const t = useT()
  if (!failure) return null
  const key = `failure.${failure}` as const
  // A production build still reads as a sentence when a screen did not bring a failure's words;
  // in development and tests t throws for it, so the screen's test shows what is missing.
  return <ErrorMessage id={id}>{t(t.has(key) || missingWordsThrow ? key : 'failure.unexpected')}</ErrorMessage>
}

import { Alert } from '@aws-amplify/ui-react'
import type { ReactNode } from 'react'
import type { AuthFailure } from '../auth/auth-failure.ts'
import { useT } from '../i18n/i18n-provider.tsx'

/** A failure in words, announced at once (role=alert). Raw Cognito text never gets here. */
export function FailureMessage({ failure, id }: { failure: AuthFailure | undefined; id?: string }) {
  const t = useT()
  if (!failure) return null
  return (
    <Alert variation="error" id={id} className="message">
      {t(`failure.${failure}`)}
    </Alert>
  )
}

/** Good news or a neutral change, announced politely (role=status). */
export function StatusMessage({
  children,
  variation = 'success',
  id,
}: {
  children: ReactNode
  variation?: 'success' | 'info' | 'warning'
  id?: string
}) {
  return (
    <Alert variation={variation} role="status" id={id} className="message">
      {children}
    </Alert>
  )
}

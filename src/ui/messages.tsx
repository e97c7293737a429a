import { Alert } from '@aws-amplify/ui-react'
import type { ReactNode } from 'react'
import type { AuthFailure } from '../auth/auth-failure.ts'
import { useT } from '../i18n/i18n-provider.tsx'
import { isLoaded } from '../i18n/registry.ts'

/** A failure in words, announced at once (role=alert). Raw Cognito text never gets here. */
export function FailureMessage({ failure, id }: { failure: AuthFailure | undefined; id?: string }) {
  const t = useT()
  if (!failure) return null
  return (
    <Alert variation="error" id={id} className="message">
      {/* A failure whose words have not loaded yet (they arrive with later screens) still reads as a sentence. */}
      {t(isLoaded(`failure.${failure}`) ? `failure.${failure}` : 'failure.unexpected')}
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

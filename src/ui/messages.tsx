import { Alert } from '@aws-amplify/ui-react'
import type { ReactNode } from 'react'

/** Something went wrong, in words, announced at once (role=alert). Failures: auth/failure-message.tsx. */
export function ErrorMessage({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <Alert variation="error" id={id} className="message">
      {children}
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

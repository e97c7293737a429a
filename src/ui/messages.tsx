import type { ReactNode } from 'react'
import { Icon } from './primitives.tsx'

type Variation = 'error' | 'success' | 'info' | 'warning'

// Amplify UI's alert icons (material "error", "check_circle", "info", "warning").
const icons: Record<Variation, string> = {
  error: 'M12 2C6.48 2 2 6.48 2 12C2 17.52 6.48 22 12 22C17.52 22 22 17.52 22 12C22 6.48 17.52 2 12 2ZM13 17H11V15H13V17ZM13 13H11V7H13V13Z',
  success:
    'M12 2C6.48 2 2 6.48 2 12C2 17.52 6.48 22 12 22C17.52 22 22 17.52 22 12C22 6.48 17.52 2 12 2ZM12 20C7.59 20 4 16.41 4 12C4 7.59 7.59 4 12 4C16.41 4 20 7.59 20 12C20 16.41 16.41 20 12 20ZM16.59 7.58L10 14.17L7.41 11.59L6 13L10 17L18 9L16.59 7.58Z',
  info: 'M11 7H13V9H11V7ZM11 11H13V17H11V11ZM12 2C6.48 2 2 6.48 2 12C2 17.52 6.48 22 12 22C17.52 22 22 17.52 22 12C22 6.48 17.52 2 12 2ZM12 20C7.59 20 4 16.41 4 12C4 7.59 7.59 4 12 4C16.41 4 20 7.59 20 12C20 16.41 16.41 20 12 20Z',
  warning: 'M1 21H23L12 2L1 21ZM13 18H11V16H13V18ZM13 14H11V10H13V14Z',
}

/**
 * Amplify UI's `<Alert>` markup without its run time (primitives.tsx): an icon, then the words.
 * Not dismissible (no screen dismisses one).
 */
function Alert({ variation, role, id, children }: { variation: Variation; role: 'alert' | 'status'; id?: string; children: ReactNode }) {
  return (
    <div className={`amplify-flex amplify-alert message amplify-alert--${variation}`} role={role} id={id}>
      <span className="amplify-alert__icon">
        <Icon path={icons[variation]} />
      </span>
      <div style={{ flex: 1 }}>
        <div className="amplify-alert__body">{children}</div>
      </div>
    </div>
  )
}

/** Something went wrong, in words, announced at once (role=alert). Failures: auth/failure-message.tsx. */
export function ErrorMessage({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <Alert variation="error" role="alert" id={id}>
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
    <Alert variation={variation} role="status" id={id}>
      {children}
    </Alert>
  )
}

import { Button, Flex, Heading } from '@aws-amplify/ui-react'
import { useId, type ReactNode } from 'react'
import { useModalDialog } from './modal-dialog.ts'

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, Escape cancels, and the
 * page behind is inert. Where showModal is missing (jsdom), it opens as a plain dialog.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  pendingLabel,
  pending = false,
  destructive = false,
  onConfirm,
  onCancel,
}: {
  title: string
  children: ReactNode
  confirmLabel: string
  cancelLabel: string
  pendingLabel?: string
  pending?: boolean
  destructive?: boolean
  onConfirm(): void
  onCancel(): void
}) {
  const titleId = useId()
  const bodyId = useId()
  // Start on the safe choice.
  const modal = useModalDialog({
    busy: pending,
    onCancel,
    focusFirst: (dialog) => dialog.querySelector<HTMLButtonElement>('[data-autofocus]')?.focus(),
  })
  return (
    <dialog {...modal} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      <Flex direction="column" gap="medium">
        <Heading level={2} id={titleId}>
          {title}
        </Heading>
        <div id={bodyId} className="stack">
          {children}
        </div>
        <Flex gap="small" justifyContent="flex-end" wrap="wrap">
          <Button onClick={onCancel} isDisabled={pending} data-autofocus>
            {cancelLabel}
          </Button>
          <Button variation={destructive ? 'destructive' : 'primary'} onClick={onConfirm} isLoading={pending} loadingText={pendingLabel}>
            {confirmLabel}
          </Button>
        </Flex>
      </Flex>
    </dialog>
  )
}

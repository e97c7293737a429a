import { Button, Flex, Heading } from '@aws-amplify/ui-react'
import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * The browser closed the dialog while React still shows it. Chromium does that on a second Escape
 * even when 'cancel' was prevented (without a user activation in between, preventDefault is
 * ignored). While the change is under way it opens again; otherwise it was a cancel. A 'close'
 * that arrives once the dialog is open again (React's StrictMode remount), or after it left the
 * page (closed on unmount), is stale and ignored.
 */
export function keepOpen(dialog: HTMLDialogElement | null, busy: boolean, onCancel: () => void): void {
  if (!dialog || dialog.open || !dialog.isConnected) return
  if (!busy) onCancel()
  else if (typeof dialog.showModal === 'function') dialog.showModal()
  else dialog.setAttribute('open', '')
}

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
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal()
    } else {
      dialog.setAttribute('open', '')
    }
    // Start on the safe choice.
    dialog.querySelector<HTMLButtonElement>('[data-autofocus]')?.focus()
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close()
      // Give focus back to what opened the dialog, if it is still on the page.
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault()
        if (!pending) onCancel()
      }}
      onClose={() => keepOpen(ref.current, pending, onCancel)}
    >
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

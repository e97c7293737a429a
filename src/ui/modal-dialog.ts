import { useEffect, useRef, type RefObject, type SyntheticEvent } from 'react'

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

export type ModalDialogProps = {
  ref: RefObject<HTMLDialogElement | null>
  onCancel(event: SyntheticEvent<HTMLDialogElement>): void
  onClose(): void
}

/**
 * A modal on the native <dialog>, shared by every dialog of the app: opened with showModal when it
 * mounts (the browser traps focus and makes the page behind inert; where showModal is missing, as
 * in jsdom, it opens as a plain dialog), `focusFirst` picks where focus starts, Escape cancels
 * unless `busy`, and on unmount it closes and gives focus back to what opened it, if that is still
 * on the page. Spread the result on the <dialog>.
 */
export function useModalDialog({
  busy,
  onCancel,
  focusFirst,
}: {
  busy: boolean
  onCancel(): void
  focusFirst(dialog: HTMLDialogElement): void
}): ModalDialogProps {
  const ref = useRef<HTMLDialogElement>(null)
  // Read when the dialog mounts only: the first focus is decided once.
  const focusFirstRef = useRef(focusFirst)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal()
    } else {
      dialog.setAttribute('open', '')
    }
    focusFirstRef.current(dialog)
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return {
    ref,
    onCancel(event) {
      event.preventDefault()
      if (!busy) onCancel()
    },
    onClose: () => keepOpen(ref.current, busy, onCancel),
  }
}

import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { ConfirmDialog } from './confirm-dialog.tsx'

function renderDialog(pending: boolean) {
  const onCancel = vi.fn()
  render(
    <ConfirmDialog title="Turn off?" confirmLabel="Turn off" cancelLabel="Keep" pending={pending} onConfirm={() => {}} onCancel={onCancel}>
      <p>Body</p>
    </ConfirmDialog>,
  )
  const dialog = screen.getByRole('dialog', { name: 'Turn off?' })
  // What Chromium does on a second Escape while preventDefault on 'cancel' is ignored.
  dialog.removeAttribute('open')
  fireEvent(dialog, new Event('close'))
  return { dialog, onCancel }
}

describe('ConfirmDialog closed by the browser', () => {
  test('while the change is under way it opens again', () => {
    const { dialog, onCancel } = renderDialog(true)
    expect(dialog).toHaveAttribute('open')
    expect(onCancel).not.toHaveBeenCalled()
  })

  test('otherwise it is a cancel, so React does not think it is still open', () => {
    const { onCancel } = renderDialog(false)
    expect(onCancel).toHaveBeenCalledOnce()
  })
})

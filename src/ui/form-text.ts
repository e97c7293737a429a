import type { FormEvent } from 'react'

/** A text field's value from a submitted form ('' when absent; a file input is not text). */
export function formText(event: FormEvent<HTMLFormElement>, name: string): string {
  const value = new FormData(event.currentTarget).get(name)
  return typeof value === 'string' ? value : ''
}

import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react'
import { TextField } from '@aws-amplify/ui-react'

export const codeLength = 6

/**
 * Turns whatever was typed, pasted or autofilled into at most six ASCII digits: spaces, dashes
 * and other separators are dropped, full-width digits (a Japanese IME's default) become ASCII.
 */
export function normaliseCode(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\D/g, '')
    .slice(0, codeLength)
}

export type OneTimeCodeFieldProps = {
  label: string
  /** Called once per entered code, when it reaches six digits (or on Enter with six digits). */
  onComplete(code: string): void
  /** Enter with fewer than six digits: the owner says "Enter all 6 digits of the code". */
  onIncomplete?(): void
  disabled?: boolean
  invalid?: boolean
  /** Id(s) of the element(s) describing the field, e.g. an error message. */
  describedBy?: string
  autoFocus?: boolean
  /** Change this number to clear the field (e.g. after a wrong code) and focus it again. */
  resetSignal?: number
  name?: string
}

export function OneTimeCodeField({
  label,
  onComplete,
  onIncomplete,
  disabled = false,
  invalid = false,
  describedBy,
  autoFocus = true,
  resetSignal,
  name = 'code',
}: OneTimeCodeFieldProps) {
  const [value, setValue] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  // The code that was last handed to onComplete. Auto-submit, Enter and an autofill event can all
  // arrive for the same code; only the first one counts until the code changes or is reset.
  const submitted = useRef<string | null>(null)
  // A Japanese IME composes "１２３" before committing; rewriting the value mid-composition would
  // break it, so the raw text is kept until the composition ends.
  const composing = useRef(false)

  function submit(code: string) {
    if (disabled || code.length !== codeLength || submitted.current === code) return
    submitted.current = code
    onComplete(code)
  }

  function accept(raw: string) {
    const code = normaliseCode(raw)
    if (code !== submitted.current) submitted.current = null
    setValue(code)
    submit(code)
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    if (composing.current) {
      setValue(event.target.value)
      return
    }
    accept(event.target.value)
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
    // The field submits on its own; an enclosing form must not also submit a partial code.
    event.preventDefault()
    const code = normaliseCode(value)
    // Silence on Enter would look like a broken form (issue 11, item 6).
    if (code.length < codeLength && !disabled) onIncomplete?.()
    else submit(code)
  }

  // Clear and refocus when the owner asks (a wrong code): the first render is not a reset.
  const lastReset = useRef(resetSignal)
  useEffect(() => {
    if (lastReset.current === resetSignal) return
    lastReset.current = resetSignal
    submitted.current = null
    setValue('')
    inputRef.current?.focus()
  }, [resetSignal])

  // Disabling the focused input (while a code is checked) drops focus to <body>. When the field is
  // enabled again, give focus back, and let the same code be submitted again (e.g. after a network
  // failure).
  const wasDisabled = useRef(disabled)
  useEffect(() => {
    if (wasDisabled.current && !disabled) {
      submitted.current = null
      const active = document.activeElement
      if (active === null || active === document.body) inputRef.current?.focus()
    }
    wasDisabled.current = disabled
  }, [disabled])

  return (
    <TextField
      ref={inputRef}
      label={label}
      name={name}
      value={value}
      onChange={handleChange}
      onKeyDown={handleKeyDown}
      onCompositionStart={() => {
        composing.current = true
      }}
      onCompositionEnd={(event) => {
        composing.current = false
        accept(event.currentTarget.value)
      }}
      // No maxLength: a pasted "123 456" or "123-456" is longer than six characters before
      // normalising, and the browser would cut it off.
      type="text"
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern="[0-9]*"
      autoCapitalize="off"
      autoCorrect="off"
      spellCheck={false}
      enterKeyHint="done"
      autoFocus={autoFocus}
      isDisabled={disabled}
      hasError={invalid}
      aria-describedby={describedBy}
      inputStyles={{
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
        fontSize: 'x-large',
        letterSpacing: '0.4em',
        maxWidth: '12em',
      }}
    />
  )
}

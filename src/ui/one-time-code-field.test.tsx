import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, test, vi } from 'vitest'
import { normaliseCode, OneTimeCodeField, type OneTimeCodeFieldProps } from './one-time-code-field.tsx'

function renderField(props: Partial<OneTimeCodeFieldProps> = {}) {
  const onComplete = vi.fn()
  const result = render(<OneTimeCodeField label="6-digit code" onComplete={onComplete} {...props} />)
  return { onComplete, input: screen.getByLabelText('6-digit code') as HTMLInputElement, ...result }
}

describe('normaliseCode', () => {
  test.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    [' 12 34 56 ', '123456'],
    ['１２３４５６', '123456'],
    ['１２３ ４５６', '123456'],
    ['1234567', '123456'],
    ['abc', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCode(input)).toBe(expected)
  })
})

describe('OneTimeCodeField', () => {
  test('asks for a numeric one-time code and takes focus', () => {
    const { input } = renderField()
    expect(input).toHaveAttribute('autocomplete', 'one-time-code')
    expect(input).toHaveAttribute('inputmode', 'numeric')
    expect(input).toHaveAttribute('pattern', '[0-9]*')
    expect(input).toHaveAttribute('name', 'code')
    expect(input).toHaveFocus()
    expect(input).not.toHaveAttribute('aria-invalid', 'true')
  })

  test('does not take focus when told not to', () => {
    const { input } = renderField({ autoFocus: false })
    expect(input).not.toHaveFocus()
  })

  test('submits once by itself when the sixth digit is typed', async () => {
    const user = userEvent.setup()
    const { input, onComplete } = renderField()
    await user.type(input, '12345')
    expect(onComplete).not.toHaveBeenCalled()
    await user.type(input, '6')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456')
    // A seventh digit, or Enter, does not send the same code again.
    await user.type(input, '7{Enter}')
    expect(input).toHaveValue('123456')
    expect(onComplete).toHaveBeenCalledTimes(1)
  })

  test.each([['123 456'], ['123-456'], ['１２３４５６'], ['Your code: 123 456']])('a pasted %j becomes 123456 and is submitted', async (pasted) => {
    const user = userEvent.setup()
    const { input, onComplete } = renderField()
    await user.click(input)
    await user.paste(pasted)
    expect(input).toHaveValue('123456')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456')
  })

  test('full-width digits composed with a Japanese IME are converted when the composition ends', () => {
    const { input, onComplete } = renderField()
    fireEvent.compositionStart(input)
    fireEvent.change(input, { target: { value: '１２３４５６' } })
    // Mid-composition the text is left alone, and nothing is submitted.
    expect(input).toHaveValue('１２３４５６')
    expect(onComplete).not.toHaveBeenCalled()
    fireEvent.compositionEnd(input)
    expect(input).toHaveValue('123456')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456')
  })

  test('letters and separators typed by hand are dropped', async () => {
    const user = userEvent.setup()
    const { input, onComplete } = renderField()
    await user.type(input, '12a-3')
    expect(input).toHaveValue('123')
    expect(onComplete).not.toHaveBeenCalled()
  })

  test('Enter submits a complete code again after it was edited, and ignores a partial one', async () => {
    const user = userEvent.setup()
    const { input, onComplete } = renderField()
    await user.type(input, '123456')
    await user.type(input, '{Backspace}')
    await user.type(input, '{Enter}')
    expect(onComplete).toHaveBeenCalledTimes(1)
    await user.type(input, '7')
    expect(onComplete).toHaveBeenLastCalledWith('123457')
    expect(onComplete).toHaveBeenCalledTimes(2)
  })

  test('Enter with fewer than six digits tells the owner the code is incomplete (issue 11, item 6)', async () => {
    const user = userEvent.setup()
    const onIncomplete = vi.fn()
    const { input, onComplete } = renderField({ onIncomplete })
    await user.type(input, '12345{Enter}')
    expect(onIncomplete).toHaveBeenCalledTimes(1)
    expect(onComplete).not.toHaveBeenCalled()
    await user.type(input, '6')
    expect(onComplete).toHaveBeenCalledExactlyOnceWith('123456')
    expect(onIncomplete).toHaveBeenCalledTimes(1)
  })

  test('Enter inside a form does not submit the form with a partial code', async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault())
    render(
      <form onSubmit={onSubmit}>
        <OneTimeCodeField label="Code" onComplete={() => {}} />
      </form>,
    )
    await user.type(screen.getByLabelText('Code'), '12{Enter}')
    expect(onSubmit).not.toHaveBeenCalled()
  })

  test('does nothing while disabled', () => {
    const { input } = renderField({ disabled: true })
    expect(input).toBeDisabled()
  })

  test('marks itself invalid and points at its description', () => {
    render(
      <>
        <p id="code-error">That code did not match.</p>
        <OneTimeCodeField label="Code" onComplete={() => {}} invalid describedBy="code-error" />
      </>,
    )
    const input = screen.getByLabelText('Code')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('That code did not match.')
  })

  test('clears itself and takes focus when resetSignal changes, then accepts a new code', async () => {
    const user = userEvent.setup()
    const onComplete = vi.fn()
    function Owner() {
      const [reset, setReset] = useState(0)
      return (
        <>
          <OneTimeCodeField label="Code" onComplete={onComplete} resetSignal={reset} autoFocus={false} />
          <button onClick={() => setReset((n) => n + 1)}>Reset</button>
        </>
      )
    }
    render(<Owner />)
    const input = screen.getByLabelText('Code')
    await user.type(input, '111111')
    await user.click(screen.getByRole('button', { name: 'Reset' }))
    expect(input).toHaveValue('')
    expect(input).toHaveFocus()
    await user.type(input, '111111')
    expect(onComplete).toHaveBeenCalledTimes(2)
  })

  test('after being disabled and enabled again, focus returns and Enter may resend the same code', async () => {
    const user = userEvent.setup()
    const onComplete = vi.fn()
    const { rerender } = render(<OneTimeCodeField label="Code" onComplete={onComplete} />)
    const input = screen.getByLabelText('Code')
    await user.type(input, '123456')
    rerender(<OneTimeCodeField label="Code" onComplete={onComplete} disabled />)
    input.blur()
    rerender(<OneTimeCodeField label="Code" onComplete={onComplete} />)
    expect(input).toHaveFocus()
    expect(input).toHaveValue('123456')
    await user.type(input, '{Enter}')
    expect(onComplete).toHaveBeenCalledTimes(2)
  })
})

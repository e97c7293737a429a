import { renderHook } from '@testing-library/react'
import { expect, test } from 'vitest'
import { usePasswordHold } from './use-password-hold.ts'

test('kept while the flow holds it, across renders; dropped by the first render that does not', () => {
  const { result, rerender } = renderHook(({ holds }) => usePasswordHold(holds), { initialProps: { holds: false } })
  // Submitted on the form: kept just before the render that starts checking it.
  result.current.keep('Correct-horse-1')
  rerender({ holds: true })
  expect(result.current.peek()).toBe('Correct-horse-1')
  rerender({ holds: true })
  expect(result.current.peek()).toBe('Correct-horse-1')
  rerender({ holds: false })
  expect(result.current.peek()).toBeUndefined()
})

test('a new sign-in after an exit keeps the new password, and the next exit drops it', () => {
  const { result, rerender } = renderHook(({ holds }) => usePasswordHold(holds), { initialProps: { holds: true } })
  result.current.keep('first-pass-1')
  rerender({ holds: false })
  expect(result.current.peek()).toBeUndefined()
  result.current.keep('second-pass-2')
  rerender({ holds: true })
  expect(result.current.peek()).toBe('second-pass-2')
  rerender({ holds: false })
  expect(result.current.peek()).toBeUndefined()
})

test('taken once: the hand-over leaves nothing held', () => {
  const { result, rerender } = renderHook(({ holds }) => usePasswordHold(holds), { initialProps: { holds: true } })
  result.current.keep('Correct-horse-1')
  expect(result.current.take()).toBe('Correct-horse-1')
  expect(result.current.peek()).toBeUndefined()
  rerender({ holds: true })
  expect(result.current.take()).toBeUndefined()
})

import { renderHook } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { useMediaQuery } from './use-media-query.ts'

afterEach(() => vi.unstubAllGlobals())

test('subscribes once per query, not on every render, and follows a change of query', () => {
  const add = vi.fn()
  const remove = vi.fn()
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({ matches: query === '(max-width: 600px)', addEventListener: add, removeEventListener: remove })),
  )
  const { result, rerender } = renderHook(({ query }) => useMediaQuery(query), { initialProps: { query: '(max-width: 600px)' } })
  expect(result.current).toBe(true)
  const subscribed = add.mock.calls.length
  rerender({ query: '(max-width: 600px)' })
  rerender({ query: '(max-width: 600px)' })
  expect(add).toHaveBeenCalledTimes(subscribed)
  expect(remove).toHaveBeenCalledTimes(0)
  rerender({ query: '(pointer: coarse)' })
  expect(result.current).toBe(false)
  expect(remove).toHaveBeenCalledTimes(1)
})

import { expect, test } from 'vitest'
import { oneShot } from './one-shot.ts'

test('the first read takes the value; every later read finds nothing', () => {
  const take = oneShot('Correct-horse-1')
  expect(take()).toBe('Correct-horse-1')
  expect(take()).toBeUndefined()
  expect(take()).toBeUndefined()
})

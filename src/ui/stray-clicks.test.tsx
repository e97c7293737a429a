import { describe, expect, test } from 'vitest'
import { isStrayClick, pressBeforeMs, strayClickMs } from './stray-clicks.ts'

// The browser journey (tests/e2e/sign-in-polish.test.ts) double-clicks for real; here, the rule.
describe('isStrayClick (issue 11, item 3)', () => {
  const verify = { x: 200, y: 600, at: 1000 }
  test('a click where the old screen was pressed, just after the new one appeared, is stray', () => {
    expect(isStrayClick({ x: 205, y: 598, at: 1300 }, verify, 1200)).toBe(true)
  })
  test('a click elsewhere, later, or with no press before the new screen, counts', () => {
    expect(isStrayClick({ x: 400, y: 600, at: 1300 }, verify, 1200)).toBe(false)
    expect(isStrayClick({ x: 200, y: 600, at: 1200 + strayClickMs + 1 }, verify, 1200)).toBe(false)
    expect(isStrayClick({ x: 200, y: 600, at: 1300 }, { ...verify, at: 1250 }, 1200)).toBe(false)
    expect(isStrayClick({ x: 200, y: 600, at: 1300 }, undefined, 1200)).toBe(false)
  })
  test('a press long before the new screen appeared is not repeated by this click', () => {
    expect(isStrayClick({ x: 200, y: 600, at: 1000 + pressBeforeMs + 100 }, verify, 1000 + pressBeforeMs + 1)).toBe(false)
    expect(isStrayClick({ x: 200, y: 600, at: 1000 + pressBeforeMs + 100 }, verify, 1000 + pressBeforeMs)).toBe(true)
  })
  test('a click from the keyboard (Enter or Space, no pointer) is always meant', () => {
    expect(isStrayClick({ x: 205, y: 598, at: 1300, keyboard: true }, verify, 1200)).toBe(false)
  })
})

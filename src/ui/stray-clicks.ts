import { useEffect } from 'react'

/**
 * A code auto-submits at its sixth digit. A user who also clicks Verify, or double-clicks it,
 * clicks again where the button was, and the next, shorter screen has "Sign out" there (issue 11,
 * item 3). A click is taken as meant for the old screen when it comes this soon after the new
 * one appeared, at the spot of a press made on the old one.
 */
export const strayClickMs = 700
/** Only a press this soon before the new screen appeared can be repeated by a stray click. */
export const pressBeforeMs = 1000
const samePlacePx = 24

type Press = { x: number; y: number; at: number }

/**
 * Whether `click` repeats, on the new screen shown at `shownAt`, a press made shortly before it.
 * `keyboard`: Enter or Space on a button (a click with no pointer, `detail` 0) is always meant.
 */
export function isStrayClick(click: Press & { keyboard?: boolean }, before: Press | undefined, shownAt: number): boolean {
  if (click.keyboard || !before || before.at > shownAt || shownAt - before.at > pressBeforeMs || click.at - shownAt > strayClickMs) return false
  return Math.abs(click.x - before.x) <= samePlacePx && Math.abs(click.y - before.y) <= samePlacePx
}

let lastPress: Press | undefined
// Only real presses count (isTrusted): scripted clicks, a test's included, are deliberate.
if (typeof document !== 'undefined') {
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (event.isTrusted) lastPress = { x: event.clientX, y: event.clientY, at: performance.now() }
    },
    true,
  )
}

/** Ignores, for a moment after the calling screen appears, clicks repeating one on the screen before. */
export function useIgnoreStrayClicks() {
  useEffect(() => {
    const shownAt = performance.now()
    const before = lastPress
    const swallow = (event: MouseEvent) => {
      const click = { x: event.clientX, y: event.clientY, at: performance.now(), keyboard: event.detail === 0 }
      if (!event.isTrusted || !isStrayClick(click, before, shownAt)) return
      event.preventDefault()
      event.stopPropagation()
    }
    // Capture phase on the document: before React's handlers on the root see it. The press too:
    // it would move focus away from the new screen's title.
    const stop = () => {
      for (const type of ['mousedown', 'click'] as const) document.removeEventListener(type, swallow, true)
    }
    for (const type of ['mousedown', 'click'] as const) document.addEventListener(type, swallow, true)
    const timer = setTimeout(stop, strayClickMs)
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [])
}

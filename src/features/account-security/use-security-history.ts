import { useEffect, useReducer, useRef } from 'react'
import { currentEntry, pushEntry, replaceEntry, sameEntry, type Entry, type Screen } from './security-urls.ts'

export type UseSecurityHistoryOptions = {
  /** Off in tests of the screen alone, and while signing out (the app then owns the address). */
  enabled: boolean
  /** What the page shows now. */
  shown: Pick<Entry, 'screen' | 'dialog'>
  /** The page can tell whether a setup can be resumed (false while the status is being read). */
  settled: boolean
  /**
   * The address asks for the setup screen (Forward, a reload, a link, sign-in landing there):
   * resume the setup left earlier if there is one, never issue a key. False when nothing can be.
   */
  openSetup(): boolean
  /** Back from the setup screen; refused (ignored) while a code is being checked. */
  leaveSetup(): void
  /** Back while a dialog is open; refused (ignored) while its change is under way. */
  closeDialog(): void
}

/**
 * The Security page's screens as browser history entries (ADR 020), without a router: the page's
 * state decides what is shown, and this keeps the address and the entries in step with it; Back,
 * Forward and a reload are turned into the page's own actions. Opening setup or a dialog pushes
 * an entry; leaving it in the page goes back over that entry, so Back never replays a screen
 * already left. When the page refuses to follow (a code is being checked), the entry is put back.
 */
export function useSecurityHistory({ enabled, shown, settled, openSetup, leaveSetup, closeDialog }: UseSecurityHistoryOptions): void {
  // The screen the address asks for that the page has not followed yet, and where the ask came from:
  // the address the page opened on (corrected in place) or Back/Forward (undone with Back).
  const wanted = useRef<{ screen: Screen; from: 'open' | 'traversal' } | undefined>(undefined)
  // history.back() was called and its popstate has not arrived: the address is about to change.
  const goingBack = useRef(false)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const latest = useRef({ shown, openSetup, leaveSetup, closeDialog })
  latest.current = { shown, openSetup, leaveSetup, closeDialog }

  // The address the page opened on. A dialog cannot be open yet: its entry is corrected in place.
  useEffect(() => {
    if (!enabled) return
    const entry = currentEntry()
    if (entry.screen === 'setup') wanted.current = { screen: 'setup', from: 'open' }
    // `/` after sign-in, or anything else: Security, at its own address, with history.state its own.
    replaceEntry({ ...entry, dialog: false })
  }, [enabled])

  // Back and Forward: the page follows the address where it can.
  useEffect(() => {
    if (!enabled) return
    function onPopState() {
      if (goingBack.current) {
        goingBack.current = false
      } else {
        const target = currentEntry()
        const { shown, leaveSetup, closeDialog } = latest.current
        if (shown.dialog && !target.dialog) closeDialog()
        if (target.screen === 'setup' && shown.screen !== 'setup') wanted.current = { screen: 'setup', from: 'traversal' }
        else if (target.screen === 'security' && shown.screen === 'setup') leaveSetup()
        if (target.screen === 'security') wanted.current = undefined
      }
      rerender()
    }
    addEventListener('popstate', onPopState)
    return () => removeEventListener('popstate', onPopState)
  }, [enabled])

  // After every render: the address follows what the page shows.
  useEffect(() => {
    if (!enabled || goingBack.current) return
    const ask = wanted.current
    if (ask && shown.screen !== ask.screen) {
      // Whether there is a setup to resume is known once the status is read.
      if (!settled) return
      wanted.current = undefined
      // It resumes: the next render shows the setup, at the address already there.
      if (latest.current.openSetup()) return
      // Nothing to resume: Security, in place of the entry that asked (Forward: back over it).
      if (ask.from === 'traversal' && currentEntry().pushed) back()
      else replaceEntry({ screen: 'security', dialog: false, pushed: false })
      return
    }
    wanted.current = undefined
    const entry = currentEntry()
    if (sameEntry(entry, shown)) return
    if (entry.screen === shown.screen) {
      // A dialog opened: an entry for Back to close it. It closed in the page: back over that entry.
      if (shown.dialog) pushEntry({ ...shown, pushed: true })
      else if (entry.pushed) back()
      else replaceEntry({ ...entry, dialog: false })
    } else if (shown.screen === 'setup') {
      // Setup opened, from Security or from a dialog over it (Replace → Continue, "Confirm it's you"):
      // the dialog's entry becomes the setup's, so Back from setup is Security.
      if (entry.dialog) replaceEntry({ ...shown, pushed: entry.pushed })
      else pushEntry({ ...shown, pushed: true })
    } else if (entry.pushed && !entry.dialog) {
      // Setup left in the page (Cancel, done): back to the Security entry under it.
      back()
    } else {
      replaceEntry({ ...shown, pushed: false })
    }
  })

  function back() {
    goingBack.current = true
    history.back()
  }
}

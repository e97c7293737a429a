// The signed-in screens' addresses and the history entries behind them (ADR 020). Only which
// screen is shown, and whether a dialog is open over it, is ever written to the URL or to
// history.state: never a key, a code, a token or a username.

import { securityPath, setupPath } from './paths.ts'

export type Screen = 'security' | 'setup'

/** What a history entry stands for; `null` in history.state is the entry the page was opened on. */
export type Entry = {
  screen: Screen
  /** A dialog is open over the screen: Back closes it (the entry was pushed when it opened). */
  dialog: boolean
  /**
   * This page pushed the entry over one of its own (Security under setup, the screen under its
   * dialog), so history.back() stays in the app.
   */
  pushed: boolean
}

type EntryState = { securityScreen: Entry }

/** The entry the browser is on now: the screen from the path, the rest from history.state. */
export function currentEntry(): Entry {
  const state = history.state as Partial<EntryState> | null
  const saved = state && typeof state === 'object' ? state.securityScreen : undefined
  return {
    screen: location.pathname === setupPath ? 'setup' : 'security',
    dialog: saved?.dialog === true,
    pushed: saved?.pushed === true,
  }
}

const pathOf = (screen: Screen) => (screen === 'setup' ? setupPath : securityPath)

export function pushEntry(entry: Entry): void {
  history.pushState({ securityScreen: entry } satisfies EntryState, '', pathOf(entry.screen))
}

export function replaceEntry(entry: Entry): void {
  history.replaceState({ securityScreen: entry } satisfies EntryState, '', pathOf(entry.screen))
}

export const sameEntry = (a: Entry, b: Pick<Entry, 'screen' | 'dialog'>): boolean => a.screen === b.screen && a.dialog === b.dialog

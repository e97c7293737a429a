// The Security page's "Browsers that don't ask for a code" (ADR 025): the remembered browsers,
// forgetting one, forgetting all, and forgetting all along with a replacement or a turn-off. The
// page asks for the recent sign-in (ADR 016) before it calls forget or forgetAll.
import { useEffect, useReducer, useRef } from 'react'
import { toAuthFailure, type AuthFailure } from '../../auth/auth-failure.ts'
import type { AuthGateway, MfaStatus } from '../../auth/auth-gateway.ts'
import type { RememberedBrowser } from '../../auth/remembered-browsers.ts'

/** What the section says after a change: which browsers went, and why. */
export type RememberedNotice =
  /** One browser, not this one. */
  | 'forgot-one'
  /** This browser: its next sign-in asks for the code. */
  | 'forgot-this'
  | 'forgot-all'
  /** With the replacement or the turn-off the user confirmed. */
  | 'forgot-all-with-change'
  /** The change went on; forgetting the browsers with it did not. */
  | 'forget-all-with-change-failed'

export type RememberedState =
  /** Being read: at page load, after a failure, or after a forgetting (whose news it holds). */
  | { step: 'loading'; notice?: RememberedNotice }
  | { step: 'load-failed'; failure: AuthFailure; notice?: RememberedNotice }
  | { step: 'loaded'; browsers: RememberedBrowser[]; rememberFailed: boolean; notice?: RememberedNotice; failure?: AuthFailure }
  /** A forget in flight: `id` one browser, undefined all of them. */
  | { step: 'forgetting'; browsers: RememberedBrowser[]; rememberFailed: boolean; id?: string }

type Event =
  | { type: 'load' }
  | { type: 'loaded'; browsers: RememberedBrowser[]; rememberFailed: boolean }
  | { type: 'failed'; failure: AuthFailure }
  | { type: 'forget'; id?: string }
  /** A forgetting ended (one, all, or all with a replacement or a turn-off): the list is read again with its news. */
  | { type: 'forgotten'; notice: RememberedNotice }
  /** The section appears (the authenticator is listed again after it was not): no earlier news. */
  | { type: 'show' }

export function rememberedFlow(s: RememberedState, e: Event): RememberedState {
  // A read keeps the news of the latest change until the next one (StrictMode may run a read
  // twice; a read after a failure is the same read tried again).
  if (e.type === 'load') return { step: 'loading', notice: 'notice' in s ? s.notice : undefined }
  // A change: its news waits for the list read after it.
  if (e.type === 'forgotten') return { step: 'loading', notice: e.notice }
  // The list is kept while hidden (ADR 025, revisited): appearing drops only what the section said
  // about a change or a failed forget made before it went away.
  if (e.type === 'show') {
    if (s.step === 'loaded') return { ...s, notice: undefined, failure: undefined }
    return s.step === 'forgetting' ? s : { ...s, notice: undefined }
  }
  switch (s.step) {
    case 'loading':
      if (e.type === 'loaded') return { step: 'loaded', browsers: e.browsers, rememberFailed: e.rememberFailed, notice: s.notice }
      if (e.type === 'failed') return { step: 'load-failed', failure: e.failure, notice: s.notice }
      return s
    case 'loaded':
      if (e.type === 'forget') return { step: 'forgetting', browsers: s.browsers, rememberFailed: s.rememberFailed, id: e.id }
      return s
    case 'forgetting':
      if (e.type === 'failed') return { step: 'loaded', browsers: s.browsers, rememberFailed: s.rememberFailed, failure: e.failure }
      return s
    default:
      return s
  }
}

/**
 * The news of forgetting with a replacement or a turn-off: the one news the page shows while the
 * section is hidden (after a turn-off), since it is about what the user just confirmed.
 */
export function changeNotice(s: RememberedState): RememberedNotice | undefined {
  const notice = 'notice' in s ? s.notice : undefined
  return notice === 'forgot-all-with-change' || notice === 'forget-all-with-change-failed' ? notice : undefined
}

export type UseRememberedBrowsersOptions = {
  auth: AuthGateway
  /**
   * The status the page shows (undefined until the first read): the section is shown while it lists
   * the authenticator, and a list whose read failed is read again with each new one.
   */
  status: MfaStatus | undefined
  onSessionExpired(): void
}

export function useRememberedBrowsers({ auth, status, onSessionExpired }: UseRememberedBrowsersOptions) {
  const [state, dispatch] = useReducer(rememberedFlow, { step: 'loading' })
  // Which read's answer counts: a read started later (after a change) wins over an earlier one.
  const read = useRef(0)
  const busy = useRef(false)
  const latest = useRef(state)
  latest.current = state
  const onExpired = useRef(onSessionExpired)
  onExpired.current = onSessionExpired
  // Whether the last status shown listed the authenticator (undefined before the first one).
  const shown = useRef<boolean | undefined>(undefined)

  function failed(error: unknown) {
    const failure = toAuthFailure(error, 'preference')
    // Like the rest of the page: a refused or missing access token ends the session.
    if (failure === 'session-expired') onExpired.current()
    dispatch({ type: 'failed', failure })
  }

  async function load(next: Event = { type: 'load' }) {
    const request = ++read.current
    dispatch(next)
    try {
      const { browsers, rememberFailed } = await auth.listRememberedBrowsers()
      if (request === read.current) dispatch({ type: 'loaded', browsers, rememberFailed })
    } catch (error) {
      if (request === read.current) failed(error)
    }
  }

  // Read when the page loads, beside its status read and whether or not the authenticator is on, so
  // that a setup from this page needs no read of its own (issue 14; ADR 025, revisited): the section
  // appears with "on", and browsers remembered before an earlier turn-off skip the code again then.
  // Reading is safe to repeat (StrictMode may run this twice; the later read wins).
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page
  }, [])

  // Not read again with later statuses: a status read or a setup changes no device, and what does
  // (forget, forget all, the forgetting with a replacement or a turn-off) reads the list again
  // itself. A read that failed is tried again with the next status, shown or not, but not with the
  // page's first: that one was read beside it, and a failure it raced is shown, not hidden by a retry.
  useEffect(() => {
    if (!status) return
    const first = shown.current === undefined
    const appears = status.totpEnabled && shown.current === false
    shown.current = status.totpEnabled
    if (appears) dispatch({ type: 'show' })
    if (!first && latest.current.step === 'load-failed') void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per status shown
  }, [status])

  async function forget(id: string | undefined) {
    const s = latest.current
    if (busy.current || s.step !== 'loaded') return
    busy.current = true
    const thisOne = id !== undefined && s.browsers.some((b) => b.id === id && b.thisBrowser)
    dispatch({ type: 'forget', id })
    try {
      await (id === undefined ? auth.forgetAllRememberedBrowsers() : auth.forgetRememberedBrowser(id))
    } catch (error) {
      busy.current = false
      failed(error)
      return
    }
    busy.current = false
    void load({ type: 'forgotten', notice: id === undefined ? 'forgot-all' : thisOne ? 'forgot-this' : 'forgot-one' })
  }

  return {
    state,
    /** Reads the list again (Try again). */
    load: () => void load(),
    /** Run once the recent sign-in is proven: the page gates it. */
    forget: (id: string) => void forget(id),
    forgetAll: () => void forget(undefined),
    /**
     * With a replacement or a turn-off the user confirmed (ADR 025): forgets every remembered
     * browser; the change itself goes on either way, and the section says how this went.
     */
    async forgetAllWithChange(): Promise<void> {
      let notice: RememberedNotice = 'forgot-all-with-change'
      try {
        await auth.forgetAllRememberedBrowsers()
      } catch (error) {
        if (toAuthFailure(error, 'preference') === 'session-expired') {
          onExpired.current()
          return
        }
        notice = 'forget-all-with-change-failed'
      }
      // Read again with the news, also when hidden (turned off): what is left stays known for a
      // later setup from this page, which then reads nothing (ADR 025, revisited).
      void load({ type: 'forgotten', notice })
    },
  }
}

export type RememberedBrowsersController = ReturnType<typeof useRememberedBrowsers>

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
  /** Not shown (the authenticator is not listed); the news of a turn-off's forgetting stays. */
  | { step: 'idle'; notice?: RememberedNotice }
  | { step: 'loading'; notice?: RememberedNotice }
  | { step: 'load-failed'; failure: AuthFailure }
  | { step: 'loaded'; browsers: RememberedBrowser[]; rememberFailed: boolean; notice?: RememberedNotice; failure?: AuthFailure }
  /** A forget in flight: `id` one browser, undefined all of them. */
  | { step: 'forgetting'; browsers: RememberedBrowser[]; rememberFailed: boolean; id?: string }

type Event =
  | { type: 'load' }
  | { type: 'loaded'; browsers: RememberedBrowser[]; rememberFailed: boolean }
  | { type: 'failed'; failure: AuthFailure }
  | { type: 'forget'; id?: string }
  | { type: 'forgotten'; notice: RememberedNotice }
  | { type: 'hide' }
  /** The forgetting that went with a replacement or a turn-off ended (the list is read again if shown). */
  | { type: 'forgotten-with-change'; notice: RememberedNotice }

export function rememberedFlow(s: RememberedState, e: Event): RememberedState {
  if (e.type === 'hide') return { step: 'idle', notice: withChange(s) }
  if (e.type === 'forgotten-with-change') return s.step === 'idle' ? { step: 'idle', notice: e.notice } : { step: 'loading', notice: e.notice }
  // A read over a list read or being read (StrictMode runs the effect twice) keeps the news of the
  // latest change until the next one; a read as the section appears or after a failure has none.
  if (e.type === 'load') return { step: 'loading', notice: s.step === 'loading' || s.step === 'loaded' ? s.notice : undefined }
  // A change with the replacement or turn-off: its news waits for the list read after it.
  if (e.type === 'forgotten') return { step: 'loading', notice: e.notice }
  switch (s.step) {
    case 'loading':
      if (e.type === 'loaded') return { step: 'loaded', browsers: e.browsers, rememberFailed: e.rememberFailed, notice: s.notice }
      if (e.type === 'failed') return { step: 'load-failed', failure: e.failure }
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

/** The news of forgetting with a replacement or a turn-off, which outlives the section. */
function withChange(s: RememberedState): RememberedNotice | undefined {
  const notice = 'notice' in s ? s.notice : undefined
  return notice === 'forgot-all-with-change' || notice === 'forget-all-with-change-failed' ? notice : undefined
}

export type UseRememberedBrowsersOptions = {
  auth: AuthGateway
  /** The status the page shows: the list is read when one lists the authenticator and none was read yet. */
  status: MfaStatus | undefined
  onSessionExpired(): void
}

export function useRememberedBrowsers({ auth, status, onSessionExpired }: UseRememberedBrowsersOptions) {
  const [state, dispatch] = useReducer(rememberedFlow, { step: 'idle' })
  // Which read's answer counts: a read started later (after a change) wins over an earlier one.
  const read = useRef(0)
  const busy = useRef(false)
  const latest = useRef(state)
  latest.current = state
  const onExpired = useRef(onSessionExpired)
  onExpired.current = onSessionExpired

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

  // Shown only while the authenticator is listed: without it every sign-in skips the code anyway.
  // Read when the section appears (or after its read failed), not again with every later status:
  // a status read or a setup changes no device, and what does (forget, forget all, the forgetting
  // with a replacement or a turn-off) reads the list again itself (ADR 025, revisited). Reading is
  // safe to repeat (StrictMode may run this twice; the later read wins).
  useEffect(() => {
    if (!status) return
    if (!status.totpEnabled) dispatch({ type: 'hide' })
    else if (latest.current.step === 'idle' || latest.current.step === 'load-failed') void load()
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
      // Shown: the list is read again with the news. Hidden (turned off): the news alone.
      if (latest.current.step === 'idle') dispatch({ type: 'forgotten-with-change', notice })
      else void load({ type: 'forgotten-with-change', notice })
    },
  }
}

export type RememberedBrowsersController = ReturnType<typeof useRememberedBrowsers>

// Two moments of a page load, in a fresh browser context (empty cache and storage) each time,
// optionally with the CPU slowed down:
//   - visible: the first frame in which the username field is visible;
//   - ready: the first frame in which, besides, the field's form can be submitted (its submit
//     button is enabled). For an app that renders its form with JavaScript the two are the same
//     frame; for a prerendered form (ADR 028) "ready" is when the app has taken it over.
//
// The page reports them itself: a script added before any of the page's own checks looks, on every
// animation frame, at `input[name="username"]` (the name all three apps give it). Its visibility is
// read inside the frame's callback, which lays the frame out, so the time read right after it
// includes the frame's style and layout; only the paint that follows in the same task is left out.
// The times go back through a binding, so nothing polls the page from outside while it loads.
import type { Browser } from 'playwright-core'

const BINDING = '__benchFormMoments'

const PROBE = `(() => {
  let visibleAt
  const visible = (el) => {
    if (!el) return false
    const box = el.getBoundingClientRect()
    return box.width > 0 && box.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  }
  const frame = () => {
    const fields = [...document.querySelectorAll('input[name="username"]')]
    const field = fields.find(visible)
    const now = performance.now()
    if (!field) return requestAnimationFrame(frame)
    visibleAt ??= now
    const submit = field.form && field.form.querySelector('button[type="submit"], input[type="submit"]')
    if (submit && submit.disabled) return requestAnimationFrame(frame)
    window.${BINDING}({ visible: visibleAt, ready: now })
  }
  requestAnimationFrame(frame)
})()`

export type FormMoments = { visible: number; ready: number }

/** Milliseconds from navigation start to the frame showing the username field, and to the frame where its form can be submitted. */
export async function timeToForm(browser: Browser, url: string, cpuSlowdown: number, timeoutMs = 30_000): Promise<FormMoments> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  try {
    let report!: (moments: FormMoments) => void
    const reported = new Promise<FormMoments>((resolve) => (report = resolve))
    await context.exposeBinding(BINDING, (_source, moments: FormMoments) => report(moments))
    await context.addInitScript(PROBE)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No usable username field at ${url} within ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      await page.goto(url, { waitUntil: 'commit' })
      return await Promise.race([reported, timeout])
    } finally {
      clearTimeout(timer)
    }
  } finally {
    await context.close()
  }
}

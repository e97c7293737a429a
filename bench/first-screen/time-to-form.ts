// Time from navigation start to the first frame in which the username field is visible, in a fresh
// browser context (empty cache and storage) each time, optionally with the CPU slowed down.
//
// The page reports it itself: a script added before any of the page's own checks, on every
// animation frame, whether `input[name="username"]` (the name all three apps give it) has a box
// and is not hidden; in the first frame where it does, a message posted from that frame's callback
// runs once the frame has been rendered, and reads performance.now(), whose origin is the
// navigation's start. The time goes back through a binding (one call), so nothing polls the page
// from outside while it loads.
import type { Browser } from 'playwright-core'

const BINDING = '__benchFormVisible'

const PROBE = `(() => {
  const field = () => document.querySelector('input[name="username"]')
  const visible = (el) => {
    if (!el) return false
    const box = el.getBoundingClientRect()
    return box.width > 0 && box.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  }
  const frame = () => {
    if (!visible(field())) return requestAnimationFrame(frame)
    const channel = new MessageChannel()
    channel.port1.onmessage = () => window.${BINDING}(performance.now())
    channel.port2.postMessage(0)
  }
  requestAnimationFrame(frame)
})()`

/** Milliseconds from navigation start to the first rendered frame showing the username field. */
export async function timeToForm(browser: Browser, url: string, cpuSlowdown: number, timeoutMs = 30_000): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  try {
    let report!: (ms: number) => void
    const reported = new Promise<number>((resolve) => (report = resolve))
    await context.exposeBinding(BINDING, (_source, ms: number) => report(ms))
    await context.addInitScript(PROBE)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No visible username field at ${url} within ${timeoutMs} ms`)), timeoutMs)
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

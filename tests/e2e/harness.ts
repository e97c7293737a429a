// One browser test file's world: the local pool (a child process, fresh state), the production
// build served by `vite preview`, and Chromium. Each `openApp` is a fresh browser context whose
// guards are checked after the test (a test fails on any leak, blocked request or console.error).
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { phoneCode } from '../support/phone-totp.ts'
import { appOrigin, buildApp, freePort, serveApp, type AppServer } from './harness/app.ts'
import { axeSummary } from './harness/axe.ts'
import { launchChromium } from './harness/chromium.ts'
import { startEmulatorProcess, type Emulator } from './harness/emulator.ts'
import { Guard } from './harness/guards.ts'
import { DESKTOP } from './harness/screenshots.ts'

export { expectAccessible } from './harness/axe.ts'
export { screenshotScreen } from './harness/screenshots.ts'
export type { Emulator, TestUser } from './harness/emulator.ts'

export type Lang = 'en' | 'ja'

export type AppSession = { page: Page; context: BrowserContext; guard: Guard; lang: Lang }

export type E2E = {
  emulator: Emulator
  appUrl: string
  /**
   * A fresh browser (no storage) whose language is `lang`, on the app's first screen. With
   * `browserClock`, the page's clock is Playwright's (page.clock) so a test can move it.
   */
  openApp(options?: { lang?: Lang; browserClock?: boolean }): Promise<AppSession>
  /** The code the user's phone shows now for this setup key (the emulator's clock is the phone's). */
  currentCode(setupKey: string): Promise<string>
  /** Moves the pool's clock to the next 30-second step (a code is accepted once) and returns that step's code. */
  nextCode(setupKey: string): Promise<string>
}

const LOCALES: Record<Lang, string> = { en: 'en-US', ja: 'ja-JP' }

export function setupE2E(): E2E {
  let browser: Browser | undefined
  let emulator: Emulator | undefined
  let app: AppServer | undefined
  let sessions: AppSession[] = []

  const e2e: E2E = {
    get emulator() {
      if (!emulator) throw new Error('setupE2E: the local pool is not running (beforeAll failed?)')
      return emulator
    },
    get appUrl() {
      if (!app) throw new Error('setupE2E: the app is not being served (beforeAll failed?)')
      return app.url
    },
    async openApp({ lang = 'en', browserClock = false } = {}) {
      if (!browser) throw new Error('setupE2E: Chromium is not running (beforeAll failed?)')
      const context = await browser.newContext({ locale: LOCALES[lang], viewport: DESKTOP, timezoneId: 'UTC' })
      const guard = new Guard()
      await guard.attachToContext(context)
      const page = await context.newPage()
      guard.attachToPage(page)
      context.setDefaultTimeout(10_000)
      const session = { page, context, guard, lang }
      sessions.push(session)
      if (browserClock) await page.clock.install()
      await page.goto(e2e.appUrl)
      return session
    },
    async currentCode(setupKey) {
      return phoneCode(setupKey, await e2e.emulator.now())
    },
    async nextCode(setupKey) {
      return phoneCode(setupKey, await e2e.emulator.advanceClock(30_000))
    },
  }

  beforeAll(async () => {
    // Start Chromium first: a missing browser is the most likely failure and has the clearest message.
    browser = await launchChromium()
    // The app's port is chosen first: the pool serves only the app's origin (ADR 014).
    const appPort = await freePort()
    const [built, started] = await Promise.allSettled([buildApp(), startEmulatorProcess([appOrigin(appPort)])])
    if (started.status === 'fulfilled') emulator = started.value
    if (built.status === 'rejected') throw built.reason
    if (started.status === 'rejected') throw started.reason
    app = await serveApp(built.value, e2e.emulator.url, appPort)
  })

  afterEach(async () => {
    const open = sessions
    sessions = []
    const problems: string[] = []
    for (const session of open) {
      problems.push(...(await session.guard.problems()))
      await session.context.close()
    }
    if (problems.length > 0) throw new Error(`The browser session had problems:\n- ${problems.join('\n- ')}`)
  })

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), app?.stop(), emulator?.stop()])
    const summary = axeSummary()
    if (summary !== 'axe: no scans') console.log(summary)
  })

  return e2e
}

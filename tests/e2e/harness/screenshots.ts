// Screenshots of the main screens, desktop and phone. They always go to test-results/ (git-ignored);
// with UPDATE_SCREENSHOTS=1 they also replace the committed ones in docs/screenshots/.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { repoRoot } from './paths.ts'

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }

const targets = [join(repoRoot, 'test-results', 'screenshots')]
if (process.env.UPDATE_SCREENSHOTS === '1') targets.push(join(repoRoot, 'docs', 'screenshots'))

export async function screenshotScreen(page: Page, name: string, lang: string): Promise<void> {
  await settle(page)
  save(`${name}-${lang}-desktop.png`, await page.screenshot({ animations: 'disabled', caret: 'hide' }))
  // A phone: narrow, and touch as the primary pointer (what "prominent on touch devices" keys on).
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 })
    await page.setViewportSize(PHONE)
    await settle(page)
    save(`${name}-${lang}-phone.png`, await page.screenshot({ animations: 'disabled', caret: 'hide' }))
  } finally {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false })
    await cdp.detach()
    await page.setViewportSize(DESKTOP)
    await settle(page)
  }
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

function save(file: string, png: Buffer): void {
  for (const dir of targets) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, file), png)
  }
}

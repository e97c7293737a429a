// Debian's Chromium, driven by playwright-core. Test tools cannot download browsers here, so a
// missing browser is a failure with the command that fixes it, never a silent skip.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}, and it is not there.\n` +
        `Install it with:  apt-get install -y chromium   (.ci/run does this on CI)\n` +
        `or point CHROMIUM_PATH at another Chromium build.`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS })
}

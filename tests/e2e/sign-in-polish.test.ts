// Issue 11's walk-through, the parts that need a real browser's layout: the tab title on every
// step (15), one large title during setup and the same focus ring on every heading (11), the time
// left in view on a phone (12), Japanese line breaking and no italics (13), a double click
// after the code auto-submitted that must not sign out (3), and the confirmation after setup
// during sign-in, focused and accessible (8).
import { expectAccessible, setupE2E, type Lang } from './harness.ts'
import { strayClickMs } from '../../src/ui/stray-clicks.ts'
import { ui, visible, isFocused } from './steps.ts'

const e2e = setupE2E()
const phone = { width: 390, height: 844 }

describe.each([
  ['en', 'ivy'],
  ['ja', 'rin'],
] as const)('on a phone (%s)', (lang: Lang, name) => {
  test('setup during sign-in: tab titles, one large title, time left beside the code field, Japanese typography', async () => {
    const session = await e2e.openApp({ lang })
    const app = ui(session)
    const { page } = session
    await page.setViewportSize(phone)
    const user = await e2e.emulator.createUser(name, 'required')

    await visible(app.signInHeading())
    // 15: the tab names the step.
    expect(await page.title()).toBe(`${app.t('signIn.title')} – Cognito TOTP`)
    await app.signIn(user, { pool: 'required' })
    await visible(app.setupDuringSignInHeading())
    await expect.poll(() => page.title()).toBe(`${app.t('signIn.setup.title')} – Cognito TOTP`)

    // 11: the setup's own title is a section of the sign-in step, clearly smaller than it.
    const h1 = parseFloat(await app.setupDuringSignInHeading().evaluate((e) => getComputedStyle(e).fontSize))
    const h2 = parseFloat(await app.setupHeading().evaluate((e) => getComputedStyle(e).fontSize))
    expect(h2).toBeLessThanOrEqual(h1 * 0.75)

    // 12: with the code field scrolled into view, the time left is on screen too.
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
    console.info(
      `[measure] setup page on a ${phone.width}x${phone.height} phone (${lang}): ${pageHeight} px, ${(pageHeight / phone.height).toFixed(2)} screens`,
    )

    // 12: on a phone the setup key waits behind "Can't scan the code?", so the page is shorter; the
    // key is one key press away (a native disclosure, announced as expanded or not).
    const cantScan = page.locator('summary', { hasText: app.t('totp.cantScan') })
    expect(await app.setupKey().isVisible()).toBe(false)
    expect(await cantScan.evaluate((e) => (e.parentElement as HTMLDetailsElement).open)).toBe(false)
    await cantScan.focus()
    await page.keyboard.press('Enter')
    await visible(app.setupKey())
    await visible(app.button('totp.copyKey'))
    const withKey = await page.evaluate(() => document.documentElement.scrollHeight)
    console.info(`[measure] the same page with the setup key shown (${lang}): ${withKey} px, ${(withKey / phone.height).toFixed(2)} screens`)
    expect(pageHeight).toBeLessThan(withKey)
    await expectAccessible(page, 'setup during sign-in on a phone, setup key shown', lang)
    await app.setupCodeField().scrollIntoViewIfNeeded()
    const timer = await page.getByRole('timer').boundingBox()
    expect(timer).not.toBeNull()
    expect(timer!.y).toBeGreaterThanOrEqual(0)
    expect(timer!.y + timer!.height).toBeLessThanOrEqual(phone.height)

    // 13: field hints are upright in Japanese (italic stays for English).
    const hintStyle = await page
      .locator('.amplify-field__description')
      .first()
      .evaluate((e) => getComputedStyle(e).fontStyle)
    expect(hintStyle).toBe(lang === 'ja' ? 'normal' : 'italic')

    const setupKey = await app.readSetupKey()
    await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))
    await app.expectSignedIn(user)
    await expect.poll(() => page.title()).toBe(`${app.t('account.title')} – Cognito TOTP`)
    // 8: the account page confirms the setup (a status message), focused so that it is read first.
    const confirmation = page.getByRole('status').filter({ hasText: app.t('account.setUpDone') })
    await visible(confirmation)
    await expect.poll(() => confirmation.evaluate((e) => e.parentElement === document.activeElement)).toBe(true)
    await expectAccessible(page, 'signed in after setup, confirmed', lang)

    // 13: the code step's title does not leave one character on a line of its own.
    await app.signOut()
    await app.signIn(user)
    await visible(app.totpHeading())
    await expect.poll(() => page.title()).toBe(`${app.t('signIn.totp.title')} – Cognito TOTP`)
    const lines = await app.totpHeading().evaluate((heading) => {
      const range = document.createRange()
      const tops = new Map<number, number>()
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < (node.textContent ?? '').length; i++) {
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          const top = Math.round(range.getBoundingClientRect().top)
          tops.set(top, (tops.get(top) ?? 0) + 1)
        }
      }
      return [...tops.values()]
    })
    expect(Math.min(...lines), `characters per line: ${lines.join(', ')}`).toBeGreaterThan(1)

    // 11: the code was typed, so the focused page title shows the keyboard focus ring, as every
    // step heading does; 8: a sign-in that set nothing up confirms nothing.
    await app.totpField().pressSequentially(await e2e.nextCode(setupKey))
    await app.expectSignedIn(user)
    expect(await isFocused(app.accountHeading())).toBe(true)
    expect(await app.accountHeading().evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid')
    expect(await page.getByText(app.t('account.setUpDone')).count()).toBe(0)
  })
})

test('3: a double click on Verify after the code auto-submitted does not sign out; focus is on the result (8: the confirmation)', async () => {
  const session = await e2e.openApp({ lang: 'en' })
  const app = ui(session)
  const { page } = session
  // On a phone, scrolled to the end of the setup page to type the code, Verify sits where the
  // account page that follows has "Replace authenticator app".
  await page.setViewportSize(phone)
  const user = await e2e.emulator.createUser('dex', 'required')
  await app.signIn(user, { pool: 'required' })
  await page.locator('summary', { hasText: app.t('totp.cantScan') }).click()
  const setupKey = await app.readSetupKey()
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  const box = await app.button('totp.verify').boundingBox()
  const at = [box!.x + box!.width / 2, box!.y + box!.height / 2] as const
  // Every click's time, seen before the guard (which listens on the document) can stop it.
  await page.evaluate(() => {
    const w = window as unknown as { clicksAt: number[] }
    w.clicksAt = []
    window.addEventListener('click', (event) => w.clicksAt.push(event.timeStamp), true)
  })
  await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))
  // The person double-clicks where Verify was, as the screen changes under the pointer.
  await page.mouse.click(...at)
  // Waited for inside the page, so the second click follows without extra round trips: when the
  // account page appeared, and the button under the pointer once its status card is in.
  const switched = await page.waitForFunction(
    ([x, y, title]) => {
      const w = window as unknown as { shownAt?: number }
      if (document.querySelector('h1')?.textContent !== title) return false
      w.shownAt ??= performance.now()
      const under = document.elementFromPoint(x, y)?.closest('button')?.textContent
      return under ? { under, shownAt: w.shownAt } : false
    },
    [...at, app.t('account.title')] as const,
    { polling: 'raf', timeout: 5000 },
  )
  await page.mouse.click(...at)
  const found = await switched.jsonValue()
  if (!found) throw new Error('the account page never showed a button under the pointer')
  const { under, shownAt } = found
  const clicksAt = await page.evaluate(() => (window as unknown as { clicksAt: number[] }).clicksAt)
  // The preconditions: a button was under the pointer, and the second click came within the
  // guard's window (a slow machine fails here, not with a confusing sign-out).
  expect(under).toBe(app.t('security.replace'))
  expect(clicksAt).toHaveLength(2)
  expect(clicksAt[1] - shownAt).toBeLessThan(strayClickMs)
  await page.waitForTimeout(1000)
  await app.expectSignedIn(user)
  expect(await page.getByRole('dialog').count()).toBe(0)
  expect(await isFocused(page.getByText(app.t('account.setUpDone')).locator('xpath=ancestor::*[@tabindex="-1"][1]'))).toBe(true)
})

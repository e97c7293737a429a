// The prerendered sign-in form (ADR 028) in Chromium, on a production build for a real user pool
// served by `vite preview` with the production headers (so under the strict CSP): the form shows
// before any of the app's JavaScript has run, what is typed into it then survives the app taking it
// over, it cannot be submitted natively meanwhile, each language gets its own form, and a browser
// with a stored session never sees the prerendered form. The pool's endpoint is answered here, in
// Cognito's error shape: the test needs to see the hydrated form send what was typed, not a pool.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page, Route } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchChromium } from './harness/chromium.ts'
import { repoRoot } from './harness/paths.ts'
import { viteBuildInChild } from './harness/vite-build.ts'

const POOL = { id: 'us-east-1_Prerender1', clientId: '1prerender2first3screen4a5' }
const ENDPOINT = 'https://cognito-idp.prerender.test/'

let workDir: string
let server: PreviewServer
let url: string
let browser: Browser

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'e2e-prerender-'))
  const envDir = join(workDir, 'env')
  const outDir = join(workDir, 'dist')
  // The build and `vite preview` read the same env file: the preview's CSP allows this endpoint.
  mkdirSync(envDir)
  writeFileSync(
    join(envDir, '.env'),
    `VITE_COGNITO_USER_POOL_ID=${POOL.id}\nVITE_COGNITO_USER_POOL_CLIENT_ID=${POOL.clientId}\nVITE_COGNITO_ENDPOINT=${ENDPOINT}\n`,
  )
  await viteBuildInChild({ envDir, build: { outDir, emptyOutDir: true } }, {}, 'the app for a real pool')
  server = await preview({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    envDir,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  })
  url = server.resolvedUrls!.local[0]!
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

/** A page whose app script is held back until `release()`, and whose calls to the pool are recorded and refused. */
async function openHeld(locale: string, storage?: Record<string, string>) {
  const context = await browser.newContext({ locale })
  const problems: string[] = []
  const page = await context.newPage()
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()))
  page.on('pageerror', (error) => problems.push(error.message))
  if (storage) {
    await context.addInitScript((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value)
    }, storage)
  }
  const poolCalls: Array<{ target: string; body: string }> = []
  await page.route(`${ENDPOINT}**`, (route: Route) => {
    const request = route.request()
    poolCalls.push({ target: request.headers()['x-amz-target'] ?? '', body: request.postData() ?? '' })
    return route.fulfill({
      status: 400,
      contentType: 'application/x-amz-json-1.1',
      headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-amzn-errortype' },
      body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }),
    })
  })
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held
    await route.continue()
  })
  await page.goto(url, { waitUntil: 'commit' })
  return { page, context, problems, poolCalls, release }
}

const visibleForm = (page: Page) => page.locator('.first-screen:visible')

describe('the prerendered sign-in form', () => {
  test('shows before the app’s script, keeps what is typed, cannot be sent natively, then signs in with it', async () => {
    const { page, context, problems, poolCalls, release } = await openHeld('en-US')
    try {
      const form = visibleForm(page)
      await expect.poll(() => form.count()).toBe(1)
      await expect.poll(() => form.getAttribute('data-locale')).toBe('en')
      const username = form.getByLabel('Username')
      const password = form.getByLabel('Password', { exact: true })
      await expect.poll(() => username.isVisible()).toBe(true)
      // The browser focused the username field itself (the autofocus attribute), before the app.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username')
      await username.fill('alice')
      await password.fill('not the password')
      // Enter before the app runs: the form's button is disabled, so nothing is sent and the URL keeps no field.
      await page.keyboard.press('Enter')
      expect(new URL(page.url()).search).toBe('')
      expect(await form.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true)

      release()
      await expect.poll(() => form.getByRole('button', { name: 'Sign in' }).isEnabled(), { timeout: 15_000 }).toBe(true)
      // Taken over: the other language's form is gone, and what was typed and focused stayed.
      expect(await page.locator('.first-screen').count()).toBe(1)
      expect(await username.inputValue()).toBe('alice')
      expect(await password.inputValue()).toBe('not the password')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password')

      await form.getByRole('button', { name: 'Sign in' }).click()
      await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 20_000 }).toContain('Incorrect username or password')
      expect(poolCalls[0]?.target).toBe('AWSCognitoIdentityProviderService.InitiateAuth')
      expect(JSON.parse(poolCalls[0]!.body).AuthParameters.USERNAME).toBe('alice')
      // No hydration mismatch, no CSP refusal, nothing else went wrong on the way.
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('a browser that prefers Japanese gets the Japanese form, with its own ids', async () => {
    const { page, context, problems, release } = await openHeld('ja-JP')
    try {
      const form = visibleForm(page)
      await expect.poll(() => form.getAttribute('data-locale')).toBe('ja')
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja')
      await expect.poll(() => form.getByRole('heading', { level: 1 }).textContent()).toBe('サインイン')
      // Both languages are in the page until the app runs; each label names its own field.
      const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((e) => e.id))
      expect(new Set(ids).size).toBe(ids.length)
      await form.getByLabel('ユーザー名').fill('hanako')
      release()
      await expect.poll(() => form.getByRole('button', { name: 'サインイン' }).isEnabled(), { timeout: 15_000 }).toBe(true)
      expect(await form.getByLabel('ユーザー名').inputValue()).toBe('hanako')
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })

  test('a browser with a stored session never sees the prerendered form', async () => {
    const { page, context, release } = await openHeld('en-US', { [`CognitoIdentityServiceProvider.${POOL.clientId}.LastAuthUser`]: 'alice' })
    try {
      // Before the app's script: nothing of the form is visible (the app checks the session first).
      await page.waitForSelector('#root', { state: 'attached' })
      await expect.poll(() => page.locator('html').getAttribute('data-first-screen')).toBeNull()
      expect(await page.locator('input[name="username"]:visible').count()).toBe(0)
      release()
      // The app renders from scratch: the prerendered forms are removed, whatever it shows next.
      await expect.poll(() => page.locator('.first-screen').count(), { timeout: 15_000 }).toBe(0)
    } finally {
      await context.close()
    }
  })
})

// The guards themselves: each journey relies on them to catch leaks, so prove they catch them.
import type { Browser } from 'playwright-core'
import { launchChromium } from './harness/chromium.ts'
import { Guard } from './harness/guards.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function guardedPage() {
  const context = await browser.newContext()
  const guard = new Guard()
  await guard.attachToContext(context)
  const page = await context.newPage()
  guard.attachToPage(page)
  return { context, page, guard }
}

test('a request to another host is blocked and reported', async () => {
  const { context, page, guard } = await guardedPage()
  await page.goto('data:text/html,<p>offline</p>')
  const outcome = await page.evaluate(() =>
    fetch('https://cognito-idp.us-east-1.amazonaws.com/').then(
      () => 'reached',
      () => 'failed',
    ),
  )
  expect(outcome).toBe('failed')
  guard.allowConsoleError(/ERR_BLOCKED_BY_CLIENT/)
  expect(await guard.problems()).toEqual(['request to a non-local host (blocked): GET https://cognito-idp.us-east-1.amazonaws.com/'])
  await context.close()
})

test('tokens, setup keys and otpauth URIs in the console or a URL are reported; an unexpected console.error too', async () => {
  const { context, page, guard } = await guardedPage()
  guard.addSecret('JBSW Y3DP EHPK 3PXP')
  await page.goto('data:text/html,<p>leaky</p>')
  await page.evaluate(() => {
    console.log('token', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl')
    console.info('key JBSWY3DPEHPK3PXP')
    console.warn('otpauth://totp/x?secret=ABC')
    console.error('something broke')
    history.pushState(null, '', '#key=JBSWY3DPEHPK3PXP')
    window.location.hash = 'key=JBSWY3DPEHPK3PXP'
  })
  const problems = await guard.problems()
  expect(problems.some((p) => p.startsWith('console.log contains a token'))).toBe(true)
  expect(problems.some((p) => p.startsWith('console.info contains a setup key'))).toBe(true)
  expect(problems.some((p) => p.startsWith('console.warning contains an otpauth URI'))).toBe(true)
  expect(problems).toContain('unexpected console.error: something broke')
  expect(problems.some((p) => p.startsWith('a URL contains a setup key'))).toBe(true)
  await context.close()
})

test('an uncaught error fails; an expected console.error does not', async () => {
  const { context, page, guard } = await guardedPage()
  await page.goto('data:text/html,<p>errors</p>')
  guard.allowConsoleError(/expected trouble/)
  await page.evaluate(() => {
    console.error('expected trouble')
    setTimeout(() => {
      throw new Error('boom')
    })
  })
  await page.waitForTimeout(100)
  const problems = await guard.problems()
  expect(problems).toHaveLength(1)
  expect(problems[0]).toMatch(/^uncaught error in the page: Error: boom/)
  await context.close()
})

test('a Content-Security-Policy violation is reported even when console errors are allowed', async () => {
  const { context, page, guard } = await guardedPage()
  const policy = "default-src 'self'; style-src 'self'; script-src 'self' 'unsafe-inline'"
  await page.goto(`data:text/html,<meta http-equiv="Content-Security-Policy" content="${policy}"><p>strict</p>`)
  guard.allowConsoleError(/./)
  await page.evaluate(() => {
    // What Amplify UI's ThemeProvider did: a <style> element written at run time.
    const style = document.createElement('style')
    style.textContent = 'p { color: red }'
    document.head.append(style)
    // React's style={} sets element.style from script: CSP allows it.
    document.querySelector('p')!.style.color = 'blue'
  })
  await expect.poll(() => guard.cspViolations.length).toBe(1)
  expect(await guard.problems()).toEqual([expect.stringMatching(/^Content-Security-Policy violation: style-src-elem blocked inline/)])
  await context.close()
})

test("an unexpected refusal by the pool names the operation, the app client and Cognito's error type", async () => {
  const { context, page, guard } = await guardedPage()
  // The local pool's answer to a user it does not have (CORS as the emulator answers it).
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' }
  await page.route('http://127.0.0.1:9/', (route) =>
    route.request().method() === 'OPTIONS'
      ? route.fulfill({ status: 204, headers: cors })
      : route.fulfill({
          status: 400,
          headers: { ...cors, 'content-type': 'application/x-amz-json-1.1' },
          body: JSON.stringify({ __type: 'UserNotFoundException', message: 'User does not exist.' }),
        }),
  )
  await page.goto('data:text/html,<p>sign-in</p>')
  await page.evaluate(() =>
    fetch('http://127.0.0.1:9/', {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth', 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ AuthFlow: 'USER_SRP_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'noah' } }),
    }),
  )
  await expect.poll(() => guard.consoleEntries.some((entry) => entry.type === 'error')).toBe(true)
  expect(await guard.problems()).toEqual([
    expect.stringMatching(/^unexpected console.error: Failed to load resource: .*400/),
    'the pool refused: InitiateAuth (ClientId client1) → 400 UserNotFoundException',
  ])
  await context.close()
})

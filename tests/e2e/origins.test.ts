// A hostile page on another origin (here another port of this machine, as any site the developer
// browses could be) tries to drive the local pool while the app runs (ADR 014): read the users,
// create one, take over alice's password, move the clock. Straight at the pool, and through the
// app's own /local-cognito proxy. None of it may work; the app, on its origin, still signs in.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { AdminGetUserCommand, AdminInitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider'
import { setupE2E } from './harness.ts'
import { ui } from './steps.ts'

const e2e = setupE2E()

let elsewhere: Server
let elsewhereUrl: string

beforeAll(async () => {
  // A page with no CSP of its own: it may fetch anything, as a hostile site would.
  elsewhere = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end('<!doctype html><title>Another site</title><p>elsewhere</p>')
  })
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`
})

afterAll(async () => {
  await new Promise((resolve) => elsewhere?.close(resolve))
})

type Attempt = { route: string; listed: boolean }

/** In the page: ListUsers, AdminCreateUser, AdminSetUserPassword and a clock move against `base`; what the page could read. */
function attack(page: Page, base: string, pool: { userPoolId: string }, tag: string, advanceMs: number): Promise<Attempt> {
  return page.evaluate(
    async ({ base, userPoolId, tag, advanceMs }) => {
      const call = (operation: string, input: object) =>
        fetch(base, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
          body: JSON.stringify(input),
        }).then(
          async (response) => (response.ok ? ((await response.json()) as Record<string, unknown>) : undefined),
          () => undefined,
        )
      const users = await call('ListUsers', { UserPoolId: userPoolId })
      await call('AdminCreateUser', { UserPoolId: userPoolId, Username: `mallory-${tag}`, MessageAction: 'SUPPRESS' })
      await call('AdminSetUserPassword', { UserPoolId: userPoolId, Username: 'alice', Password: `Taken-over-${tag}-1!`, Permanent: true })
      // A "simple" request: a browser sends it without asking first, and cannot read the answer.
      await fetch(`${base}_local/clock`, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ advanceMs }) }).catch(() => undefined)
      return { route: base, listed: Array.isArray(users?.Users) }
    },
    { base, userPoolId: pool.userPoolId, tag, advanceMs },
  )
}

test('a page on another origin can do nothing with the pool, directly or through the app’s proxy; the app still signs in', async () => {
  const { emulator } = e2e
  const pool = emulator.pools.optional
  const session = await e2e.openApp()
  const { page, guard } = session
  // What Chromium prints for the refused requests.
  guard.allowConsoleError(/CORS policy|net::ERR_FAILED|status of 403/)

  const exists = async (name: string) =>
    emulator.admin.send(new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: name })).then(
      () => true,
      () => false,
    )
  const signsIn = async (password: string) =>
    emulator.admin
      .send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.userPoolId,
          ClientId: pool.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'alice', PASSWORD: password },
        }),
      )
      .then(
        () => true,
        () => false,
      )
  /** Each attempt's effect, checked from outside the browser right after the attack on `route`. */
  const attackOn = async (route: string, base: string): Promise<[string, boolean][]> => {
    const clockBefore = await emulator.now()
    const { listed } = await attack(page, base, pool, route, 3_600_000)
    return [
      [`ListUsers read (${route})`, listed],
      [`AdminCreateUser (${route})`, await exists(`mallory-${route}`)],
      [`AdminSetUserPassword on alice (${route})`, await signsIn(`Taken-over-${route}-1!`)],
      [`clock moved by a text/plain POST (${route})`, (await emulator.now()) - clockBefore >= 3_600_000],
    ]
  }

  await page.goto(elsewhereUrl)
  const outcomes = [...(await attackOn('direct', `${emulator.url}/`)), ...(await attackOn('proxy', `${e2e.appUrl}local-cognito/`))]
  const succeeded = outcomes.filter(([, done]) => done)
  console.log(
    `origins: ${succeeded.length} of ${outcomes.length} attempts from another origin succeeded${succeeded.map(([name]) => `\n  - ${name}`).join('')}`,
  )
  expect(succeeded.map(([name]) => name)).toEqual([])
  // alice's password is her own still.
  expect(await signsIn('Alice-demo-2026!')).toBe(true)

  // The app, on its own origin, works: it reads its pools and signs in through the proxy.
  await page.goto(e2e.appUrl)
  const app = ui(session)
  const user = await emulator.createUser('carol')
  await app.signIn(user)
  await app.expectSignedIn(user)
  // Even the app's origin may not call the operations that need IAM credentials (it never does).
  const adminFromApp = await page.evaluate(async (userPoolId) => {
    const response = await fetch('/local-cognito/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminCreateUser' },
      body: JSON.stringify({ UserPoolId: userPoolId, Username: 'mallory-app', MessageAction: 'SUPPRESS' }),
    })
    return { status: response.status, type: ((await response.json()) as { __type?: string }).__type }
  }, pool.userPoolId)
  console.log(`origins: AdminCreateUser from the app's own origin answered ${adminFromApp.status} ${adminFromApp.type ?? ''}`)
  expect(adminFromApp).toEqual({ status: 403, type: 'ForbiddenException' })
  expect(await exists('mallory-app')).toBe(false)
})

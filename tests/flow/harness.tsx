/// <reference types="vite/client" />
// (The app's modules use import.meta.env and import.meta.glob; tsconfig.node.json checks tests.)
// Shared set-up for the flow tests: the real <App> with the real aws-amplify (the app's own
// lazily loaded gateway) against a fresh local user pool on port 0, in jsdom. Users are created
// over the emulator's wire API with the AWS SDK; codes come from the setup key on screen via an
// independent TOTP implementation (tests/support/phone-totp.ts), at the emulator's clock.
import {
  AdminCreateUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { act, cleanup, render, screen, waitFor, type RenderResult } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { signOut } from 'aws-amplify/auth'
import { StrictMode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi, type MockInstance } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock, type TestClock } from '../../emulator/state/clock.ts'
import { App, type AppProps } from '../../src/app/app.tsx'
import type { SupportContact, TokenStorage } from '../../src/config/app-config.ts'
import type { Locale } from '../../src/i18n/locale.ts'
import { createConfirmedUser, sdkClient, uniqueName } from '../contract/harness.ts'
import { textFor } from '../support/catalog.ts'
import { phoneCode } from '../support/phone-totp.ts'

export { wrongCode } from '../contract/harness.ts'

/** One TOTP time step: a step's code is accepted only once. */
export const STEP_MS = 30_000
/** Meets the demo pools' password policy. */
export const PASSWORD = 'Flow-test-2026!'

export type FlowEmulator = {
  emulator: RunningEmulator
  /** The emulator's clock: real time plus an offset the test moves. */
  clock: TestClock
  pool(kind: 'optional' | 'required'): { userPoolId: string; clientId: string }
  /** A confirmed user with a permanent password (and an email) in the given pool. */
  createUser(kind: 'optional' | 'required', username?: string): Promise<{ username: string; password: string }>
  /** The code the user's phone shows now for this setup key, by the emulator's clock. */
  code(setupKey: string): string
  /**
   * A confirmed user of the MFA-optional pool with a phone number and SMS MFA enabled (not
   * preferred), as an administrator would create one; SMS is turned on for the pool too (the demo
   * pools are TOTP-only; only users with a phone number notice).
   */
  createSmsUser(username?: string): Promise<{ username: string; password: string }>
  /** The SMS code the local pool printed for this user last (where a real one sends a text message). */
  smsCode(username: string): string
  /** The confirmation code the local pool printed for a newly signed-up user. */
  confirmationCode(username: string): string
  /** The password-reset code the local pool printed for this user last (where a real one sends mail). */
  resetCode(username: string): string
  /** AdminResetUserPassword, as an administrator would call it with the SDK. */
  adminResetPassword(kind: 'optional' | 'required', username: string): Promise<void>
  /** Moves the emulator to the next 30-second step and returns that step's code (a step is accepted once). */
  nextCode(setupKey: string): string
  /**
   * The operations the pool received (by name, in order of arrival) while `run` ran, and for
   * `settleMs` after it: a call made after the screen a step ends on (a status read, a list) counts too.
   */
  operationsDuring(run: () => Promise<void>, settleMs?: number): Promise<string[]>
}

/**
 * A fresh emulator per test file; local and session storage cleared and Amplify signed out around every test;
 * an unexpected console.error fails the test.
 */
export function setupFlowTests(): FlowEmulator {
  const clock = createTestClock()
  let emulator: RunningEmulator | undefined
  let sdk: ReturnType<typeof sdkClient> | undefined
  let consoleError: MockInstance<typeof console.error>
  // What the emulator prints in the terminal of `npm start` (confirmation codes).
  const logs: string[] = []
  // What reached the pool, by operation name, for operationsDuring.
  const arrived: string[] = []
  // Real SRP, real HTTP and lazily loaded chunks: a journey takes a few seconds.
  vi.setConfig({ testTimeout: 30_000 })

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      clock,
      log: (line) => void logs.push(line),
      onRequest: (request) => void arrived.push(request.operation ?? `${request.method} ${request.path}`),
    })
    sdk = sdkClient(emulator.url)
  })
  afterAll(async () => {
    sdk?.destroy()
    await emulator?.close()
  })
  beforeEach(() => {
    localStorage.clear()
    sessionStorage.clear()
    consoleError = vi.spyOn(console, 'error')
  })
  afterEach(async () => {
    const errors = consoleError.mock.calls.map((args) => args.map(String).join(' '))
    consoleError.mockRestore()
    // Whatever the test left behind (a mounted app, tokens, a half-finished challenge) must not
    // leak into the next, also when the check below fails.
    cleanup()
    await signOut().catch(() => {})
    localStorage.clear()
    sessionStorage.clear()
    expect(errors, 'console.error during the test').toEqual([])
  })

  const running = () => {
    if (!emulator) throw new Error('the emulator is not running (use inside a test)')
    return emulator
  }
  const pool = (kind: 'optional' | 'required') => {
    const found = running()
      .pools()
      .find((p) => p.mfaConfiguration === (kind === 'required' ? 'ON' : 'OPTIONAL'))
    if (!found) throw new Error(`no ${kind} pool in the emulator`)
    return { userPoolId: found.userPoolId, clientId: found.clientId }
  }

  return {
    get emulator() {
      return running()
    },
    clock,
    pool,
    async createUser(kind, username = uniqueName('flow')) {
      await createConfirmedUser(sdk!, pool(kind).userPoolId, username, PASSWORD, `user${Math.random().toString(36).slice(2)}@example.com`)
      return { username, password: PASSWORD }
    },
    async createSmsUser(username = uniqueName('flow')) {
      const { userPoolId } = pool('optional')
      await sdk!.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: userPoolId,
          SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/local-sms' } },
        }),
      )
      await sdk!.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: username,
          TemporaryPassword: PASSWORD,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'phone_number', Value: '+15555551234' },
            { Name: 'phone_number_verified', Value: 'true' },
          ],
        }),
      )
      await sdk!.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: PASSWORD, Permanent: true }))
      await sdk!.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: userPoolId, Username: username, SMSMfaSettings: { Enabled: true } }))
      return { username, password: PASSWORD }
    },
    smsCode(username) {
      const line = logs.findLast((l) => l.startsWith(`SMS code for ${username} (`))
      const code = line?.match(/: (\d{6})$/)?.[1]
      if (!code) throw new Error(`the emulator printed no SMS code for ${username}`)
      return code
    },
    code: (setupKey) => phoneCode(setupKey, clock.now()),
    confirmationCode(username) {
      const line = logs.findLast((l) => l.startsWith(`Confirmation code for ${username}`))
      const code = line?.match(/: (\d+)$/)?.[1]
      if (!code) throw new Error(`the emulator printed no confirmation code for ${username}`)
      return code
    },
    resetCode(username) {
      const line = logs.findLast((l) => l.startsWith(`Password reset code for ${username} <`))
      const code = line?.match(/: (\d{6})$/)?.[1]
      if (!code) throw new Error(`the emulator printed no password reset code for ${username}`)
      return code
    },
    async adminResetPassword(kind, username) {
      await sdk!.send(new AdminResetUserPasswordCommand({ UserPoolId: pool(kind).userPoolId, Username: username }))
    },
    nextCode(setupKey) {
      clock.advance(STEP_MS)
      return phoneCode(setupKey, clock.now())
    },
    async operationsDuring(run, settleMs = 500) {
      const from = arrived.length
      await run()
      // In act: what the page does meanwhile (a late answer, the history's popstate) is part of the wait.
      await act(() => new Promise((resolve) => setTimeout(resolve, settleMs)))
      return arrived.slice(from)
    },
  }
}

/** The catalog text a screen shows, in either language (every area's; the app has only what each screen brings). */
export { textFor }

export type RenderedApp = RenderResult & { user: UserEvent; t: ReturnType<typeof textFor> }

/** Renders the whole app against one of the emulator's pools, with the real Amplify gateway. */
export function renderApp(
  env: FlowEmulator,
  kind: 'optional' | 'required',
  {
    locale = 'en',
    appName,
    tokenStorage,
    support,
    strict = false,
    rememberedLocale = false,
    ...props
  }: {
    /** The language the app starts in, and the one `t` answers in. */
    locale?: Locale
    appName?: string
    /** Where Amplify keeps the tokens (ADR 010); absent: localStorage, as by default. */
    tokenStorage?: TokenStorage
    /** The support contact the sign-in help names, as VITE_SUPPORT_URL / VITE_SUPPORT_EMAIL would set it. */
    support?: SupportContact
    strict?: boolean
    /** Let the app pick the language itself (the remembered choice), as on a real page load. */
    rememberedLocale?: boolean
  } & Omit<AppProps, 'config' | 'initialLocale' | 'createGateway'> = {},
): RenderedApp {
  const { userPoolId, clientId } = env.pool(kind)
  const app = (
    <App
      config={{
        mode: 'explicit',
        userPoolId,
        userPoolClientId: clientId,
        endpoint: `${env.emulator.url}/`,
        mfaRequired: kind === 'required',
        appName,
        tokenStorage,
        support,
      }}
      initialLocale={rememberedLocale ? undefined : locale}
      {...props}
    />
  )
  // StrictMode as in src/main.tsx (development): effects run twice, components remount once.
  const result = render(strict ? <StrictMode>{app}</StrictMode> : app)
  return { ...result, user: userEvent.setup(), t: textFor(locale) }
}

/** What a person does on the app's screens, by role, label and visible text. */
export function ui({ user, t }: Pick<RenderedApp, 'user' | 't'>) {
  return {
    async signIn(username: string, password: string) {
      const name = await screen.findByLabelText(t('signIn.username'))
      await user.clear(name)
      await user.type(name, username)
      await user.type(screen.getByLabelText(t('signIn.password')), password)
      await user.click(screen.getByRole('button', { name: t('signIn.submit') }))
    },
    async expectSignedIn(accountName: string) {
      expect(await screen.findByRole('heading', { name: t('account.title'), level: 1 }, { timeout: 10_000 })).toBeInTheDocument()
      expect(screen.getByText(t('account.signedInAs', { name: accountName }))).toBeInTheDocument()
    },
    /** The badge on the authenticator-app setting as it reads, "Status: On" / "状態: オン". */
    async findTotpStatus(on: boolean) {
      return screen.findByText(exactText(`${t('security.totp.statusLabel')}: ${t(on ? 'security.totp.on' : 'security.totp.off')}`), undefined, {
        timeout: 10_000,
      })
    },
    /** The setup key as a person reads it off the screen, without the spaces between groups. */
    async readSetupKey(): Promise<string> {
      const shown = (await screen.findByRole('group', { name: t('totp.keyLabel') }, { timeout: 10_000 })).textContent ?? ''
      const key = shown.replace(/\s+/g, '')
      expect(key, 'the setup key on screen').toMatch(/^[A-Z2-7]{16,}$/)
      return key
    },
    /**
     * On the account page: sets up the authenticator app with the key and the code the phone
     * shows now, and waits until the page says it is on. Returns the setup key and the code used.
     * With `deviceName`, names the authenticator first (the form has no default name).
     */
    async enrollFromSettings(env: FlowEmulator, deviceName?: string): Promise<{ key: string; usedCode: string }> {
      await user.click(await screen.findByRole('button', { name: t('security.setUp') }, { timeout: 10_000 }))
      const key = await this.readSetupKey()
      if (deviceName) await user.type(screen.getByLabelText(t('totp.deviceLabel')), deviceName)
      const usedCode = env.code(key)
      await user.type(screen.getByLabelText(t('totp.codeLabel')), usedCode)
      await screen.findByText(t('security.notice.enabled'), undefined, { timeout: 10_000 })
      return { key, usedCode }
    },
    async signOut() {
      await user.click(await screen.findByRole('button', { name: t('account.signOut') }))
      await screen.findByRole('heading', { name: t('signIn.title') })
    },
    /** Waits for the TOTP step of sign-in and types a code into it (it submits by itself). */
    async enterSignInCode(code: string) {
      const field = await screen.findByLabelText(t('signIn.totp.label'), undefined, { timeout: 10_000 })
      await waitFor(() => expect(field).toBeEnabled())
      await user.type(field, code)
    },
  }
}

/** A user of the MFA-optional pool with the authenticator app set up from settings, signed out again. */
export async function enrolledUser(env: FlowEmulator, app: Pick<RenderedApp, 'user' | 't'>) {
  const { username, password } = await env.createUser('optional')
  const steps = ui(app)
  await steps.signIn(username, password)
  await steps.expectSignedIn(username)
  const { key, usedCode } = await steps.enrollFromSettings(env)
  await steps.signOut()
  return { username, password, key, usedCode }
}

/**
 * Matches the element whose whole text (across its child elements, e.g. visually hidden parts)
 * is `text`: the innermost one, not its ancestors.
 */
export function exactText(text: string) {
  return (_content: string, element: Element | null) =>
    element?.textContent === text && !Array.from(element.children).some((child) => child.textContent === text)
}

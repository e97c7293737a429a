// What a person does and sees, in their language: every query is by role, label or visible
// text taken from the app's own catalogs.
import type { Locator } from 'playwright-core'
import type { MessageKey } from '../../src/i18n/areas.ts'
import type { AppSession, TestUser } from './harness.ts'
import { decodeQrCode } from './harness/qr.ts'
import { text } from './harness/texts.ts'

export type Ui = ReturnType<typeof ui>

export function ui(session: AppSession) {
  const { page, lang, guard } = session
  const t = (key: MessageKey, vars?: Record<string, string | number>) => text(lang, key, vars)
  return {
    t,
    page,
    signInHeading: () => page.getByRole('heading', { name: t('signIn.title'), level: 1 }),
    usernameField: () => page.getByLabel(t('signIn.username'), { exact: true }),
    passwordField: () => page.getByLabel(t('signIn.password'), { exact: true }),
    totpHeading: () => page.getByRole('heading', { name: t('signIn.totp.title') }),
    totpField: () => page.getByLabel(t('signIn.totp.label'), { exact: true }),
    setupDuringSignInHeading: () => page.getByRole('heading', { name: t('signIn.setup.title') }),
    accountHeading: () => page.getByRole('heading', { name: t('account.title'), level: 1 }),
    setupHeading: () => page.getByRole('heading', { name: t('totp.title'), level: 2 }),
    setupCodeField: () => page.getByLabel(t('totp.codeLabel'), { exact: true }),
    qrCode: (account: string) => page.getByRole('img', { name: t('totp.qrLabel', { account }) }),
    setupKey: () => page.getByRole('group', { name: t('totp.keyLabel') }),
    /** The badge on the authenticator-app setting: "Status: On" / "状態: オン". */
    totpStatus: (on: boolean) =>
      page.getByText(`${t('security.totp.statusLabel')}: ${on ? t('security.totp.on') : t('security.totp.off')}`, { exact: true }),
    button: (key: MessageKey) => page.getByRole('button', { name: t(key), exact: true }),
    alert: (key: MessageKey) => page.getByRole('alert').filter({ hasText: t(key) }),
    textOf: (key: MessageKey, vars?: Record<string, string | number>) => page.getByText(t(key, vars), { exact: true }),

    /** The local pool's picker on the sign-in screen: "MFA optional" or "MFA required". */
    async choosePool(pool: 'optional' | 'required') {
      await page
        .getByRole('group', { name: t('app.pool.label') })
        .getByRole('radio', { name: t(pool === 'required' ? 'app.pool.required' : 'app.pool.optional') })
        .check()
    },

    /** Signs in with username and password (after picking the demo pool, when given). */
    async signIn(user: TestUser, { pool }: { pool?: 'optional' | 'required' } = {}) {
      await visible(this.signInHeading())
      if (pool) await this.choosePool(pool)
      await this.usernameField().fill(user.username)
      await this.passwordField().fill(user.password)
      await this.button('signIn.submit').click()
    },

    async expectSignedIn(user: TestUser) {
      await visible(this.accountHeading())
      await visible(this.textOf('account.signedInAs', { name: user.username }))
    },

    /** The setup key as a person reads it off the screen (groups of four), without the spaces. */
    async readSetupKey(): Promise<string> {
      const shown = (await this.setupKey().textContent()) ?? ''
      const key = shown.replace(/\s+/g, '')
      if (!/^[A-Z2-7]{16,}$/.test(key)) throw new Error(`The setup key on screen does not look like base32: ${shown}`)
      guard.addSecret(key)
      return key
    },

    /** What a phone's camera reads from the QR code on screen. */
    async scanQrCode(account: string): Promise<URL> {
      return new URL(await decodeQrCode(this.qrCode(account)))
    },

    async signOut() {
      await this.button('account.signOut').click()
      await visible(this.signInHeading())
    },
  }
}

/** Waits until the element is on screen (fails the test after the context's default timeout). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible' })
  return locator
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement)
}

/** A 6-digit code that is none of the codes the pool accepts now (it allows one step either side). */
export function wrongCode(validCodes: string[]): string {
  for (let n = 123456; ; n = (n + 111111) % 1_000_000) {
    const code = String(n).padStart(6, '0')
    if (!validCodes.includes(code)) return code
  }
}

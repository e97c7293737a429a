import { StrictMode, type ReactElement } from 'react'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { catalog, format, type Locale, type MessageKey } from '../../i18n/catalog.ts'
import { I18nProvider } from '../../i18n/i18n-provider.tsx'
import type { EnrollmentDriver } from './enrollment-driver.ts'
import { buildOtpauthUri } from './otpauth-uri.ts'
import { TotpEnrollment, type TotpEnrollmentProps } from './totp-enrollment.tsx'

const secrets = ['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF']
const groupedFirst = 'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP'
const groupedSecond = 'KRUG S4ZA NFZS AYJA ORSX G5BA ONSW G4TF'
const validCode = '123456'
const account = 'alice@example.com'
const issuer = 'Cognito TOTP'

/** An error as Amplify throws it: Cognito's __type in `name`, text that must never be shown. */
const amplifyError = (name: string) => Object.assign(new Error(`raw ${name} text from the service`), { name })

type FakeOptions = {
  withActivate?: boolean
  beginErrors?: Error[]
  verifyErrors?: Error[]
  activateErrors?: Error[]
  /** begin() waits until release() is called. */
  holdBegin?: boolean
}

function createFakeDriver({ withActivate = true, beginErrors = [], verifyErrors = [], activateErrors = [], holdBegin = false }: FakeOptions = {}) {
  const calls = { begin: 0, verify: [] as Array<[string, string]>, activate: 0 }
  let issued = 0
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  const driver: EnrollmentDriver = {
    async begin() {
      calls.begin += 1
      if (holdBegin) await held
      const error = beginErrors.shift()
      if (error) throw error
      return { secret: secrets[issued++ % secrets.length] }
    },
    async verify(code, deviceName) {
      calls.verify.push([code, deviceName])
      const error = verifyErrors.shift()
      if (error) throw error
      if (code !== validCode) throw amplifyError('EnableSoftwareTokenMFAException')
    },
  }
  if (withActivate) {
    driver.activate = async () => {
      calls.activate += 1
      const error = activateErrors.shift()
      if (error) throw error
    }
  }
  return { driver, calls, release: () => act(async () => release()) }
}

function renderEnrollment(
  locale: Locale,
  props: Partial<TotpEnrollmentProps> & { driver: EnrollmentDriver },
  { strict = false } = {},
) {
  const onEnrolled = vi.fn()
  const onCancel = vi.fn()
  const ui = (p: typeof props): ReactElement => {
    const tree = (
      <I18nProvider initialLocale={locale}>
        <TotpEnrollment accountName={account} issuer={issuer} onEnrolled={onEnrolled} onCancel={onCancel} {...p} />
      </I18nProvider>
    )
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
  const result = render(ui(props))
  return { onEnrolled, onCancel, ...result, rerenderWith: (p: typeof props) => result.rerender(ui(p)) }
}

const textsFor = (locale: Locale) => (key: MessageKey, vars?: Record<string, string | number>) =>
  format(catalog[locale][key], vars)

beforeEach(() => {
  // toAuthFailure writes the raw error to the debug console by design; keep test output quiet.
  vi.spyOn(console, 'debug').mockImplementation(() => {})
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe.each<Locale>(['en', 'ja'])('TotpEnrollment (%s)', (locale) => {
  const t = textsFor(locale)
  const codeField = () => screen.getByLabelText(t('totp.codeLabel'))
  const verifyButton = () => screen.getByRole('button', { name: t('totp.verify') })
  /** Waits for the code form (the secret has arrived). */
  const ready = () => screen.findByLabelText(t('totp.keyLabel'))

  test('while the key is on its way: a heading with focus and a loading message, nothing to scan yet', async () => {
    const { driver, release } = createFakeDriver({ holdBegin: true })
    renderEnrollment(locale, { driver })
    const heading = screen.getByRole('heading', { level: 2, name: t('totp.title') })
    expect(heading).toHaveFocus()
    expect(screen.getByText(t('totp.loading'))).toBeVisible()
    expect(screen.queryByLabelText(t('totp.keyLabel'))).not.toBeInTheDocument()
    await release()
    expect(await ready()).toBeVisible()
    expect(screen.queryByText(t('totp.loading'))).not.toBeInTheDocument()
  })

  test('shows the QR code (named without the secret), the grouped key, the app preview and the link', async () => {
    const { driver, calls } = createFakeDriver()
    renderEnrollment(locale, { driver })

    expect(await ready()).toHaveTextContent(groupedFirst)
    expect(screen.getByRole('heading', { level: 3, name: new RegExp(t('totp.step1')) })).toBeVisible()
    expect(screen.getByRole('heading', { level: 3, name: new RegExp(t('totp.step2')) })).toBeVisible()

    const qr = await screen.findByRole('img', { name: t('totp.qrLabel', { account }) })
    const qrName = qr.getAttribute('aria-label') ?? ''
    expect(qrName).not.toContain(secrets[0])
    for (const group of groupedFirst.split(' ')) expect(qrName).not.toContain(group)
    expect(qr.querySelector('title')).toBeNull()

    const link = screen.getByRole('link', { name: t('totp.openInApp') })
    expect(link).toHaveAttribute('href', buildOtpauthUri({ secret: secrets[0], issuer, accountName: account }))
    expect(link.getAttribute('href')).toBe(
      'otpauth://totp/Cognito%20TOTP:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Cognito%20TOTP',
    )

    const preview = screen.getByRole('figure', { name: t('totp.previewCaption') })
    expect(within(preview).getByText(issuer)).toBeVisible()
    expect(within(preview).getByText(account)).toBeVisible()

    expect(screen.getByLabelText(t('totp.deviceLabel'))).toHaveValue(t('totp.deviceDefault'))
    expect(codeField()).toHaveAttribute('autocomplete', 'one-time-code')
    expect(codeField()).toHaveAccessibleDescription(t('totp.codeHint', { issuer }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.queryByRole('timer')).not.toBeInTheDocument()
    expect(calls.begin).toBe(1)
  })

  test('a wrong code says so, clears the field and keeps focus there; the right code then turns the app on', async () => {
    const user = userEvent.setup()
    const { driver, calls } = createFakeDriver()
    const { onEnrolled } = renderEnrollment(locale, { driver })
    await ready()

    await user.type(codeField(), '000000')
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.wrong-code'))
    expect(screen.queryByText(/raw .* text/)).not.toBeInTheDocument()
    expect(codeField()).toHaveValue('')
    expect(codeField()).toHaveFocus()
    expect(codeField()).toHaveAttribute('aria-invalid', 'true')
    expect(screen.queryByText(t('totp.helpTitle'))).not.toBeInTheDocument()

    await user.type(codeField(), validCode)
    expect(await screen.findByRole('heading', { level: 2, name: t('totp.enrolledTitle') })).toHaveFocus()
    expect(screen.getByRole('status')).toHaveTextContent(t('totp.enrolled', { issuer }))
    expect(calls.verify).toEqual([
      ['000000', t('totp.deviceDefault')],
      [validCode, t('totp.deviceDefault')],
    ])
    expect(calls.activate).toBe(1)
    expect(onEnrolled).toHaveBeenCalledTimes(1)
    expect(calls.begin).toBe(1)
  })

  test('after two wrong codes, explains the phone clock and the standard settings', async () => {
    const user = userEvent.setup()
    const { driver } = createFakeDriver()
    renderEnrollment(locale, { driver })
    await ready()

    await user.type(codeField(), '000000')
    await screen.findByRole('alert')
    expect(screen.queryByText(t('totp.helpClock'))).not.toBeInTheDocument()
    await user.type(codeField(), '111111')
    expect(await screen.findByText(t('totp.helpTitle'))).toBeVisible()
    expect(screen.getByText(t('totp.helpClock'))).toBeVisible()
    expect(screen.getByText(t('totp.helpSettings'))).toHaveTextContent(/SHA-1.*6.*30/)
    expect(codeField()).toHaveAccessibleDescription(new RegExp(t('totp.helpTitle').replace('?', '\\?')))
  })

  test('verified but switching on failed: says so plainly, and the retry switches on without verifying again', async () => {
    const user = userEvent.setup()
    const { driver, calls } = createFakeDriver({ activateErrors: [amplifyError('NetworkError')] })
    const { onEnrolled } = renderEnrollment(locale, { driver })
    await ready()

    await user.type(codeField(), validCode)
    const heading = await screen.findByRole('heading', { level: 2, name: t('totp.activationFailedTitle') })
    expect(heading).toHaveFocus()
    expect(screen.getByText(t('totp.activationFailed'))).toBeVisible()
    expect(screen.getByRole('alert')).toHaveTextContent(t('failure.offline'))
    expect(screen.queryByText(t('totp.enrolledTitle'))).not.toBeInTheDocument()
    expect(screen.queryByLabelText(t('totp.codeLabel'))).not.toBeInTheDocument()
    expect(onEnrolled).not.toHaveBeenCalled()

    await user.click(screen.getByRole('button', { name: t('totp.retryActivation') }))
    expect(await screen.findByRole('heading', { level: 2, name: t('totp.enrolledTitle') })).toBeVisible()
    expect(calls.verify).toHaveLength(1)
    expect(calls.activate).toBe(2)
    expect(onEnrolled).toHaveBeenCalledTimes(1)
  })

  test('a network failure while verifying: a clear message, and retrying uses the same key', async () => {
    const user = userEvent.setup()
    const { driver, calls } = createFakeDriver({ verifyErrors: [amplifyError('NetworkError')] })
    renderEnrollment(locale, { driver })
    await ready()

    await user.type(codeField(), validCode)
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.offline'))
    // The code was never checked, so it stays for a retry; the key on screen is unchanged.
    expect(codeField()).toHaveValue(validCode)
    expect(codeField()).not.toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText(t('totp.keyLabel'))).toHaveTextContent(groupedFirst)

    await user.click(verifyButton())
    expect(await screen.findByRole('heading', { level: 2, name: t('totp.enrolledTitle') })).toBeVisible()
    expect(calls.begin).toBe(1)
    expect(calls.verify).toEqual([
      [validCode, t('totp.deviceDefault')],
      [validCode, t('totp.deviceDefault')],
    ])
  })

  test('has no accessibility violations axe can find, with the code form and after a wrong code', async () => {
    const user = userEvent.setup()
    const { driver } = createFakeDriver()
    const { container } = renderEnrollment(locale, { driver, replacing: true, deadline: Date.now() + 120_000 })
    await ready()
    await screen.findByRole('img', { name: t('totp.qrLabel', { account }) })
    const check = async () => {
      // jsdom has no layout, so contrast cannot be measured here.
      // Inside act: the countdown ticks while axe works.
      const results = await act(() => axe.run(container, { rules: { 'color-contrast': { enabled: false } } }))
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([])
    }
    await check()
    await user.type(codeField(), '000000')
    await screen.findByRole('alert')
    await user.type(codeField(), '000000')
    await screen.findByText(t('totp.helpTitle'))
    await check()
  })

  test('under StrictMode the key is requested once', async () => {
    const { driver, calls } = createFakeDriver()
    renderEnrollment(locale, { driver }, { strict: true })
    expect(await ready()).toHaveTextContent(groupedFirst)
    await screen.findByRole('img', { name: t('totp.qrLabel', { account }) })
    expect(calls.begin).toBe(1)
  })

  test('leaving and coming back with the same driver shows the same key', async () => {
    const { driver, calls } = createFakeDriver()
    const first = renderEnrollment(locale, { driver })
    await ready()
    first.unmount()
    renderEnrollment(locale, { driver })
    expect(await ready()).toHaveTextContent(groupedFirst)
    expect(calls.begin).toBe(1)
  })

  test('the same driver for a different account never shows the earlier account its key', async () => {
    const { driver, calls } = createFakeDriver()
    const first = renderEnrollment(locale, { driver })
    await ready()
    first.unmount()
    renderEnrollment(locale, { driver, accountName: 'bob@example.com' })
    expect(await ready()).toHaveTextContent(groupedSecond)
    expect(calls.begin).toBe(2)
  })

  test('"start over" is the one way to a new key', async () => {
    const user = userEvent.setup()
    const { driver, calls } = createFakeDriver()
    renderEnrollment(locale, { driver })
    await ready()
    const startOver = screen.getByRole('button', { name: t('totp.startOver') })
    expect(startOver).toHaveAccessibleDescription(t('totp.startOverHint'))
    await user.click(startOver)
    expect(await screen.findByText(groupedSecond)).toBeVisible()
    expect(calls.begin).toBe(2)
    expect(screen.getByRole('link', { name: t('totp.openInApp') }).getAttribute('href')).toContain(secrets[1])
  })

  test('when the key cannot be fetched: the reason, and trying again', async () => {
    const user = userEvent.setup()
    const { driver, calls } = createFakeDriver({ beginErrors: [amplifyError('TooManyRequestsException')] })
    renderEnrollment(locale, { driver })
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.too-many-attempts'))
    await user.click(screen.getByRole('button', { name: t('common.tryAgain') }))
    expect(await ready()).toHaveTextContent(groupedFirst)
    expect(calls.begin).toBe(2)
  })

  test('replacing an authenticator warns that the old one stops working', async () => {
    const { driver } = createFakeDriver()
    const { rerenderWith } = renderEnrollment(locale, { driver, replacing: true })
    await ready()
    expect(screen.getByText(t('totp.replacingWarning'))).toBeVisible()
    rerenderWith({ driver, replacing: false })
    expect(screen.queryByText(t('totp.replacingWarning'))).not.toBeInTheDocument()
  })

  test('the device name the user gives is sent with the code', async () => {
    const user = userEvent.setup()
    const { driver, calls } = createFakeDriver()
    renderEnrollment(locale, { driver })
    await ready()
    const name = screen.getByLabelText(t('totp.deviceLabel'))
    expect(name).toHaveAttribute('maxlength', '64')
    await user.clear(name)
    await user.type(name, '  Work phone ')
    await user.type(codeField(), validCode)
    await screen.findByRole('heading', { level: 2, name: t('totp.enrolledTitle') })
    expect(calls.verify).toEqual([[validCode, 'Work phone']])
  })

  test('Verify with a partial code asks for all six digits and sends nothing', async () => {
    const user = userEvent.setup()
    const { driver, calls } = createFakeDriver()
    renderEnrollment(locale, { driver })
    await ready()
    await user.type(codeField(), '123')
    await user.click(verifyButton())
    expect(screen.getByRole('alert')).toHaveTextContent(t('totp.codeIncomplete'))
    expect(calls.verify).toHaveLength(0)
  })

  test('in sign-in (no activation step) a verified code finishes setup', async () => {
    const user = userEvent.setup()
    const { driver, calls } = createFakeDriver({ withActivate: false })
    const { onEnrolled } = renderEnrollment(locale, { driver })
    await ready()
    await user.type(codeField(), validCode)
    expect(await screen.findByRole('heading', { level: 2, name: t('totp.enrolledTitle') })).toBeVisible()
    expect(calls.activate).toBe(0)
    expect(onEnrolled).toHaveBeenCalledTimes(1)
  })

  test('a lapsed session stops further codes and offers to sign in again', async () => {
    const user = userEvent.setup()
    const { driver } = createFakeDriver({ verifyErrors: [amplifyError('NotAuthorizedException')] })
    const { onCancel } = renderEnrollment(locale, { driver, deadline: Date.now() + 120_000 })
    await ready()
    await user.type(codeField(), validCode)
    expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.session-expired'))
    expect(codeField()).toBeDisabled()
    expect(verifyButton()).toBeDisabled()
    await user.click(screen.getByRole('button', { name: t('totp.signInAgain') }))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  test('the copy button copies the bare key and says so', async () => {
    const user = userEvent.setup()
    const { driver } = createFakeDriver()
    renderEnrollment(locale, { driver })
    await ready()
    await user.click(screen.getByRole('button', { name: t('totp.copyKey') }))
    expect(await navigator.clipboard.readText()).toBe(secrets[0])
    expect(screen.getByRole('button', { name: new RegExp(t('totp.copied')) })).toBeVisible()
    expect(screen.getByText(t('totp.copiedStatus'))).toBeVisible()
  })

  test('when copying is not possible, the key is selected and the user is told how to copy it', async () => {
    const user = userEvent.setup()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'))
    const { driver } = createFakeDriver()
    renderEnrollment(locale, { driver })
    await ready()
    await user.click(screen.getByRole('button', { name: t('totp.copyKey') }))
    expect(await screen.findByText(t('totp.copyFailed'))).toBeVisible()
    expect(window.getSelection()?.toString()).toBe(groupedFirst)
  })

  test('on a touch device, "Open in authenticator app" comes first as the main action', async () => {
    vi.stubGlobal(
      'matchMedia',
      (query: string) =>
        ({
          matches: query === '(pointer: coarse)',
          media: query,
          addEventListener: () => {},
          removeEventListener: () => {},
        }) as unknown as MediaQueryList,
    )
    const { driver } = createFakeDriver()
    renderEnrollment(locale, { driver })
    await ready()
    const open = screen.getByRole('link', { name: t('totp.openInApp') })
    expect(screen.getAllByRole('link', { name: t('totp.openInApp') })).toHaveLength(1)
    expect(screen.getByText(t('totp.touchHint'))).toBeVisible()
    const qr = await screen.findByRole('img', { name: t('totp.qrLabel', { account }) })
    expect(open.compareDocumentPosition(qr) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  test('on a desktop, the link is a secondary link after the key', async () => {
    const { driver } = createFakeDriver()
    renderEnrollment(locale, { driver })
    const key = await ready()
    const open = screen.getByRole('link', { name: t('totp.openInApp') })
    expect(key.compareDocumentPosition(open) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(screen.queryByText(t('totp.touchHint'))).not.toBeInTheDocument()
  })

  test('Cancel is offered when the owner allows it', async () => {
    const user = userEvent.setup()
    const { driver } = createFakeDriver()
    const { onCancel } = renderEnrollment(locale, { driver })
    await ready()
    await user.click(screen.getByRole('button', { name: t('common.cancel') }))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  describe('with a sign-in deadline', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
      vi.setSystemTime(new Date('2026-11-24T09:00:00Z'))
    })

    test('counts down, warns in the last minute, and says plainly when time is up', async () => {
      const { driver } = createFakeDriver()
      const { onCancel } = renderEnrollment(locale, { driver, deadline: Date.now() + 90_000 })
      await act(async () => {})
      expect(screen.getByLabelText(t('totp.keyLabel'))).toBeVisible()
      expect(screen.getByRole('timer')).toHaveTextContent(t('totp.deadline', { time: '1:30' }))
      expect(screen.queryByText(t('totp.deadlineSoon'))).not.toBeInTheDocument()

      act(() => vi.advanceTimersByTime(31_000))
      expect(screen.getByRole('timer')).toHaveTextContent(t('totp.deadline', { time: '0:59' }))
      expect(screen.getByText(t('totp.deadlineSoon'))).toBeInTheDocument()

      act(() => vi.advanceTimersByTime(60_000))
      expect(screen.getByRole('heading', { level: 2, name: t('totp.expiredTitle') })).toHaveFocus()
      expect(screen.getByRole('alert')).toHaveTextContent(t('totp.expired'))
      expect(screen.queryByRole('timer')).not.toBeInTheDocument()
      expect(screen.queryByLabelText(t('totp.codeLabel'))).not.toBeInTheDocument()
      expect(screen.queryByLabelText(t('totp.keyLabel'))).not.toBeInTheDocument()
      act(() => screen.getByRole('button', { name: t('totp.signInAgain') }).click())
      expect(onCancel).toHaveBeenCalledTimes(1)
    })

    test('without a deadline there is no countdown', async () => {
      const { driver } = createFakeDriver()
      renderEnrollment(locale, { driver })
      await act(async () => {})
      expect(screen.getByLabelText(t('totp.keyLabel'))).toBeVisible()
      expect(screen.queryByRole('timer')).not.toBeInTheDocument()
    })
  })
})

describe('Japanese, spelled out', () => {
  test('a wrong code is explained in Japanese', async () => {
    const user = userEvent.setup()
    const { driver } = createFakeDriver()
    renderEnrollment('ja', { driver })
    await screen.findByLabelText('セットアップキー')
    await user.type(screen.getByLabelText('6桁のコード'), '000000')
    expect(await screen.findByRole('alert')).toHaveTextContent('コードが一致しません')
    expect(screen.getByRole('button', { name: '確認' })).toBeEnabled()
  })
})

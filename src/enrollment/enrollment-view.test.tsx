import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import { renderWithProviders, textFor } from '../../tests/support/render-with-providers.tsx'
import { enrollmentWithKey } from './enrollment-flow.ts'
import EnrollmentView from './enrollment-view.tsx'

afterEach(() => vi.unstubAllGlobals())

/** A window whose size can change: media queries on width follow `small`. */
function stubScreen(initiallySmall: boolean) {
  let small = initiallySmall
  const listeners = new Set<(event: { matches: boolean }) => void>()
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query.includes('max-width') ? small : false
    },
    addEventListener: (_: string, listener: (event: { matches: boolean }) => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: (event: { matches: boolean }) => void) => listeners.delete(listener),
  }))
  return (nowSmall: boolean) =>
    act(() => {
      small = nowSmall
      for (const listener of [...listeners]) listener({ matches: small })
    })
}

test('the setup key opened on a phone stays open when the phone is turned and back (issue 11, item 12)', async () => {
  const turn = stubScreen(true)
  const t = textFor('en')
  renderWithProviders(<EnrollmentView state={enrollmentWithKey('JBSWY3DPEHPK3PXP')} accountName="ivy" issuer="Cognito TOTP" onSubmitCode={vi.fn()} />)
  const disclosure = screen.getByText(t('totp.cantScan')).closest('details')!
  expect(disclosure.open).toBe(false)
  await userEvent.click(screen.getByText(t('totp.cantScan')))
  expect(disclosure.open).toBe(true)
  turn(false)
  turn(true)
  expect(screen.getByText(t('totp.cantScan')).closest('details')).toBe(disclosure)
  expect(disclosure.open).toBe(true)
})

test('on a wide screen the key is shown open at once', () => {
  stubScreen(false)
  renderWithProviders(<EnrollmentView state={enrollmentWithKey('JBSWY3DPEHPK3PXP')} accountName="ivy" issuer="Cognito TOTP" onSubmitCode={vi.fn()} />)
  expect(screen.getByText(textFor('en')('totp.cantScan')).closest('details')!.open).toBe(true)
})

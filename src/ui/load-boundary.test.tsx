import { screen } from '@testing-library/react'
import { lazy, Suspense } from 'react'
import { expect, test, vi } from 'vitest'
import { LoadBoundary } from './load-boundary.tsx'
import { renderWithProviders, textFor } from '../../tests/support/render-with-providers.tsx'

test.each(['en', 'ja'] as const)('a part of the app that cannot be downloaded shows a message and a retry, not a blank page (%s)', async (locale) => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  const Missing = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')))
  renderWithProviders(
    <LoadBoundary>
      <Suspense fallback={null}>
        <Missing />
      </Suspense>
    </LoadBoundary>,
    { locale },
  )
  const t = textFor(locale)
  expect(await screen.findByRole('alert')).toHaveTextContent(t('failure.unexpected'))
  expect(screen.getByRole('button', { name: t('common.tryAgain') })).toBeInTheDocument()
  expect(error).toHaveBeenCalled()
  error.mockRestore()
})

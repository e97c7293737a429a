import { screen } from '@testing-library/react'
import { beforeEach, expect, test } from 'vitest'
import { renderWithProviders, textFor } from '../../tests/support/render-with-providers.tsx'
import { showTabTitle } from '../ui/document-title.ts'
import { ConfigProblemScreen, LocalPoolProblem } from './config-problem.tsx'

// The app names itself once (app.tsx); each page's title then names the tab (issue 11, item 15).
beforeEach(() => showTabTitle('Cognito TOTP'))

test.each(['en', 'ja'] as const)('a configuration problem names the tab (%s)', async (locale) => {
  renderWithProviders(<ConfigProblemScreen problems={[{ kind: 'missing', field: 'userPoolId' }]} />, { locale })
  await screen.findByRole('alert')
  expect(document.title).toBe(`${textFor(locale)('config.title')} – Cognito TOTP`)
})

test.each(['en', 'ja'] as const)('an unreachable local pool names the tab (%s)', async (locale) => {
  renderWithProviders(<LocalPoolProblem reason="unreachable" />, { locale })
  await screen.findByRole('alert')
  expect(document.title).toBe(`${textFor(locale)('config.localUnreachable')} – Cognito TOTP`)
})

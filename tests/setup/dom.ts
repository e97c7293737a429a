import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
  // The next test opens the app at its own address, not where the last one left the page (ADR 020).
  history.replaceState(null, '', '/')
})

import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// The first screen draws its own markup (src/ui/primitives.tsx); Amplify UI's React primitives come
// with the lazily loaded screens. Loading them the first time takes seconds in a test on a busy
// machine, more than a findBy waits, so it happens here, before the tests, as it did when the first
// screen imported them (ADR 026). Production prefetches those screens while the form is idle.
await import('@aws-amplify/ui-react')

afterEach(() => {
  cleanup()
  // The next test opens the app at its own address, not where the last one left the page (ADR 020).
  history.replaceState(null, '', '/')
})

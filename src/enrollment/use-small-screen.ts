import { useMediaQuery } from './use-media-query.ts'

// A phone-sized window (narrower than Amplify UI's "medium" breakpoint, 48em): the setup page is
// several screens long there, so what few need (the setup key) waits behind a disclosure.
export function useSmallScreen(): boolean {
  return useMediaQuery('(max-width: 47.99em)')
}

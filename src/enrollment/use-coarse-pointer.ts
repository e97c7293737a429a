import { useMediaQuery } from './use-media-query.ts'

// A phone or tablet: there the "Open in authenticator app" link is the main way in, because
// the user cannot scan a QR code shown on the phone they would scan it with.
export function useCoarsePointer(): boolean {
  return useMediaQuery('(pointer: coarse)')
}

import { useSyncExternalStore } from 'react'

// A phone or tablet: there the "Open in authenticator app" link is the main way in, because
// the user cannot scan a QR code shown on the phone they would scan it with.
const query = '(pointer: coarse)'

function media(): MediaQueryList | undefined {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : undefined
}

function subscribe(onChange: () => void): () => void {
  const list = media()
  list?.addEventListener('change', onChange)
  return () => list?.removeEventListener('change', onChange)
}

export function useCoarsePointer(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  )
}

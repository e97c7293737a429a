import { useSyncExternalStore } from 'react'

const never = () => () => {}

/**
 * False while React hydrates prerendered HTML (and on the server), true otherwise: in a render
 * from scratch, and in the render React makes right after hydration. A control that needs the
 * app's code to work (a submit button, whose native action would put the form in the URL) stays
 * disabled until then (ADR 028).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}

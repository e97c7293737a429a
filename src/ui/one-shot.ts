/**
 * A value that can be read once: the first read takes it and whoever holds the reader keeps
 * nothing. For a password handed from one screen to the next (ADR 019): React state and props
 * that carry the reader hold an empty closure once the sign-in has taken the password.
 * (The parameter is the closure's only store, kept this small because the first screen carries it.)
 */
export function oneShot<T>(value?: T): () => T | undefined {
  return () => {
    const taken = value
    value = undefined
    return taken
  }
}

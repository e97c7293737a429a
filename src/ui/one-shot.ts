/**
 * A value that can be read once: the first read takes it and whoever holds the reader keeps
 * nothing. For a password handed from one screen to the next (ADR 019): React state and props
 * that carry the reader hold an empty closure once the sign-in has taken the password.
 */
export function oneShot<T>(value: T): () => T | undefined {
  let held: T | undefined = value
  return () => {
    const taken = held
    held = undefined
    return taken
  }
}

import { useEffect, useRef } from 'react'

/** The password typed for this sign-in, while the flow may keep it (ADR 019). */
export type PasswordHold = {
  keep(password: string): void
  /** The password, still held. */
  peek(): string | undefined
  /** The password, handed on and no longer held (the hand-over to sign-up). */
  take(): string | undefined
}

/**
 * Holds the password while `holds` (holdsPassword of the flow's state) and drops it in the effect
 * after the first render where `holds` is false: every exit from the steps that need it, in one
 * place. An effect, not the render, so a request sent before that render still had it.
 */
export function usePasswordHold(holds: boolean): PasswordHold {
  const password = useRef<string | undefined>(undefined)
  useEffect(() => {
    if (!holds) password.current = undefined
  }, [holds])
  const hold = useRef<PasswordHold>(null)
  hold.current ??= {
    keep: (typed) => {
      password.current = typed
    },
    peek: () => password.current,
    take: () => {
      const typed = password.current
      password.current = undefined
      return typed
    },
  }
  return hold.current
}

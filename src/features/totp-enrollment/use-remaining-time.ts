import { useEffect, useState } from 'react'

/** Milliseconds until `deadline` (epoch ms), ticking every second; undefined without a deadline. */
export function useRemainingTime(deadline: number | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (deadline === undefined) return
    setNow(Date.now())
    const timer = setInterval(() => {
      const current = Date.now()
      setNow(current)
      if (current >= deadline) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [deadline])
  return deadline === undefined ? undefined : Math.max(0, deadline - now)
}

/** 2:05 — whole seconds, rounded up so "0:00" only shows once time is really up. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

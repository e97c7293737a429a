// How `npm start` and `npm run emulator` print a demo user: what the pool holds now, not what it was
// seeded with, so a changed password is never shown as if it still worked (issue 11).
import type { LocalUser } from './seed.ts'

/** `alice / Alice-demo-2026!  (note)`, or `alice  (note)` once the demo password no longer signs her in. */
export function userLine(user: LocalUser): string {
  if (!user.passwordWorks) return `${user.username}  (${user.note})`
  return `${user.username} / ${user.password}  (${user.note})`
}

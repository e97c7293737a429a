// One string per pool and username, kept where the tokens are (ADR 010): localStorage, or
// sessionStorage for a 'session' app. The records the gateway keeps beside Cognito's answers are
// all of this shape (device-names.ts, authenticator-evidence.ts, held-device-keys.ts), each under
// its own key prefix. A browser that refuses storage makes every call a no-op (recall: undefined);
// what that means for each record is said where it is used.
import type { TokenStorage } from '../config/app-config.ts'

export type UserRecords = {
  recall(userPoolId: string, username: string, storage?: TokenStorage): string | undefined
  record(userPoolId: string, username: string, value: string, storage?: TokenStorage): void
  forget(userPoolId: string, username: string, storage?: TokenStorage): void
  /** Every record of this pool in `storage`, whoever it belongs to (at sign-out the username may not be known). */
  forgetAll(userPoolId: string, storage: TokenStorage): void
}

/** The records under `cognito-totp.<name>.<pool id>.<username>`. */
export function userRecords(name: string): UserRecords {
  const prefix = `cognito-totp.${name}.`
  const key = (userPoolId: string, username: string) => `${prefix}${userPoolId}.${username}`
  // Read when called: a browser that refuses storage throws here, inside each try.
  const store = (storage: TokenStorage): Storage => (storage === 'session' ? sessionStorage : localStorage)
  return {
    recall(userPoolId, username, storage = 'local') {
      try {
        return store(storage).getItem(key(userPoolId, username)) ?? undefined
      } catch {
        return undefined
      }
    },
    record(userPoolId, username, value, storage = 'local') {
      try {
        store(storage).setItem(key(userPoolId, username), value)
      } catch {
        // not recorded
      }
    },
    forget(userPoolId, username, storage = 'local') {
      try {
        store(storage).removeItem(key(userPoolId, username))
      } catch {
        // nothing to forget
      }
    },
    forgetAll(userPoolId, storage) {
      try {
        const s = store(storage)
        const mine = Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k) => k?.startsWith(`${prefix}${userPoolId}.`))
        for (const k of mine) s.removeItem(k!)
      } catch {
        // nothing to forget
      }
    },
  }
}

import type { PoolConfig, TokenStorage } from '../config/app-config.ts'
import type { createAmplifyAuthGateway } from './amplify-auth-gateway.ts'
import type { AuthGateway } from './auth-gateway.ts'

export type LazyAuthGateway = AuthGateway & {
  /** Starts downloading Amplify without waiting for it (call when the browser is idle). */
  prefetch(): void
}

/**
 * An AuthGateway that loads aws-amplify on first use. The first screen renders without it;
 * `prefetch` fetches it while the user types, and every method awaits it, so a fast submit
 * still works.
 */
export function createLazyAuthGateway(
  pool: PoolConfig,
  tokenStorage: TokenStorage = 'local',
  // The download; tests replace it to decide when it ends.
  loadModule: () => Promise<{ createAmplifyAuthGateway: typeof createAmplifyAuthGateway }> = () => import('./amplify-auth-gateway.ts'),
): LazyAuthGateway {
  let loading: Promise<AuthGateway> | undefined
  const load = () =>
    (loading ??= loadModule()
      .then((m) => m.createAmplifyAuthGateway(pool, tokenStorage))
      .catch((error) => {
        loading = undefined // a failed chunk download (offline) may be retried
        // Surface it as Amplify would surface an unreachable service, so screens say "offline".
        const offline = new Error(`Could not load the sign-in library: ${error instanceof Error ? error.message : error}`)
        offline.name = 'NetworkError'
        throw offline
      }))

  // Each method, made on first use and then kept (the same function every time, as an object's
  // method is), awaits the download and calls the real gateway's. A Proxy, not a list of the
  // methods: this file is on the first screen (ADR 003), where the list cost 0.12 KiB and grew
  // with every method. `then` is not a method: a Promise resolving to this object must not take it
  // for a thenable.
  const methods = new Map<string, unknown>()
  const lazy =
    (name: string) =>
    async (...args: unknown[]) => {
      const method = (await load())[name as keyof AuthGateway] as ((...a: unknown[]) => unknown) | undefined
      // Only a probe (a test matcher's toJSON) asks for a name the gateway lacks: typed code cannot.
      return method?.(...args)
    }
  const target = { prefetch: () => void load().catch(() => {}) }
  return new Proxy(target, {
    get(_, name) {
      if (typeof name !== 'string' || name === 'then' || name in target) return Reflect.get(target, name)
      if (!methods.has(name)) methods.set(name, lazy(name))
      return methods.get(name)
    },
  }) as LazyAuthGateway
}

/**
 * Whether Amplify may hold tokens for this app client. Reading Amplify's storage key directly
 * (`CognitoIdentityServiceProvider.<clientId>.LastAuthUser`, written on sign-in, removed on
 * sign-out) lets a signed-out visitor see the sign-in form at once instead of waiting for
 * Amplify to load just to learn there is no session. A present key still needs Amplify to
 * confirm (and refresh) the session. It looks where the gateway keeps the tokens (ADR 010).
 */
export function mayHaveStoredSession(userPoolClientId: string, tokenStorage: TokenStorage = 'local'): boolean {
  try {
    return (tokenStorage === 'session' ? sessionStorage : localStorage).getItem(sessionMarkerKey(userPoolClientId)) !== null
  } catch {
    return true
  }
}

/** Amplify's signed-in marker for this app client (see mayHaveStoredSession); the prerendered first screen's script reads it too (ADR 028). */
export function sessionMarkerKey(userPoolClientId: string): string {
  return `CognitoIdentityServiceProvider.${userPoolClientId}.LastAuthUser`
}

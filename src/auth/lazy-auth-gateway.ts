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

  const lazy = <K extends keyof AuthGateway>(name: K) =>
    (async (...args: unknown[]) => {
      const gateway = await load()
      return (gateway[name] as (...a: unknown[]) => unknown)(...args)
    }) as AuthGateway[K]

  return {
    prefetch: () => void load().catch(() => {}),
    getCurrentUser: lazy('getCurrentUser'),
    signIn: lazy('signIn'),
    confirmTotpCode: lazy('confirmTotpCode'),
    confirmTotpSetupDuringSignIn: lazy('confirmTotpSetupDuringSignIn'),
    selectMfaType: lazy('selectMfaType'),
    confirmDeliveredCode: lazy('confirmDeliveredCode'),
    completeNewPassword: lazy('completeNewPassword'),
    signUp: lazy('signUp'),
    confirmSignUp: lazy('confirmSignUp'),
    resendSignUpCode: lazy('resendSignUpCode'),
    signOut: lazy('signOut'),
    fetchMfaStatus: lazy('fetchMfaStatus'),
    beginTotpSetup: lazy('beginTotpSetup'),
    verifyTotpSetup: lazy('verifyTotpSetup'),
    setTotpPreferred: lazy('setTotpPreferred'),
    disableTotp: lazy('disableTotp'),
    authenticatedAt: lazy('authenticatedAt'),
    reauthenticate: lazy('reauthenticate'),
    confirmReauthenticationCode: lazy('confirmReauthenticationCode'),
  }
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
    return (
      (tokenStorage === 'session' ? sessionStorage : localStorage).getItem(`CognitoIdentityServiceProvider.${userPoolClientId}.LastAuthUser`) !== null
    )
  } catch {
    return true
  }
}

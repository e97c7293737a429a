/**
 * <App>: the whole SPA.
 *
 * In the browser (src/main.tsx) it takes no props: the backend comes from the build
 * (VITE_COGNITO_* env vars or amplify_outputs.json), else the local emulator behind the
 * same-origin path /local-cognito/, whose pools are discovered at run time.
 *
 * Flow tests render it with real aws-amplify against an emulator at an absolute URL:
 *
 *   render(<App config={{ mode: 'explicit', userPoolId, userPoolClientId,
 *                         endpoint: `http://127.0.0.1:${port}/`, mfaRequired: true }} />)
 *
 * or `config={{ mode: 'local', baseUrl: `http://127.0.0.1:${port}/` }}` to use the pool picker.
 * Either config takes `tokenStorage: 'session'` to keep the tokens in sessionStorage (ADR 010).
 * Optional props:
 *   clock              createManualClock() from src/ui/clock.ts: run out the 3-minute challenge
 *                      session without waiting (every countdown, setup's included, runs on it)
 *   createGateway      defaults to the lazily loaded Amplify gateway; createFakeAuthGateway for
 *                      component tests
 *   initialLocale      'en' | 'ja' (default: remembered choice, else the browser's languages)
 *   challengeSessionMs the app client's AuthSessionValidity (default 3 minutes)
 *   fetchImpl          fetch used for local pool discovery
 */
import '@aws-amplify/ui-react/styles/alert.css'
import '@aws-amplify/ui-react/styles/button.css'
import '@aws-amplify/ui-react/styles/field.css'
// flex.css before fieldGroup.css, as in Amplify UI's own styles.css: a field group is also a flex
// box, and its gap of 0 (the show-password button against the input) must win over flex's 1rem.
import '@aws-amplify/ui-react/styles/flex.css'
import '@aws-amplify/ui-react/styles/fieldGroup.css'
import '@aws-amplify/ui-react/styles/heading.css'
import '@aws-amplify/ui-react/styles/icon.css'
import '@aws-amplify/ui-react/styles/input.css'
import '@aws-amplify/ui-react/styles/loader.css'
import '@aws-amplify/ui-react/styles/passwordField.css'
import '@aws-amplify/ui-react/styles/text.css'
import '@aws-amplify/ui-react/styles/textField.css'
import '@aws-amplify/ui-react/styles/visuallyHidden.css'
import 'virtual:amplify-theme.css'
import './app.css'
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react'
import { FailureMessage } from '../auth/failure-message.tsx'
import { messages as failureMessages } from '../auth/failure-messages.ts'
import type { AuthGateway } from '../auth/auth-gateway.ts'
import { createLazyAuthGateway, type LazyAuthGateway } from '../auth/lazy-auth-gateway.ts'
import {
  choosePool,
  defaultAppName,
  resolveInjectedConfig,
  type AppConfig,
  type AppConfigInput,
  type PoolConfig,
  type SupportContact,
  type TokenStorage,
} from '../config/app-config.ts'
import { readBuildConfig } from '../config/build-config.ts'
import {
  discoverLocalPools,
  rememberDiscovery,
  rememberedDiscovery,
  rememberedLocalPool,
  rememberLocalPool,
  type DiscoveryResult,
} from '../config/local-discovery.ts'
import { I18nProvider, useLocale, useT } from '../i18n/i18n-provider.tsx'
import type { Locale } from '../i18n/locale.ts'
import { systemClock, type Clock } from '../ui/clock.ts'
import { showTabTitle } from '../ui/document-title.ts'
import { LanguageSwitch } from '../ui/language-switch.tsx'
import { LoadBoundary } from '../ui/load-boundary.tsx'
import { Button, Flex, Loader, Text } from '../ui/primitives.tsx'
import { ShieldIcon } from './icons.tsx'
import { whenIdle } from '../ui/idle.ts'
import { isAppPath } from '../features/account-security/paths.ts'
import { SignedOut } from './signed-out.tsx'
import { PoolPicker, poolLabel } from './pool-picker.tsx'
import { themeName } from './theme.ts'
import { useSession } from './use-session.ts'

// Rare screens load on demand (a bad configuration, an unreachable local pool).
const ConfigProblemScreen = lazy(() => import('./config-problem.tsx').then((m) => ({ default: m.ConfigProblemScreen })))
const LocalPoolProblem = lazy(() => import('./config-problem.tsx').then((m) => ({ default: m.LocalPoolProblem })))
const loadAccountPage = () => import('./account-page.tsx')
const AccountPage = lazy(loadAccountPage)

// Words every page can show besides the common ones: a failed session check, a screen that
// failed to load. Each lazily loaded screen brings its own (withMessages).
const pageMessages = [failureMessages]

export type GatewayFactory = (pool: PoolConfig, tokenStorage?: TokenStorage) => AuthGateway | LazyAuthGateway

export type AppProps = {
  config?: AppConfigInput
  createGateway?: GatewayFactory
  clock?: Clock
  initialLocale?: Locale
  challengeSessionMs?: number
  fetchImpl?: typeof fetch
}

export function App({ config, initialLocale, ...rest }: AppProps) {
  // Tests often pass the config inline: resolve it from its value, so that a re-render with an
  // equal config is not a new backend (a new object each render must not count as a change).
  const configJson = JSON.stringify(config ?? null)
  const resolved = useMemo(() => {
    const input = JSON.parse(configJson) as AppConfigInput | null
    return input ? resolveInjectedConfig(input, location.origin) : readBuildConfig()
  }, [configJson])
  const appName = resolved.ok ? resolved.config.appName : defaultAppName
  useEffect(() => showTabTitle(appName), [appName])
  useEffect(() => {
    if (resolved.ok) return
    const what = resolved.problems.map((p) => (p.kind === 'unreadable' ? `${p.source} unreadable` : `${p.field} ${p.kind}`))
    console.error(`Cognito TOTP is not configured correctly: ${what.join('; ')}`)
  }, [resolved])
  return (
    <I18nProvider initialLocale={initialLocale} messages={pageMessages}>
      {/* What Amplify UI's ThemeProvider renders, minus its run-time <style>: the theme's stylesheet is
          built (virtual:amplify-theme.css) and targets this attribute. */}
      <div data-amplify-theme={themeName} dir="ltr">
        <Frame appName={appName} local={resolved.ok && resolved.config.backend.kind === 'local'}>
          {resolved.ok ? (
            <Backend config={resolved.config} {...rest} />
          ) : (
            <Suspense fallback={null}>
              <ConfigProblemScreen problems={resolved.problems} />
            </Suspense>
          )}
        </Frame>
      </div>
    </I18nProvider>
  )
}

function Frame({ appName, local, children }: { appName: string; local: boolean; children: ReactNode }) {
  const t = useT()
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <ShieldIcon />
          <span className="app-header__name">{appName}</span>
          {local && (
            <span className="local-badge" title={t('app.localBadgeHint')}>
              {t('app.localBadge')}
            </span>
          )}
        </div>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <LoadBoundary>{children}</LoadBoundary>
      </main>
    </div>
  )
}

type BackendProps = Omit<AppProps, 'config' | 'initialLocale'> & { config: AppConfig }

function Backend({ config: { backend, ...shared }, fetchImpl, ...rest }: BackendProps) {
  // `shared`: the app name, the token storage, the support contact and the recent sign-in limit, the same whichever pool is used.
  if (backend.kind === 'explicit') {
    return <Session pool={backend.pool} {...shared} {...rest} />
  }
  // A build given a pool id never gets here; the flag lets the bundler leave the local pool out of it.
  if (!__LOCAL_POOL_POSSIBLE__) return null
  return <LocalBackend endpoint={backend.endpoint} discoveryUrl={backend.discoveryUrl} fetchImpl={fetchImpl} {...shared} {...rest} />
}

/**
 * The local pool: its pools are discovered at run time. The last discovery's pools are kept
 * (local-discovery.ts), so a returning page shows the form and the picker at once and the discovery
 * only confirms them; a change (a pool added or gone) re-renders, and the form starts over only if
 * the chosen pool itself changed. A first visit waits for the discovery: there is no pool to sign in
 * to before it. The picker is part of this code, which a build for a real pool leaves out
 * (__LOCAL_POOL_POSSIBLE__, ADR 028), so it no longer loads on its own.
 */
function LocalBackend({
  endpoint,
  discoveryUrl,
  fetchImpl,
  ...rest
}: Omit<SessionProps, 'pool'> & { endpoint: string; discoveryUrl: string; fetchImpl?: typeof fetch }) {
  const t = useT()
  const { locale } = useLocale()
  const [discovery, setDiscovery] = useState<DiscoveryResult | undefined>(() => {
    const pools = rememberedDiscovery(discoveryUrl)
    return pools && { ok: true, pools }
  })
  const [chosenName, setChosenName] = useState(() => rememberedLocalPool())
  // Shown from the last discovery: confirming it can wait until the page has painted and is idle.
  const [confirmOnly] = useState(() => discovery !== undefined)
  useEffect(() => {
    let live = true
    const discover = () =>
      void discoverLocalPools(discoveryUrl, endpoint, fetchImpl).then((result) => {
        if (!live) return
        if (result.ok) rememberDiscovery(discoveryUrl, result.pools)
        // The same pools again: keep the state as it is (no re-render of the form being typed into).
        setDiscovery((shown) => (shown?.ok && result.ok && JSON.stringify(shown.pools) === JSON.stringify(result.pools) ? shown : result))
      })
    const cancel = confirmOnly ? whenIdle(discover) : (discover(), undefined)
    return () => {
      live = false
      cancel?.()
    }
  }, [discoveryUrl, endpoint, fetchImpl, confirmOnly])

  if (!discovery) return <Waiting label={t('app.loading')} />
  if (!discovery.ok) {
    return (
      <Suspense fallback={null}>
        <LocalPoolProblem reason={discovery.reason} />
      </Suspense>
    )
  }
  const pool = choosePool(discovery.pools, chosenName)!
  const picker =
    discovery.pools.length > 1 ? (
      <PoolPicker
        pools={discovery.pools}
        chosen={pool}
        onChoose={(next) => {
          rememberLocalPool(next.name ?? next.userPoolId)
          setChosenName(next.name ?? next.userPoolId)
        }}
      />
    ) : undefined
  return (
    <Session
      key={`${pool.userPoolId}/${pool.userPoolClientId}`}
      pool={pool}
      localMode
      picker={picker}
      poolName={poolLabel(pool, discovery.pools, locale)}
      {...rest}
    />
  )
}

type SessionProps = Omit<AppProps, 'config' | 'initialLocale' | 'fetchImpl'> & {
  pool: PoolConfig
  appName: string
  tokenStorage?: TokenStorage
  /** Named by the sign-in help for a user who cannot use their authenticator app. */
  support?: SupportContact
  /** How recent a sign-in turning the authenticator off or replacing it needs (ADR 016). */
  recentSignInMinutes?: number
  localMode?: boolean
  picker?: ReactNode
  poolName?: string
}

function Session({
  pool,
  appName,
  tokenStorage,
  support,
  recentSignInMinutes,
  createGateway = createLazyAuthGateway,
  clock = systemClock,
  challengeSessionMs,
  localMode = false,
  picker,
  poolName,
}: SessionProps) {
  const t = useT()
  const gateway = useMemo(() => createGateway(pool, tokenStorage), [createGateway, pool, tokenStorage])
  const session = useSession(gateway, pool.userPoolClientId, tokenStorage)
  const { state } = session

  // While the user reads the sign-in form, fetch Amplify and the account page in the background.
  const signedOut = state.step === 'signed-out'
  useEffect(() => {
    if (!signedOut) return
    // Sign-in keeps the signed-in screens' addresses (it goes on there); any other is corrected (ADR 020).
    if (!isAppPath(location.pathname)) history.replaceState(null, '', '/')
    return whenIdle(() => {
      if ('prefetch' in gateway) gateway.prefetch()
      void loadAccountPage().catch(() => {})
    })
  }, [signedOut, gateway])

  switch (state.step) {
    case 'checking':
      return <Waiting label={t('app.checkingSession')} />
    case 'check-failed':
      return (
        <section className="panel">
          <Flex direction="column" gap="medium">
            <FailureMessage failure={state.failure} />
            <div>
              <Button onClick={session.retry}>{t('common.tryAgain')}</Button>
            </div>
          </Flex>
        </section>
      )
    case 'signed-out':
      return (
        <SignedOut
          auth={gateway}
          clock={clock}
          challengeSessionMs={challengeSessionMs}
          initialUsername={state.username}
          initialNotice={state.notice}
          localMode={localMode}
          beforeForm={picker}
          onSignedIn={session.signedIn}
          issuer={appName}
          support={support}
        />
      )
    case 'signed-in':
    case 'signing-out':
      return (
        <Suspense fallback={<Waiting label={t('app.loadingScreen')} />}>
          <AccountPage
            auth={gateway}
            accountName={state.accountName}
            issuer={appName}
            poolMfa={pool.mfa}
            poolLabel={localMode ? poolName : undefined}
            justSetUp={state.step === 'signed-in' && state.justSetUp === true}
            // The buttons show which sign-out is under way; an ended session leaves them as they were.
            signingOut={state.step === 'signing-out' && state.reason !== 'session-ended' ? state.reason : undefined}
            onSignOut={(how) => void session.signOut(how)}
            onSessionExpired={() => void session.signOut('session-ended')}
            recentSignInMinutes={recentSignInMinutes}
            clock={clock}
          />
        </Suspense>
      )
  }
}

function Waiting({ label }: { label: string }) {
  return (
    <Flex className="waiting" alignItems="center" justifyContent="center" gap="small" role="status">
      <Loader hidden />
      <Text>{label}</Text>
    </Flex>
  )
}

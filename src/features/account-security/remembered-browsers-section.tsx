// "Browsers that don't ask for a code" (ADR 025): each remembered browser with a readable name, when
// it last signed in, "This browser" marked; Forget and Forget all behind the recent sign-in (ADR 016).
import { Badge, Button, Flex, Loader, Text } from '@aws-amplify/ui-react'
import { FailureMessage } from '../../auth/failure-message.tsx'
// Types only: the module's code goes with the gateway's chunk, not into one of its own.
import type { ReadableName, RememberedBrowser } from '../../auth/remembered-browsers.ts'
import { useLocale, useT } from '../../i18n/i18n-provider.tsx'
import { StatusMessage } from '../../ui/messages.tsx'
import type { RememberedBrowsersController, RememberedState } from './use-remembered-browsers.ts'

type T = ReturnType<typeof useT>

/** "Chrome on Windows"; what is not known is said to be unknown, never guessed. */
export function browserLabel(t: T, { browser, platform }: ReadableName): string {
  if (browser && platform) return t('browsers.name.both', { browser, platform })
  if (browser) return t('browsers.name.browserOnly', { browser })
  if (platform) return t('browsers.name.platformOnly', { platform })
  return t('browsers.name.unknown')
}

/** Under "On": the remembered browsers that skip the authenticator's code, and whether this one does. */
export function SkippingCodeNote({ state }: { state: RememberedState }) {
  const t = useT()
  if (state.step !== 'loaded' && state.step !== 'forgetting') return null
  const count = state.browsers.length
  const thisBrowser = state.browsers.some((b) => b.thisBrowser)
  if (count === 0) return null
  return (
    <Text>
      {count === 1 ? t('browsers.skipOne') : t('browsers.skipMany', { count: String(count) })}
      {thisBrowser ? ` ${t('browsers.skipHere')}` : ''}
    </Text>
  )
}

export function RememberedBrowsersSection({
  remembered,
  whenRecent,
  checking,
}: {
  remembered: RememberedBrowsersController
  /** The recent-sign-in check (ADR 016): the action runs once the user has proved it is them. */
  whenRecent(action: () => void): void
  /** The session's age is being read: the buttons wait. */
  checking: boolean
}) {
  const t = useT()
  const { state } = remembered
  return (
    <section className="setting" aria-labelledby="remembered-browsers-title">
      <Text as="h3" className="setting__name" id="remembered-browsers-title">
        {t('browsers.title')}
      </Text>
      <Text>{t('browsers.intro')}</Text>
      {state.step === 'loading' ? (
        <Flex alignItems="center" gap="small" role="status">
          <Loader aria-hidden />
          <Text>{t('browsers.loading')}</Text>
        </Flex>
      ) : state.step === 'load-failed' ? (
        <>
          <FailureMessage failure={state.failure} />
          <div>
            <Button onClick={remembered.load}>{t('security.retry')}</Button>
          </div>
        </>
      ) : (
        <List remembered={remembered} state={state} whenRecent={whenRecent} checking={checking} />
      )}
    </section>
  )
}

function List({
  remembered,
  state,
  whenRecent,
  checking,
}: {
  remembered: RememberedBrowsersController
  state: Extract<RememberedState, { step: 'loaded' | 'forgetting' }>
  whenRecent(action: () => void): void
  checking: boolean
}) {
  const t = useT()
  const { locale } = useLocale()
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const busy = state.step === 'forgetting' || checking
  const notice = state.step === 'loaded' ? state.notice : undefined
  return (
    <>
      {state.rememberFailed && <StatusMessage variation="warning">{t('browsers.rememberFailed')}</StatusMessage>}
      {notice && (
        <StatusMessage variation={notice === 'forget-all-with-change-failed' ? 'warning' : 'success'}>{t(`browsers.notice.${notice}`)}</StatusMessage>
      )}
      <FailureMessage failure={state.step === 'loaded' ? state.failure : undefined} />
      {state.browsers.length === 0 ? (
        <Text className="hint">{t('browsers.empty')}</Text>
      ) : (
        <ul className="browser-list">
          {state.browsers.map((browser) => (
            <BrowserRow
              key={browser.id}
              browser={browser}
              name={browserLabel(t, browser.name)}
              lastSignedIn={browser.lastSignedInAt === undefined ? undefined : when.format(browser.lastSignedInAt)}
              busy={busy}
              forgetting={state.step === 'forgetting' && state.id === browser.id}
              onForget={() => whenRecent(() => remembered.forget(browser.id))}
            />
          ))}
        </ul>
      )}
      {state.browsers.length > 0 && (
        <div>
          <Button
            variation="warning"
            onClick={() => whenRecent(remembered.forgetAll)}
            isDisabled={busy}
            isLoading={state.step === 'forgetting' && state.id === undefined}
            loadingText={t('browsers.forgetting')}
          >
            {t('browsers.forgetAll')}
          </Button>
        </div>
      )}
    </>
  )
}

function BrowserRow({
  browser,
  name,
  lastSignedIn,
  busy,
  forgetting,
  onForget,
}: {
  browser: RememberedBrowser
  name: string
  lastSignedIn?: string
  busy: boolean
  forgetting: boolean
  onForget(): void
}) {
  const t = useT()
  return (
    <li className="browser-list__item">
      <Flex direction="column" gap="xxs">
        <Flex alignItems="center" gap="small" wrap="wrap">
          <Text as="span" fontWeight="semibold">
            {name}
          </Text>
          {browser.thisBrowser && <Badge variation="info">{t('browsers.thisBrowser')}</Badge>}
        </Flex>
        <Text as="span" className="hint">
          {lastSignedIn ? t('browsers.lastSignedIn', { when: lastSignedIn }) : t('browsers.lastSignedInUnknown')}
        </Text>
      </Flex>
      {/* Several rows say "Forget": the name says which (and keeps the visible word, WCAG 2.5.3). */}
      <Button
        size="small"
        onClick={onForget}
        isDisabled={busy}
        isLoading={forgetting}
        loadingText={t('browsers.forgetting')}
        aria-label={t('browsers.forgetNamed', { name })}
      >
        {t('browsers.forget')}
      </Button>
    </li>
  )
}

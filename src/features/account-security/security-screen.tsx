import { Alert, Badge, Button, Flex, Loader, Message, Text, VisuallyHidden } from '@aws-amplify/ui-react'
import { useEffect, useRef, useState } from 'react'
import { CheckField } from '../../ui/check-field.tsx'
import type { MfaStatus, MfaType } from '../../auth/auth-gateway.ts'
import EnrollmentView from '../../enrollment/enrollment-view.tsx'
import { FailureMessage } from '../../auth/failure-message.tsx'
import { messages as laterFailures } from '../../auth/later-failure-messages.ts'
import { useLocale, useT, withMessages } from '../../i18n/i18n-provider.tsx'
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx'
import { StatusMessage } from '../../ui/messages.tsx'
import { StepHeading } from '../../ui/step-heading.tsx'
import { messages as later } from '../../i18n/later-messages.ts'
import { messages } from './messages.ts'
import type { PoolMfaRequired, SecurityState } from './security-flow.ts'
import { useAccountSecurity, type AccountSecurityController, type UseAccountSecurityOptions } from './use-account-security.ts'
import { systemClock, type Clock } from '../../ui/clock.ts'
import { ReauthenticationDialog } from './reauthentication-dialog.tsx'
import { defaultRecentSignInMinutes, useRecentSignIn, type RecentSignInController } from './use-recent-sign-in.ts'
import { useSecurityHistory } from './use-security-history.ts'
import { messages as browserMessages } from './remembered-browsers-messages.ts'
import { RememberedBrowsersSection, SkippingCodeNote } from './remembered-browsers-section.tsx'
import { changeNotice, useRememberedBrowsers, type RememberedBrowsersController } from './use-remembered-browsers.ts'

export type SecurityScreenProps = UseAccountSecurityOptions & {
  /** What the user signs in with (username or email): the account label in authenticator apps. */
  accountName: string
  /** The app's name: the entry's title in authenticator apps. */
  issuer: string
  /** Turning the authenticator off or replacing it needs a sign-in this recent (ADR 016). */
  recentSignInMinutes?: number
  clock?: Clock
  /**
   * The screens are browser history entries at their own addresses (ADR 020): Back and Forward
   * move between them, a reload stays. The app turns it on; tests of this screen alone leave it off.
   */
  keepsHistory?: boolean
  /** A dialog of the page around this screen is open (sign out of all devices): Back closes it too. */
  pageDialogOpen?: boolean
  onBackFromPageDialog?(): void
}

function SecurityScreenView({
  accountName,
  issuer,
  recentSignInMinutes = defaultRecentSignInMinutes,
  clock = systemClock,
  keepsHistory = false,
  pageDialogOpen = false,
  onBackFromPageDialog,
  ...options
}: SecurityScreenProps) {
  const t = useT()
  const security = useAccountSecurity(options)
  const recent = useRecentSignIn({
    auth: options.auth,
    maxAgeMinutes: recentSignInMinutes,
    clock,
    onSessionExpired: options.onSessionExpired,
    onKeyReplaced: security.forgetKey,
  })
  const { state } = security
  const remembered = useRememberedBrowsers({
    auth: options.auth,
    status: 'status' in state ? state.status : undefined,
    onSessionExpired: options.onSessionExpired,
  })
  // Coming back from the setup screen, focus returns to this section's heading.
  const wasEnrolling = useRef(false)
  // The setup was opened by its address (a reload, Forward, a link), not by a button here: when
  // the key is gone with the page that showed it, the finishing step says why it is not shown.
  const [openedByAddress, setOpenedByAddress] = useState(false)
  const cancelReauthentication = () => {
    recent.cancel()
    // Asked from the setup screen ("start over"), Cancel keeps the user there with the key they have.
    if (state.step !== 'enrolling') security.cancel()
  }
  const reauthenticating = recent.state.step !== 'closed'
  const confirming = state.step === 'confirm-replace' || state.step === 'confirm-disable' || state.step === 'disabling'
  useSecurityHistory({
    enabled: keepsHistory,
    shown: { screen: state.step === 'enrolling' ? 'setup' : 'security', dialog: reauthenticating || confirming || pageDialogOpen },
    settled: state.step !== 'loading',
    openSetup() {
      const resumed = security.resume()
      if (resumed) setOpenedByAddress(true)
      return resumed
    },
    leaveSetup: security.cancel,
    closeDialog() {
      if (reauthenticating) cancelReauthentication()
      else if (confirming) security.cancel()
      else onBackFromPageDialog?.()
    },
  })
  const enrolling = state.step === 'enrolling'
  useEffect(() => {
    if (!enrolling) setOpenedByAddress(false)
  }, [enrolling])
  const reauthentication = recent.state.step !== 'closed' && (
    <ReauthenticationDialog
      state={recent.state}
      accountName={accountName}
      onSubmitPassword={recent.submitPassword}
      onSubmitCode={recent.submitCode}
      onCancel={cancelReauthentication}
    />
  )
  if (state.step === 'enrolling') {
    wasEnrolling.current = true
    // A new key is a new authenticator once its code is verified (it is made preferred): the same
    // proof as "Set up" or "Replace" (ADR 016).
    const newKey = (action: () => void) => (needsProof(state.status) ? () => recent.whenRecent(action) : action)
    return (
      <section className="panel">
        <EnrollmentView
          state={security.enrollment}
          accountName={accountName}
          issuer={issuer}
          replacing={state.replacing}
          onSubmitCode={security.submitSetupCode}
          onStartOver={newKey(security.startSetupOver)}
          onRetry={newKey(security.retrySetup)}
          onRetryActivation={security.retryActivation}
          onCancel={security.cancel}
          finishNotice={openedByAddress ? <Message colorTheme="info">{t('security.keyGone')}</Message> : undefined}
        />
        {reauthentication}
      </section>
    )
  }
  return (
    <section className="panel">
      <Flex direction="column" gap="medium">
        <StepHeading level={2} focusOnMount={wasEnrolling.current}>
          {t('security.title')}
        </StepHeading>
        <SecurityBody security={security} state={state} recent={recent} remembered={remembered} />
      </Flex>
      {reauthentication}
    </section>
  )
}

/**
 * Whether issuing a key (Set up, Replace, Start over) needs a recent sign-in (ADR 016): always when
 * an authenticator is listed (a replacement), and for a first setup on an account with no other
 * factor, where whoever enrols their phone locks the owner out. An account with SMS or email codes
 * is not asked for a first setup: the fresh sign-in here cannot answer those codes (ADR 016).
 */
function needsProof(status: MfaStatus): boolean {
  return status.totpEnabled || status.otherFactors.length === 0
}

// This screen is loaded after sign-in; its words come with it.
export const SecurityScreen = withMessages([later, laterFailures, messages, browserMessages], SecurityScreenView)

function SecurityBody({
  security,
  state,
  recent,
  remembered,
}: {
  security: AccountSecurityController
  state: SecurityState
  recent: RecentSignInController
  remembered: RememberedBrowsersController
}) {
  const t = useT()
  switch (state.step) {
    case 'loading':
      return (
        <Flex alignItems="center" gap="small" role="status">
          <Loader aria-hidden />
          <Text>{t('security.loading')}</Text>
        </Flex>
      )
    case 'load-failed':
      return (
        <>
          <FailureMessage failure={state.failure} />
          <div>
            <Button onClick={security.reload}>{t('security.retry')}</Button>
          </div>
        </>
      )
    case 'enrolling':
      return null
    default:
      return <Overview security={security} state={state} recent={recent} remembered={remembered} />
  }
}

const noticeKey = {
  enabled: 'security.notice.enabled',
  replaced: 'security.notice.replaced',
  disabled: 'security.notice.disabled',
  preferred: 'security.notice.preferred',
} as const

type PoolCase = 'required' | 'optional' | 'unknown'

/** The pool's MFA setting as the texts need it: unknown ones cover both outcomes. */
const poolCase = (mfaRequired: PoolMfaRequired): PoolCase => (mfaRequired === undefined ? 'unknown' : mfaRequired ? 'required' : 'optional')

const pendingBody = {
  required: 'security.suspended.bodyRequired',
  optional: 'security.suspended.body',
  unknown: 'security.suspended.bodyUnknown',
} as const satisfies Record<PoolCase, string>

const unfinishedText = {
  required: 'security.replaceConfirm.unfinishedRequired',
  optional: 'security.replaceConfirm.unfinished',
  unknown: 'security.replaceConfirm.unfinishedUnknown',
} as const satisfies Record<PoolCase, string>

const factorKey: Record<MfaType, 'security.factor.sms' | 'security.factor.email' | 'security.totp.name'> = {
  sms: 'security.factor.sms',
  email: 'security.factor.email',
  totp: 'security.totp.name',
}

function Overview({
  security,
  state,
  recent,
  remembered,
}: {
  security: AccountSecurityController
  state: Exclude<SecurityState, { step: 'loading' | 'load-failed' | 'enrolling' }>
  recent: RecentSignInController
  remembered: RememberedBrowsersController
}) {
  // While "Confirm it's you" is open it takes the confirmation's place; once proved, the change runs
  // and its dialog comes back showing the progress.
  const confirming = recent.state.step === 'closed'
  const t = useT()
  const { locale } = useLocale()
  const { status } = state
  const notice = state.step === 'overview' ? state.notice : undefined
  const failure = state.step === 'overview' ? state.failure : undefined
  const factors = status.otherFactors.map((f) => t(factorKey[f]))
  // "On" only when sign-in really asks for it: GetUser lists a suspended authenticator too (ADR 015).
  const suspended = status.totpEnabled && status.totpSuspended
  const on = status.totpEnabled && !status.totpSuspended
  // A first setup left half-way in this browser: off, and it can be finished with the entry scanned.
  const halfWay = !status.totpEnabled && status.setupPending
  // Set up then issues a new key (the page no longer holds the one issued: a reload, another tab),
  // which ends the entry already added: it says so, rather than minting a key without a word.
  const startsOver = halfWay && !security.holdsKey
  // After "Turn off" the button that opened the dialog is gone, so the dialog cannot hand focus
  // back to it and it would fall to the page body: it goes to the news instead, read out from there,
  // with the next control ("Set up") one Tab away.
  const noticeRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (notice === 'disabled') noticeRef.current?.focus()
  }, [notice])
  // Replacing or turning off also forgets every remembered browser unless the user unticks it (ADR
  // 025): after a lost phone, a remembered stolen laptop must not skip the code. Ticked afresh for
  // each confirmation.
  const [forgetBrowsers, setForgetBrowsers] = useState(true)
  useEffect(() => {
    if (state.step === 'overview') setForgetBrowsers(true)
  }, [state.step])
  const rememberedState = remembered.state
  // Offered unless the list is known to be empty (still being read, or its read failed: offered, to be safe).
  const browsersKnownNone = (rememberedState.step === 'loaded' || rememberedState.step === 'forgetting') && rememberedState.browsers.length === 0
  const forgetField = browsersKnownNone ? null : <ForgetBrowsersField checked={forgetBrowsers} onChange={setForgetBrowsers} />
  const withBrowsers = (change: () => boolean) => () => {
    if (change() && forgetBrowsers && !browsersKnownNone) void remembered.forgetAllWithChange()
  }
  // Hidden (turned off): the list is kept for a later setup, and only the news of the turn-off's forgetting is shown.
  const offNotice = status.totpEnabled ? undefined : changeNotice(rememberedState)
  return (
    <>
      <Text>{t('security.intro')}</Text>
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="focus-target">
          <StatusMessage>{t(noticeKey[notice])}</StatusMessage>
        </div>
      )}
      <FailureMessage failure={failure} />
      <div className="setting">
        <div className="setting__header">
          <Text as="h3" className="setting__name">
            {t('security.totp.name')}
          </Text>
          <Badge variation={on ? 'success' : suspended ? 'error' : undefined}>
            <VisuallyHidden>{t('security.totp.statusLabel')}: </VisuallyHidden>
            {on ? t('security.totp.on') : suspended ? t('security.totp.suspended') : t('security.totp.off')}
          </Badge>
        </div>
        {suspended ? (
          <Alert variation="error" heading={t('security.suspended.title')} className="message">
            {/* The cause is stated only when known: a key issued here awaits its code. Otherwise only
                what was seen; remembered devices, adaptive authentication or the pool's settings
                can also let a sign-in skip the code (ADR 015). */}
            <Text as="span" display="block">
              {status.setupPending ? t(pendingBody[poolCase(state.mfaRequired)]) : t('security.suspended.seen')}
            </Text>
          </Alert>
        ) : on ? (
          <>
            <Text>{status.totpPreferred ? t('security.totp.preferred') : t('security.totp.notPreferred')}</Text>
            {/* Remembered browsers skip the code: "on" is true everywhere else (ADR 025). */}
            <SkippingCodeNote state={rememberedState} />
            {/* Cognito never reads the name back (GetUser lacks it): only a browser that set it up with a
                name knows it, and the page says so either way (src/auth/device-names.ts). */}
            {status.deviceName ? (
              <>
                <Text>{t('security.totp.device', { name: status.deviceName })}</Text>
                <Text className="hint">{t('security.totp.deviceHere')}</Text>
              </>
            ) : (
              <Text className="hint">{t('security.totp.deviceUnknown')}</Text>
            )}
          </>
        ) : (
          <>
            <Text>{t('security.totp.offDescription')}</Text>
            {halfWay && <Text>{t('security.pending.body')}</Text>}
          </>
        )}
        {factors.length > 0 && (
          <Text className="hint">
            {t('security.totp.otherFactors', {
              factors: new Intl.ListFormat(locale, { type: 'conjunction' }).format(factors),
            })}
          </Text>
        )}
        <Flex gap="small" wrap="wrap" className="setting__actions">
          {(suspended || halfWay) && (
            <Button variation="primary" onClick={security.finishSetup}>
              {t('security.finishSetup')}
            </Button>
          )}
          {!status.totpEnabled && (
            <Button
              variation={halfWay ? undefined : 'primary'}
              onClick={needsProof(status) ? () => recent.whenRecent(security.setUp) : security.setUp}
              aria-describedby={startsOver ? 'start-over-hint' : undefined}
            >
              {startsOver ? t('security.startOver') : t('security.setUp')}
            </Button>
          )}
          {on && !status.totpPreferred && (
            <Button
              variation="primary"
              onClick={security.makePreferred}
              isLoading={state.step === 'making-preferred'}
              loadingText={t('security.makingPreferred')}
            >
              {t('security.makePreferred')}
            </Button>
          )}
          {status.totpEnabled && <Button onClick={security.replace}>{t('security.replace')}</Button>}
          {status.totpEnabled && !state.mfaRequired && (
            <Button variation="warning" onClick={security.askToDisable}>
              {t('security.turnOff')}
            </Button>
          )}
        </Flex>
        {status.totpEnabled && state.mfaRequired && <Text className="hint">{t('security.requiredReason')}</Text>}
        {startsOver && (
          <Text className="hint" id="start-over-hint">
            {t('security.startOverHint')}
          </Text>
        )}
      </div>
      {status.totpEnabled ? (
        <RememberedBrowsersSection remembered={remembered} whenRecent={recent.whenRecent} checking={recent.checking} />
      ) : (
        offNotice && (
          <StatusMessage variation={offNotice === 'forget-all-with-change-failed' ? 'warning' : 'success'}>
            {t(`browsers.notice.${offNotice}`)}
          </StatusMessage>
        )
      )}

      {state.step === 'confirm-replace' && confirming && (
        <ConfirmDialog
          title={t('security.replaceConfirm.title')}
          confirmLabel={t('security.replaceConfirm.continue')}
          cancelLabel={t('common.cancel')}
          pending={recent.checking}
          onConfirm={() => recent.whenRecent(withBrowsers(security.confirmReplace))}
          onCancel={security.cancel}
        >
          <Text>{t('security.replaceConfirm.body')}</Text>
          {/* Exactly what an unfinished replacement does, before Continue (docs/cognito-behaviour.md#authenticator-setup). */}
          <Text>{t(unfinishedText[poolCase(state.mfaRequired)])}</Text>
          {forgetField}
        </ConfirmDialog>
      )}
      {(state.step === 'confirm-disable' || state.step === 'disabling') && confirming && (
        <ConfirmDialog
          title={t('security.disableConfirm.title')}
          confirmLabel={t('security.disableConfirm.confirm')}
          cancelLabel={t('security.disableConfirm.keep')}
          pendingLabel={t('security.disableConfirm.working')}
          pending={state.step === 'disabling' || recent.checking}
          destructive
          onConfirm={() => recent.whenRecent(withBrowsers(security.confirmDisable))}
          onCancel={security.cancel}
        >
          <Text>{t('security.disableConfirm.body')}</Text>
          {state.step === 'confirm-disable' && forgetField}
          <FailureMessage failure={state.failure} />
        </ConfirmDialog>
      )}
    </>
  )
}

/** "Also forget every browser that doesn't ask for a code", in the replace and turn-off confirmations. */
function ForgetBrowsersField({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const t = useT()
  return (
    <CheckField
      label={t('browsers.withChange.label')}
      hint={t('browsers.withChange.hint')}
      name="forget-browsers"
      checked={checked}
      onChange={onChange}
    />
  )
}

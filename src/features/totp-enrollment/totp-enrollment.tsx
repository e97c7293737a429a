import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import {
  Alert,
  Button,
  Card,
  Flex,
  Heading,
  Link,
  Loader,
  Message,
  Text,
  TextField,
  View,
  VisuallyHidden,
} from '@aws-amplify/ui-react'
import type { AuthFailure } from '../../auth/auth-failure.ts'
import { useT } from '../../i18n/i18n-provider.tsx'
import { codeLength, normaliseCode, OneTimeCodeField } from '../../ui/one-time-code-field.tsx'
import { AppEntryPreview } from './app-entry-preview.tsx'
import type { EnrollmentDriver } from './enrollment-driver.ts'
import { isPending, wrongCodesBeforeHelp, type EnrollmentState } from './enrollment-flow.ts'
import { buildOtpauthUri } from './otpauth-uri.ts'
import { QrCode } from './qr-code.tsx'
import { SetupKey } from './setup-key.tsx'
import { useCoarsePointer } from './use-coarse-pointer.ts'
import { formatRemaining, useRemainingTime } from './use-remaining-time.ts'
import { useTotpEnrollment } from './use-totp-enrollment.ts'

export type TotpEnrollmentProps = {
  /**
   * Keep the same object across renders (useMemo/useState, one per signed-in user): the issued
   * key is remembered per driver and account, so leaving and coming back shows the same key.
   */
  driver: EnrollmentDriver
  /** The label in the phone's app: the username or email. */
  accountName: string
  /** The app's name, shown as the entry's title in the phone's app. */
  issuer: string
  /** Called once, when the authenticator is verified (and, in settings, switched on). */
  onEnrolled(): void
  onCancel?(): void
  /** Epoch ms when a sign-in session lapses; shows a countdown, and says so when it passes. */
  deadline?: number
  /** The user already has an authenticator app that this one replaces. */
  replacing?: boolean
}

/** FriendlyDeviceName has no documented limit; this keeps it readable in lists. */
const deviceNameMaxLength = 64
const soonMs = 60_000

type Screen = 'loading' | 'unavailable' | 'entering-code' | 'activating' | 'activation-failed' | 'enrolled' | 'expired'

function screenOf(state: EnrollmentState, expired: boolean): Screen {
  // A request in flight finishes first: a code checked at the last second may still succeed.
  if (expired && !isPending(state) && state.step !== 'enrolled') return 'expired'
  switch (state.step) {
    case 'idle':
    case 'loading':
      return 'loading'
    case 'unavailable':
    case 'enrolled':
    case 'activation-failed':
      return state.step
    case 'activating':
      return state.retry ? 'activation-failed' : 'activating'
    case 'entering-code':
    case 'verifying':
      return 'entering-code'
  }
}

const codeRefused = (failure?: AuthFailure) => failure === 'wrong-code' || failure === 'code-reused'

export function TotpEnrollment({
  driver,
  accountName,
  issuer,
  onEnrolled,
  onCancel,
  deadline,
  replacing = false,
}: TotpEnrollmentProps) {
  const t = useT()
  const { state, retry, startOver, submitCode, retryActivation } = useTotpEnrollment(driver, accountName, onEnrolled)
  const remaining = useRemainingTime(deadline)
  const view = screenOf(state, remaining === 0)

  // Each new screen is announced by moving focus to its heading (keyboard and screen readers
  // start reading there); the code field does not grab focus, which on a phone would also pop
  // up the keyboard over the QR code.
  const headingRef = useRef<HTMLHeadingElement>(null)
  const headingId = useId()
  useEffect(() => {
    headingRef.current?.focus()
  }, [view])

  const titles: Record<Screen, string> = {
    loading: t('totp.title'),
    unavailable: t('totp.title'),
    'entering-code': t('totp.title'),
    activating: t('totp.title'),
    'activation-failed': t('totp.activationFailedTitle'),
    enrolled: t('totp.enrolledTitle'),
    expired: t('totp.expiredTitle'),
  }

  const cancel = onCancel ? (
    <Button variation="link" onClick={onCancel}>
      {t('common.cancel')}
    </Button>
  ) : null

  return (
    <Flex as="section" direction="column" gap="medium" width="100%" maxWidth="44rem" aria-labelledby={headingId}>
      <Heading
        ref={headingRef}
        id={headingId}
        level={2}
        fontSize={{ base: 'xl', medium: 'xxl' }}
        tabIndex={-1}
        style={{ outline: 'none' }}
      >
        {titles[view]}
      </Heading>

      {remaining !== undefined && view !== 'expired' && view !== 'enrolled' ? <Countdown remaining={remaining} /> : null}

      {view === 'loading' || view === 'activating' ? (
        <Flex alignItems="center" gap="small">
          <Loader aria-hidden />
          <Text>{view === 'loading' ? t('totp.loading') : t('totp.activating')}</Text>
        </Flex>
      ) : null}

      {view === 'unavailable' && state.step === 'unavailable' ? (
        <>
          <Alert variation="error">{t(`failure.${state.failure}`)}</Alert>
          <Flex gap="small" wrap="wrap">
            <Button variation="primary" onClick={() => void retry()}>
              {t('common.tryAgain')}
            </Button>
            {cancel}
          </Flex>
        </>
      ) : null}

      {view === 'entering-code' && (state.step === 'entering-code' || state.step === 'verifying') ? (
        <SetupSteps
          state={state}
          accountName={accountName}
          issuer={issuer}
          replacing={replacing}
          onSubmit={submitCode}
          onStartOver={() => void startOver()}
          onCancel={onCancel}
        />
      ) : null}

      {view === 'activation-failed' && (state.step === 'activation-failed' || state.step === 'activating') ? (
        <>
          <Text>{t('totp.activationFailed')}</Text>
          {state.step === 'activation-failed' ? <Alert variation="error">{t(`failure.${state.failure}`)}</Alert> : null}
          <Flex gap="small" wrap="wrap">
            <Button
              variation="primary"
              isLoading={state.step === 'activating'}
              loadingText={t('totp.activating')}
              onClick={() => void retryActivation()}
            >
              {t('totp.retryActivation')}
            </Button>
            {cancel}
          </Flex>
        </>
      ) : null}

      {view === 'enrolled' ? (
        <Message colorTheme="success" role="status">
          {t('totp.enrolled', { issuer })}
        </Message>
      ) : null}

      {view === 'expired' ? (
        <>
          <Alert variation="warning">{t('totp.expired')}</Alert>
          {onCancel ? (
            <Flex>
              <Button variation="primary" onClick={onCancel}>
                {t('totp.signInAgain')}
              </Button>
            </Flex>
          ) : null}
        </>
      ) : null}
    </Flex>
  )
}

function Countdown({ remaining }: { remaining: number }) {
  const t = useT()
  const soon = remaining <= soonMs
  return (
    <>
      {/* role="timer" is not live: a screen reader reading out every second would be noise. */}
      <Text role="timer" color={soon ? 'font.warning' : 'font.secondary'} fontWeight={soon ? 'bold' : 'normal'}>
        {t('totp.deadline', { time: formatRemaining(remaining) })}
      </Text>
      {/* One spoken warning when a minute is left; the region exists from the start so it is announced. */}
      <VisuallyHidden role="status">{soon ? t('totp.deadlineSoon') : ''}</VisuallyHidden>
    </>
  )
}

type CodeState = Extract<EnrollmentState, { step: 'entering-code' | 'verifying' }>

function SetupSteps({
  state,
  accountName,
  issuer,
  replacing,
  onSubmit,
  onStartOver,
  onCancel,
}: {
  state: CodeState
  accountName: string
  issuer: string
  replacing: boolean
  onSubmit(code: string, deviceName: string): void
  onStartOver(): void
  onCancel?(): void
}) {
  const t = useT()
  const coarse = useCoarsePointer()
  const uri = buildOtpauthUri({ secret: state.secret, issuer, accountName })

  return (
    <>
      <Text>{t('totp.intro')}</Text>
      {replacing ? <Message colorTheme="warning">{t('totp.replacingWarning')}</Message> : null}

      <Card variation="outlined" as="section">
        <Flex direction="column" gap="medium">
          <StepHeading n={1}>{t('totp.step1')}</StepHeading>

          {coarse ? (
            <Flex direction="column" gap="xs">
              <Text>{t('totp.touchHint')}</Text>
              {/* Styled as Amplify's primary button; <Button as="a"> would add type="button" to the link. */}
              <View as="a" href={uri} className="amplify-button amplify-button--primary amplify-button--fullwidth">
                {t('totp.openInApp')}
              </View>
            </Flex>
          ) : null}

          <Flex direction={{ base: 'column', medium: 'row' }} gap="large" alignItems={{ base: 'stretch', medium: 'flex-start' }}>
            <Flex direction="column" alignItems="center" gap="small">
              <QrCode uri={uri} accountName={accountName} />
            </Flex>
            <Flex direction="column" gap="medium" minWidth="0" flex="1">
              <Text>{t('totp.scanHint')}</Text>
              <AppEntryPreview issuer={issuer} accountName={accountName} />
            </Flex>
          </Flex>

          <Flex direction="column" gap="xs">
            <Text>{t('totp.keyIntro')}</Text>
            <SetupKey secret={state.secret} />
            <Text fontSize="small" color="font.secondary">
              {t('totp.keyHint')}
            </Text>
          </Flex>

          <Flex direction="row" wrap="wrap" justifyContent="space-between" alignItems="center" gap="small">
            {coarse ? <span /> : <Link href={uri}>{t('totp.openInApp')}</Link>}
            <StartOver disabled={isPending(state)} onStartOver={onStartOver} />
          </Flex>
        </Flex>
      </Card>

      <Card variation="outlined" as="section">
        <CodeForm state={state} issuer={issuer} onSubmit={onSubmit} onCancel={onCancel} />
      </Card>
    </>
  )
}

function StepHeading({ n, children }: { n: number; children: ReactNode }) {
  const t = useT()
  return (
    <Heading level={3} fontSize="large" fontWeight="semibold">
      <Flex as="span" alignItems="center" gap="small">
        <Flex
          as="span"
          aria-hidden
          shrink={0}
          width="1.75rem"
          height="1.75rem"
          borderRadius="xxl"
          justifyContent="center"
          alignItems="center"
          backgroundColor="background.tertiary"
          fontSize="small"
        >
          {n}
        </Flex>
        <span>
          <VisuallyHidden>{t('totp.stepOf', { n, total: 2 })} </VisuallyHidden>
          {children}
        </span>
      </Flex>
    </Heading>
  )
}

function StartOver({ disabled, onStartOver }: { disabled: boolean; onStartOver(): void }) {
  const t = useT()
  const hintId = useId()
  return (
    <Flex direction="column" alignItems="flex-end" gap="0">
      <Button variation="link" size="small" isDisabled={disabled} onClick={onStartOver} aria-describedby={hintId}>
        {t('totp.startOver')}
      </Button>
      <VisuallyHidden id={hintId}>{t('totp.startOverHint')}</VisuallyHidden>
    </Flex>
  )
}

function CodeForm({
  state,
  issuer,
  onSubmit,
  onCancel,
}: {
  state: CodeState
  issuer: string
  onSubmit(code: string, deviceName: string): void
  onCancel?(): void
}) {
  const t = useT()
  const ids = useId()
  const hintId = `${ids}-hint`
  const errorId = `${ids}-error`
  const helpId = `${ids}-help`
  // null until edited, so the default follows the language.
  const [deviceName, setDeviceName] = useState<string | null>(null)
  const [incomplete, setIncomplete] = useState(false)

  const failure = state.step === 'entering-code' ? state.failure : undefined
  const busy = state.step === 'verifying'
  const showHelp = state.wrongCodes >= wrongCodesBeforeHelp && !busy
  // The sign-in session is over: another code cannot succeed.
  const sessionOver = failure === 'session-expired'

  function submit(code: string) {
    setIncomplete(false)
    onSubmit(code, (deviceName ?? t('totp.deviceDefault')).trim() || t('totp.deviceDefault'))
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const code = normaliseCode(String(new FormData(event.currentTarget).get('code') ?? ''))
    if (code.length === codeLength) submit(code)
    else setIncomplete(true)
  }

  const error = incomplete ? t('totp.codeIncomplete') : failure ? t(`failure.${failure}`) : undefined
  const describedBy = [hintId, error ? errorId : undefined, showHelp ? helpId : undefined].filter(Boolean).join(' ')

  return (
    <Flex as="form" direction="column" gap="medium" onSubmit={handleSubmit} noValidate>
      <StepHeading n={2}>{t('totp.step2')}</StepHeading>
      <Text id={hintId}>{t('totp.codeHint', { issuer })}</Text>

      <TextField
        label={t('totp.deviceLabel')}
        descriptiveText={t('totp.deviceHint')}
        name="deviceName"
        value={deviceName ?? t('totp.deviceDefault')}
        onChange={(event) => setDeviceName(event.target.value)}
        maxLength={deviceNameMaxLength}
        autoComplete="off"
        isDisabled={busy || sessionOver}
        maxWidth="24rem"
      />

      <OneTimeCodeField
        label={t('totp.codeLabel')}
        onComplete={submit}
        disabled={busy || sessionOver}
        invalid={incomplete || codeRefused(failure)}
        describedBy={describedBy}
        autoFocus={false}
        resetSignal={state.rejectedCodes}
      />

      {error ? (
        <Alert variation="error" id={errorId}>
          {error}
        </Alert>
      ) : null}

      {showHelp ? (
        <Message colorTheme="info" heading={t('totp.helpTitle')} id={helpId}>
          <ul style={{ margin: 0, paddingInlineStart: '1.25em' }}>
            <li>{t('totp.helpClock')}</li>
            <li>{t('totp.helpSettings')}</li>
          </ul>
        </Message>
      ) : null}

      <Flex gap="small" wrap="wrap" alignItems="center">
        <Button
          type="submit"
          variation="primary"
          isLoading={busy}
          loadingText={t('totp.verifying')}
          isDisabled={sessionOver}
        >
          {t('totp.verify')}
        </Button>
        {onCancel ? (
          <Button variation={sessionOver ? 'primary' : 'link'} onClick={onCancel}>
            {sessionOver ? t('totp.signInAgain') : t('common.cancel')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  )
}

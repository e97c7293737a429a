// The authenticator setup screen: a view of the enrollment state (enrollment-flow.ts) that its
// owner runs, sign-in or account settings; every action is a callback to that owner. Loaded on
// demand with its words, stylesheets and the QR code: nobody needs it on the first screen.
import '@aws-amplify/ui-react/styles/card.css'
import '@aws-amplify/ui-react/styles/fieldMessages.css'
import '@aws-amplify/ui-react/styles/link.css'
import '@aws-amplify/ui-react/styles/message.css'
import '../ui/later-steps.css'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { Alert, Button, Card, Flex, Link, Loader, Message, Text, TextField, View, VisuallyHidden } from '@aws-amplify/ui-react'
import type { AuthFailure } from '../auth/auth-failure.ts'
import { FailureMessage } from '../auth/failure-message.tsx'
import { messages as laterFailures } from '../auth/later-failure-messages.ts'
import { useT, withMessages } from '../i18n/i18n-provider.tsx'
import { messages as later } from '../i18n/later-messages.ts'
import type { Clock } from '../ui/clock.ts'
import { codeLength, normaliseCode, OneTimeCodeField } from '../ui/one-time-code-field.tsx'
import { SessionCountdown } from '../ui/session-countdown.tsx'
import { StepHeading } from '../ui/step-heading.tsx'
import { AppEntryPreview } from './app-entry-preview.tsx'
import { isPending, wrongCodesBeforeHelp, type EnrollmentState } from './enrollment-flow.ts'
import { messages } from './messages.ts'
import { buildOtpauthUri } from './otpauth-uri.ts'
import { QrCode } from './qr-code.tsx'
import { SetupKey } from './setup-key.tsx'
import { useCoarsePointer } from './use-coarse-pointer.ts'
import { useSmallScreen } from './use-small-screen.ts'

export type EnrollmentViewProps = {
  state: EnrollmentState
  /** The label in the phone's app: the username or email. */
  accountName: string
  /** The app's name, shown as the entry's title in the phone's app. */
  issuer: string
  /** The user already has an authenticator app that this one replaces. */
  replacing?: boolean
  /**
   * This browser showed the user an earlier key that was never verified, and this one replaced it:
   * an entry made from the earlier one will not work (docs/cognito-behaviour.md#a-new-sign-in-issues-a-new-key).
   */
  replacedKey?: boolean
  /** Inside sign-in: Cognito's challenge session, counted down on the sign-in flow's clock. */
  session?: { deadline: number; clock: Clock }
  onSubmitCode(code: string, deviceName: string): void
  /** A new key: the only way a second secret is minted. Absent: no new key can be had here (no button). */
  onStartOver?(): void
  /** After the key could not be fetched. */
  onRetry?(): void
  /** After the code was accepted but switching on failed: retries only the switch. */
  onRetryActivation?(): void
  onCancel?(): void
  /** Shown first on the code-only finishing step: why its owner opened it without the key. */
  finishNotice?: ReactNode
  /**
   * The owner's own field, shown just before the code (which is sent at its sixth digit, so it must
   * come first): sign-in's "Don't ask for a code on this browser" (ADR 025).
   */
  beforeCode?: ReactNode
}

/** FriendlyDeviceName has no documented limit; this keeps it readable in lists. */
const deviceNameMaxLength = 64

type Screen = 'loading' | 'unavailable' | 'entering-code' | 'entering-scanned-code' | 'activating' | 'activation-failed'

function screenOf(state: EnrollmentState): Screen {
  switch (state.step) {
    // 'enrolled' is never shown: each owner leaves the screen then (settings → Security, sign-in → signed in).
    case 'idle':
    case 'loading':
    case 'enrolled':
      return 'loading'
    case 'unavailable':
    case 'activation-failed':
      return state.step
    case 'activating':
      return state.retry ? 'activation-failed' : 'activating'
    case 'entering-code':
    case 'verifying':
      return 'entering-code'
    case 'entering-scanned-code':
    case 'verifying-scanned-code':
      return 'entering-scanned-code'
  }
}

const codeRefused = (failure?: AuthFailure) => failure === 'wrong-code' || failure === 'code-reused'

function EnrollmentView({
  state,
  accountName,
  issuer,
  replacing = false,
  replacedKey = false,
  session,
  onSubmitCode,
  onStartOver,
  onRetry,
  onRetryActivation,
  onCancel,
  finishNotice,
  beforeCode,
}: EnrollmentViewProps) {
  const t = useT()
  const view = screenOf(state)
  const headingId = useId()

  const cancel = onCancel ? (
    <Button variation="link" onClick={onCancel}>
      {t('common.cancel')}
    </Button>
  ) : null

  return (
    <Flex as="section" direction="column" gap="medium" width="100%" maxWidth="44rem" aria-labelledby={headingId}>
      {/* Keyed by screen: each new screen moves focus to its heading, where keyboard and screen
          readers start reading. The code field does not grab focus: on a phone that would pop
          up the keyboard over the QR code. */}
      {/* Inside sign-in, the sign-in step's title is the page's: this one is a section of it, one
          size down (not a second large title) and not the tab's name. */}
      <StepHeading key={view} level={2} id={headingId} namesTab={!session} className={session ? 'heading-large' : 'heading-setup'}>
        {view === 'activation-failed' ? t('totp.activationFailedTitle') : view === 'entering-scanned-code' ? t('totp.finishTitle') : t('totp.title')}
      </StepHeading>

      {session ? <SessionCountdown deadline={session.deadline} clock={session.clock} sticky /> : null}

      {view === 'loading' || view === 'activating' ? (
        <Flex alignItems="center" gap="small">
          <Loader aria-hidden />
          <Text>{view === 'loading' ? t('totp.loading') : t('totp.activating')}</Text>
        </Flex>
      ) : null}

      {view === 'unavailable' && state.step === 'unavailable' ? (
        <>
          <FailureMessage failure={state.failure} />
          <Flex gap="small" wrap="wrap">
            <Button variation="primary" onClick={onRetry}>
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
          replacedKey={replacedKey}
          onSubmit={onSubmitCode}
          onStartOver={onStartOver}
          onCancel={onCancel}
          beforeCode={beforeCode}
        />
      ) : null}

      {view === 'entering-scanned-code' && (state.step === 'entering-scanned-code' || state.step === 'verifying-scanned-code') ? (
        <>
          {finishNotice}
          <Text>{t('totp.finishIntro')}</Text>
          <Card variation="outlined" as="section">
            <CodeForm state={state} issuer={issuer} onSubmit={onSubmitCode} onCancel={onCancel} beforeCode={beforeCode} />
          </Card>
          <Flex direction="column" gap="xs">
            <Text>{t('totp.finishNeverScanned')}</Text>
            <div>
              <Button size="small" isDisabled={isPending(state)} onClick={onStartOver}>
                {t('totp.startOver')}
              </Button>
            </div>
          </Flex>
        </>
      ) : null}

      {view === 'activation-failed' && (state.step === 'activation-failed' || state.step === 'activating') ? (
        <>
          <Text>{t('totp.activationFailed')}</Text>
          {state.step === 'activation-failed' ? <FailureMessage failure={state.failure} /> : null}
          <Flex gap="small" wrap="wrap">
            <Button variation="primary" isLoading={state.step === 'activating'} loadingText={t('totp.activating')} onClick={onRetryActivation}>
              {t('totp.retryActivation')}
            </Button>
            {cancel}
          </Flex>
        </>
      ) : null}
    </Flex>
  )
}

// The setup screen's words arrive with it (sign-in loads it lazily; settings with the account page).
export default withMessages([later, laterFailures, messages], EnrollmentView)

type CodeState = Extract<EnrollmentState, { step: 'entering-code' | 'verifying' }>
type AnyCodeState = Extract<EnrollmentState, { step: 'entering-code' | 'verifying' | 'entering-scanned-code' | 'verifying-scanned-code' }>

function SetupSteps({
  state,
  accountName,
  issuer,
  replacing,
  replacedKey,
  onSubmit,
  onStartOver,
  onCancel,
  beforeCode,
}: {
  state: CodeState
  accountName: string
  issuer: string
  replacing: boolean
  replacedKey: boolean
  onSubmit(code: string, deviceName: string): void
  onStartOver?(): void
  onCancel?(): void
  beforeCode?: ReactNode
}) {
  const t = useT()
  const coarse = useCoarsePointer()
  const small = useSmallScreen()
  // Read once: a later `open` prop would make React close (or open) the disclosure under the user.
  const [keyOpenAtFirst] = useState(!small)
  const uri = buildOtpauthUri({ secret: state.secret, issuer, accountName })

  return (
    <>
      <Text>{t('totp.intro')}</Text>
      {replacing ? <Message colorTheme="warning">{t('totp.replacingWarning')}</Message> : null}
      {replacedKey ? (
        <Message colorTheme="warning" heading={t('totp.replacedKeyTitle')}>
          {t('totp.replacedKey')}
        </Message>
      ) : null}

      <Card variation="outlined" as="section">
        <Flex direction="column" gap="medium">
          <NumberedStep n={1}>{t('totp.step1')}</NumberedStep>

          {coarse ? (
            <Flex direction="column" gap="xs">
              <Text>{t('totp.touchHint')}</Text>
              {/* Styled as Amplify's primary button; <Button as="a"> would add type="button" to the link.
                  Amplify's button class does not undo a link's underline, so it is undone here. */}
              <View as="a" href={uri} className="amplify-button amplify-button--primary amplify-button--fullwidth" textDecoration="none">
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

          {/* The key is for those who cannot scan or open the link. On a phone, where the page is
              several screens long, it waits behind "Can't scan the code?"; on a wide screen it is
              shown open. A native disclosure: a button with its expanded state for keyboards and
              screen readers. Open or closed as the screen first was: turning the phone leaves what
              the user opened or closed alone. */}
          <details className="setup-key" open={keyOpenAtFirst}>
            <summary>{t('totp.cantScan')}</summary>
            <Flex direction="column" gap="xs">
              <Text>{t('totp.keyIntro')}</Text>
              <SetupKey secret={state.secret} />
              <Text fontSize="small" color="font.secondary">
                {t('totp.keyHint')}
              </Text>
            </Flex>
          </details>

          <Flex direction="row" wrap="wrap" justifyContent="space-between" alignItems="center" gap="small">
            {coarse ? <span /> : <Link href={uri}>{t('totp.openInApp')}</Link>}
            {onStartOver ? <StartOver disabled={isPending(state)} onStartOver={onStartOver} /> : null}
          </Flex>
        </Flex>
      </Card>

      <Card variation="outlined" as="section">
        <CodeForm state={state} issuer={issuer} onSubmit={onSubmit} onCancel={onCancel} beforeCode={beforeCode} />
      </Card>
    </>
  )
}

/** "Step n of 2" on a card: a heading of the screen's sections, the number drawn as a badge. */
function NumberedStep({ n, children }: { n: number; children: ReactNode }) {
  const t = useT()
  return (
    <StepHeading level={3} focusOnMount={false} className="heading-large heading-semibold">
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
    </StepHeading>
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
  beforeCode,
}: {
  state: AnyCodeState
  issuer: string
  onSubmit(code: string, deviceName: string): void
  onCancel?(): void
  beforeCode?: ReactNode
}) {
  const t = useT()
  const ids = useId()
  // With the key on screen, this form is the second of two numbered steps; without it, the only one.
  const withKey = state.step === 'entering-code' || state.step === 'verifying'
  const hintId = `${ids}-hint`
  const errorId = `${ids}-error`
  const helpId = `${ids}-help`
  // Empty unless the user names it: no name is sent or remembered then, rather than a default word
  // in whatever language was active (the security page says the name is unknown instead).
  const [deviceName, setDeviceName] = useState('')
  const [incomplete, setIncomplete] = useState(false)

  const failure = state.step === 'entering-code' || state.step === 'entering-scanned-code' ? state.failure : undefined
  const busy = isPending(state)
  const showHelp = state.wrongCodes >= wrongCodesBeforeHelp && !busy
  // The sign-in session is over: another code cannot succeed.
  const sessionOver = failure === 'session-expired'

  function submit(code: string) {
    setIncomplete(false)
    onSubmit(code, deviceName.trim())
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const code = normaliseCode(String(new FormData(event.currentTarget).get('code') ?? ''))
    if (code.length === codeLength) submit(code)
    else setIncomplete(true)
  }

  const describedBy = [hintId, incomplete || failure ? errorId : undefined, showHelp ? helpId : undefined].filter(Boolean).join(' ')

  return (
    <Flex as="form" direction="column" gap="medium" onSubmit={handleSubmit} noValidate>
      {withKey ? (
        <NumberedStep n={2}>{t('totp.step2')}</NumberedStep>
      ) : (
        <StepHeading level={3} focusOnMount={false} className="heading-large heading-semibold">
          {t('totp.finishStep')}
        </StepHeading>
      )}
      <Text id={hintId}>{t('totp.codeHint', { issuer })}</Text>

      <TextField
        label={t('totp.deviceLabel')}
        descriptiveText={t('totp.deviceHint')}
        name="deviceName"
        value={deviceName}
        onChange={(event) => setDeviceName(event.target.value)}
        maxLength={deviceNameMaxLength}
        autoComplete="off"
        isDisabled={busy || sessionOver}
        maxWidth="24rem"
      />

      {beforeCode}

      <OneTimeCodeField
        label={t('totp.codeLabel')}
        onComplete={submit}
        onIncomplete={() => setIncomplete(true)}
        disabled={busy || sessionOver}
        invalid={incomplete || codeRefused(failure)}
        describedBy={describedBy}
        autoFocus={false}
        resetSignal={state.rejectedCodes}
      />

      {incomplete ? (
        <Alert variation="error" id={errorId}>
          {t('totp.codeIncomplete')}
        </Alert>
      ) : (
        <FailureMessage failure={failure} id={errorId} />
      )}

      {showHelp ? (
        <Message colorTheme="info" heading={t('totp.helpTitle')} id={helpId}>
          <ul style={{ margin: 0, paddingInlineStart: '1.25em' }}>
            <li>{t('totp.helpClock')}</li>
            <li>{t('totp.helpSettings')}</li>
          </ul>
        </Message>
      ) : null}

      <Flex gap="small" wrap="wrap" alignItems="center">
        <Button type="submit" variation="primary" isLoading={busy} loadingText={t('totp.verifying')} isDisabled={sessionOver}>
          {t('totp.verify')}
        </Button>
        {onCancel ? (
          // Not while a code is being checked: leaving then re-read the status before the answer,
          // and a late "verified" was dropped with the page still saying "not asked for".
          <Button variation={sessionOver ? 'primary' : 'link'} onClick={onCancel} isDisabled={busy}>
            {sessionOver ? t('totp.signInAgain') : t('common.cancel')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  )
}

// Field hints (descriptiveText) appear only in these steps, so their stylesheet comes with them.
import '@aws-amplify/ui-react/styles/fieldMessages.css'
import '../../ui/later-steps.css'
import { Button, Flex, Loader, Text, TextField } from '@aws-amplify/ui-react'
import { lazy, Suspense, useId, useState } from 'react'
import { FailureMessage } from '../../auth/failure-message.tsx'
import type { MessageKey } from '../../i18n/areas.ts'
import { useT } from '../../i18n/i18n-provider.tsx'
import { ErrorMessage, StatusMessage } from '../../ui/messages.tsx'
import { OneTimeCodeField } from '../../ui/one-time-code-field.tsx'
// Starts noting presses, so the next screen can tell a click meant for this one (issue 11, item 3).
import '../../ui/stray-clicks.ts'
import { PasswordInput } from '../../ui/password-input.tsx'
import { SessionCountdown } from '../../ui/session-countdown.tsx'
import { StepHeading } from '../../ui/step-heading.tsx'
import type { SignInController } from './use-sign-in.ts'
import { formText } from '../../ui/form-text.ts'
import { LostPhoneHelp } from './lost-phone-help.tsx'
import { RememberBrowserField } from './remember-browser-field.tsx'
import { type Of, type StepProps } from './step-parts.tsx'

// The authenticator setup screen (with the QR code) loads only when Cognito asks for setup.
const EnrollmentView = lazy(() => import('../../enrollment/enrollment-view.tsx'))

/** The sign-in steps after the password form, chosen by the flow's state. */
export default function SignInSteps(props: StepProps) {
  const { state } = props
  switch (state.step) {
    case 'totp-code':
    case 'checking-totp':
      return <TotpCodeStep {...props} state={state} />
    case 'totp-setup':
      return <TotpSetupStep {...props} state={state} />
    case 'select-mfa':
    case 'selecting-mfa':
      return <SelectMfaStep {...props} state={state} />
    case 'delivered-code':
    case 'checking-delivered-code':
      return <DeliveredCodeStep {...props} state={state} />
    case 'new-password':
    case 'setting-new-password':
      return <NewPasswordStep {...props} state={state} />
    default:
      return null
  }
}

function TotpCodeStep({ flow, state, clock, issuer, support }: Of<'totp-code' | 'checking-totp'>) {
  const t = useT()
  const errorId = useId()
  const introId = useId()
  const checking = state.step === 'checking-totp'
  const [incomplete, setIncomplete] = useState(false)
  const [rememberBrowser, setRememberBrowser] = useState(false)
  const failure = state.step === 'totp-code' ? state.failure : undefined
  return (
    <Flex direction="column" gap="medium">
      <StepHeading focusOnMount={false}>{t('signIn.totp.title')}</StepHeading>
      <Text id={introId}>{t('signIn.totp.intro', { username: state.username })}</Text>
      <SessionCountdown deadline={state.deadline} clock={clock} />
      {incomplete ? <ErrorMessage id={errorId}>{t('signIn.codeIncomplete')}</ErrorMessage> : <FailureMessage failure={failure} id={errorId} />}
      {/* Before the code: the code is sent at its sixth digit, so a box after it would come too late. */}
      <RememberBrowserField checked={rememberBrowser} disabled={checking} onChange={setRememberBrowser} />
      <OneTimeCodeField
        label={t('signIn.totp.label')}
        onComplete={(code) => {
          setIncomplete(false)
          flow.submitTotpCode(code, rememberBrowser ? { rememberBrowser } : undefined)
        }}
        onIncomplete={() => setIncomplete(true)}
        disabled={checking}
        invalid={incomplete || Boolean(failure)}
        describedBy={incomplete || failure ? `${errorId} ${introId}` : introId}
        autoFocus
        resetSignal={state.attempt}
      />
      <Text className="hint" role={checking ? 'status' : undefined}>
        {checking ? t('signIn.checking') : t('signIn.totp.autoSubmit')}
      </Text>
      {state.wrongCodes >= 2 && <StatusMessage variation="info">{t('signIn.totp.clockHelp')}</StatusMessage>}
      <LostPhoneHelp support={support} appName={issuer} />
      <BackButton flow={flow} disabled={checking} />
    </Flex>
  )
}

function TotpSetupStep({ flow, state, clock, issuer }: Of<'totp-setup'>) {
  const t = useT()
  const [rememberBrowser, setRememberBrowser] = useState(false)
  return (
    <Flex direction="column" gap="medium">
      <StepHeading>{t('signIn.setup.title')}</StepHeading>
      <Text>{t('signIn.setup.intro', { username: state.username })}</Text>
      {/* The same challenge meets a user whose authenticator was suspended by an unfinished replacement. */}
      <Text>{t('signIn.setup.hadOne')}</Text>
      <Text>{t('signIn.setup.notYou', { appName: issuer })}</Text>
      <Suspense
        fallback={
          <Flex alignItems="center" gap="small" role="status">
            <Loader aria-hidden />
            <Text>{t('app.loadingScreen')}</Text>
          </Flex>
        }
      >
        <EnrollmentView
          state={state.setup}
          accountName={state.username}
          issuer={issuer}
          session={{ deadline: state.deadline, clock }}
          replacedKey={state.replacedKey}
          onSubmitCode={(code, deviceName) => void flow.submitSetupCode(code, deviceName, rememberBrowser ? { rememberBrowser } : undefined)}
          beforeCode={<RememberBrowserField checked={rememberBrowser} disabled={state.setup.step === 'verifying'} onChange={setRememberBrowser} />}
          // Without a password in memory that is still current, no new key can be had: no button.
          onStartOver={state.newKey ? flow.startSetupOver : undefined}
          onRetry={state.newKey ? flow.startSetupOver : undefined}
          onCancel={flow.backToSignIn}
        />
      </Suspense>
    </Flex>
  )
}

const mfaLabel: Record<string, MessageKey> = {
  totp: 'signIn.select.totp',
  sms: 'signIn.select.sms',
  email: 'signIn.select.email',
}

function SelectMfaStep({ flow, state, clock }: Of<'select-mfa' | 'selecting-mfa'>) {
  const t = useT()
  const pending = state.step === 'selecting-mfa'
  return (
    <Flex direction="column" gap="medium">
      <StepHeading>{t('signIn.select.title')}</StepHeading>
      <Text>{t('signIn.select.intro')}</Text>
      <SessionCountdown deadline={state.deadline} clock={clock} />
      <FailureMessage failure={state.step === 'select-mfa' ? state.failure : undefined} />
      <Flex direction="column" gap="small">
        {state.options.map((option) => (
          <Button key={option} onClick={() => flow.chooseMfaType(option)} isDisabled={pending} isFullWidth>
            {t(mfaLabel[option])}
          </Button>
        ))}
      </Flex>
      <BackButton flow={flow} disabled={pending} />
    </Flex>
  )
}

function DeliveredCodeStep({ flow, state, clock }: Of<'delivered-code' | 'checking-delivered-code'>) {
  const t = useT()
  const errorId = useId()
  const introId = useId()
  const checking = state.step === 'checking-delivered-code'
  const [incomplete, setIncomplete] = useState(false)
  const failure = state.step === 'delivered-code' ? state.failure : undefined
  const intro = state.destination
    ? t(state.channel === 'sms' ? 'signIn.delivered.sms' : 'signIn.delivered.email', { destination: state.destination })
    : t(state.channel === 'sms' ? 'signIn.delivered.smsUnknown' : 'signIn.delivered.emailUnknown')
  return (
    <Flex direction="column" gap="medium">
      <StepHeading focusOnMount={false}>{t('signIn.delivered.title')}</StepHeading>
      <Text id={introId}>{intro}</Text>
      <SessionCountdown deadline={state.deadline} clock={clock} />
      {incomplete ? <ErrorMessage id={errorId}>{t('signIn.codeIncomplete')}</ErrorMessage> : <FailureMessage failure={failure} id={errorId} />}
      <OneTimeCodeField
        label={t('signIn.delivered.label')}
        onComplete={(code) => {
          setIncomplete(false)
          flow.submitDeliveredCode(code)
        }}
        onIncomplete={() => setIncomplete(true)}
        disabled={checking}
        invalid={incomplete || Boolean(failure)}
        describedBy={incomplete || failure ? `${errorId} ${introId}` : introId}
        autoFocus
        resetSignal={state.attempt}
      />
      {checking && <Text role="status">{t('signIn.checking')}</Text>}
      <BackButton flow={flow} disabled={checking} />
    </Flex>
  )
}

const attributeLabel: Record<string, MessageKey> = {
  email: 'signIn.attribute.email',
  name: 'signIn.attribute.name',
  given_name: 'signIn.attribute.given_name',
  family_name: 'signIn.attribute.family_name',
  phone_number: 'signIn.attribute.phone_number',
}

function NewPasswordStep({ flow, state, clock }: Of<'new-password' | 'setting-new-password'>) {
  const t = useT()
  const errorId = useId()
  const pending = state.step === 'setting-new-password'
  const failure = state.step === 'new-password' ? state.failure : undefined
  return (
    <Flex direction="column" gap="medium">
      <StepHeading>{t('signIn.newPassword.title')}</StepHeading>
      <Text>{t('signIn.newPassword.intro')}</Text>
      <SessionCountdown deadline={state.deadline} clock={clock} />
      <FailureMessage failure={failure} id={errorId} />
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          const attributes = Object.fromEntries(state.missingAttributes.map((name) => [name, formText(event, name)]))
          flow.submitNewPassword(formText(event, 'new-password'), attributes)
        }}
      >
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={state.username} readOnly hidden />
        <PasswordInput
          label={t('signIn.newPassword.label')}
          name="new-password"
          autoComplete="new-password"
          disabled={pending}
          invalid={failure === 'invalid-password'}
          describedBy={failure ? errorId : undefined}
          descriptiveText={t('signIn.newPassword.hint')}
        />
        {state.missingAttributes.map((name) => (
          <TextField
            key={name}
            name={name}
            label={attributeLabel[name] ? t(attributeLabel[name]) : t('signIn.attribute.other', { name })}
            type={name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : 'text'}
            autoComplete={name === 'email' ? 'email' : name === 'phone_number' ? 'tel' : undefined}
            isRequired
            isDisabled={pending}
          />
        ))}
        <Button type="submit" variation="primary" isFullWidth isLoading={pending} loadingText={t('signIn.newPassword.submitting')}>
          {t('signIn.newPassword.submit')}
        </Button>
      </form>
      <BackButton flow={flow} disabled={pending} />
    </Flex>
  )
}

function BackButton({ flow, disabled }: { flow: SignInController; disabled?: boolean }) {
  const t = useT()
  return (
    <Button variation="link" size="small" onClick={flow.backToSignIn} isDisabled={disabled} alignSelf="flex-start">
      {t('signIn.back')}
    </Button>
  )
}

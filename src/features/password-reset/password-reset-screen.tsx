// Resetting a forgotten password (or one an administrator reset): the username, then the emailed
// code with a new password, checked against the pool's rules as the user types. Loaded on demand
// (the app prefetches it while the sign-in form is idle); its words come with it (withMessages).
import '@aws-amplify/ui-react/styles/fieldMessages.css'
import './password-reset.css'
import { Button, Flex, Loader, Text, TextField } from '@aws-amplify/ui-react'
import { useId, useState } from 'react'
import type { AuthFailure } from '../../auth/auth-failure.ts'
import { FailureMessage } from '../../auth/failure-message.tsx'
import { messages as laterFailures } from '../../auth/later-failure-messages.ts'
import type { MessageKey } from '../../i18n/areas.ts'
import { useT, withMessages } from '../../i18n/i18n-provider.tsx'
import { ErrorMessage, StatusMessage } from '../../ui/messages.tsx'
import { formText } from '../../ui/form-text.ts'
import { PasswordInput } from '../../ui/password-input.tsx'
import { StepHeading } from '../../ui/step-heading.tsx'
import { messages } from './messages.ts'
import type { PasswordResetState } from './password-reset-flow.ts'
import { metRules, passwordRules } from './password-rules.ts'
import { useCooldown, usePasswordReset, type PasswordResetController, type UsePasswordResetOptions } from './use-password-reset.ts'

export type PasswordResetScreenProps = UsePasswordResetOptions & {
  /** Local emulator: where the codes appear. */
  localMode?: boolean
}

function PasswordResetScreen({ localMode = false, ...options }: PasswordResetScreenProps) {
  const flow = usePasswordReset(options)
  return <section className="panel">{step(flow, options, localMode)}</section>
}

function step(flow: PasswordResetController, options: UsePasswordResetOptions, localMode: boolean) {
  const { state } = flow
  switch (state.step) {
    case 'request':
    case 'requesting':
      return <RequestStep flow={flow} state={state} />
    case 'confirm':
    case 'confirming':
    case 'resending':
      return <ConfirmStep flow={flow} state={state} clock={options.clock} localMode={localMode} />
    case 'reset':
      return <ResetDone />
  }
}

type Of<S extends PasswordResetState['step']> = { flow: PasswordResetController; state: Extract<PasswordResetState, { step: S }> }

/** A failure in this flow's words where they differ from sign-in's (codes here are emailed, not from the app). */
const resetWords: Partial<Record<AuthFailure, MessageKey>> = {
  'wrong-code': 'passwordReset.failure.wrong-code',
  'code-expired': 'passwordReset.failure.code-expired',
  'too-many-attempts': 'passwordReset.failure.too-many-attempts',
  'invalid-password': 'passwordReset.failure.invalid-password',
}

/** A failure in this flow's words where they differ from sign-in's (codes here are emailed, not from the app). */
function ResetFailure({ failure, id }: { failure: AuthFailure | undefined; id: string }) {
  const t = useT()
  const key = failure && resetWords[failure]
  if (key) return <ErrorMessage id={id}>{t(key)}</ErrorMessage>
  return <FailureMessage failure={failure} id={id} />
}

function RequestStep({ flow, state }: Of<'request' | 'requesting'>) {
  const t = useT()
  const errorId = useId()
  const pending = state.step === 'requesting'
  const failure = state.step === 'request' ? state.failure : undefined
  // After an administrator's reset the code is asked for at once: say why while it is sent.
  if (state.reason === 'required' && pending) {
    return (
      <Flex direction="column" gap="medium">
        <StepHeading>{t('passwordReset.title')}</StepHeading>
        <StatusMessage variation="info">{t('passwordReset.required')}</StatusMessage>
        <Flex alignItems="center" gap="small" role="status">
          <Loader aria-hidden />
          <Text>{t('passwordReset.requiredSending')}</Text>
        </Flex>
      </Flex>
    )
  }
  return (
    <Flex direction="column" gap="medium">
      <StepHeading>{t('passwordReset.title')}</StepHeading>
      {state.reason === 'required' && <StatusMessage variation="info">{t('passwordReset.required')}</StatusMessage>}
      <Text>{t('passwordReset.intro')}</Text>
      <ResetFailure failure={failure} id={errorId} />
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          flow.submitUsername(formText(event, 'username'))
        }}
      >
        <TextField
          label={t('passwordReset.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          isRequired
          defaultValue={state.username}
          isDisabled={pending}
          aria-describedby={failure ? errorId : undefined}
        />
        <Button type="submit" variation="primary" isFullWidth isLoading={pending} loadingText={t('passwordReset.sending')}>
          {t('passwordReset.send')}
        </Button>
      </form>
      <Button variation="link" size="small" onClick={flow.backToSignIn} isDisabled={pending} alignSelf="flex-start">
        {t('passwordReset.back')}
      </Button>
    </Flex>
  )
}

function ConfirmStep({
  flow,
  state,
  clock,
  localMode,
}: Of<'confirm' | 'confirming' | 'resending'> & { clock: UsePasswordResetOptions['clock']; localMode: boolean }) {
  const t = useT()
  const errorId = useId()
  const rulesId = useId()
  const [password, setPassword] = useState('')
  const cooldown = useCooldown(clock, state.sentAt)
  const confirming = state.step === 'confirming'
  const resending = state.step === 'resending'
  const busy = confirming || resending
  const { failure } = state
  const codeFailure = failure === 'wrong-code' || failure === 'code-expired'
  const met = metRules(password)
  const { destination } = state.delivery
  return (
    <Flex direction="column" gap="medium">
      <StepHeading>{t('passwordReset.confirm.title')}</StepHeading>
      {state.reason === 'required' && <StatusMessage variation="info">{t('passwordReset.required')}</StatusMessage>}
      <Text>
        {destination
          ? t('passwordReset.confirm.sentTo', { destination, username: state.username })
          : t('passwordReset.confirm.sent', { username: state.username })}
      </Text>
      {localMode && <StatusMessage variation="info">{t('passwordReset.confirm.localHint')}</StatusMessage>}
      {state.resent && state.step === 'confirm' && !failure && <StatusMessage>{t('passwordReset.confirm.resent')}</StatusMessage>}
      <ResetFailure failure={failure} id={errorId} />
      {/* Fields are never cleared on a refusal: whatever the user typed stays for the next try. */}
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          void flow.submitNewPassword(formText(event, 'reset-code'), formText(event, 'new-password'))
        }}
        onChange={(event) => {
          const field = event.target as unknown as HTMLInputElement
          if (field.name === 'new-password') setPassword(field.value)
        }}
      >
        <TextField
          label={t('passwordReset.confirm.code')}
          name="reset-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          isRequired
          isDisabled={busy}
          hasError={codeFailure}
          aria-describedby={codeFailure ? errorId : undefined}
        />
        <PasswordInput
          label={t('passwordReset.confirm.password')}
          name="new-password"
          autoComplete="new-password"
          disabled={busy}
          invalid={failure === 'invalid-password'}
          describedBy={failure === 'invalid-password' ? `${errorId} ${rulesId}` : rulesId}
        />
        <div id={rulesId} className="password-rules">
          <Text as="span">{t('passwordReset.rules.title')}</Text>
          <ul>
            {passwordRules.map((rule) => (
              <li key={rule} data-met={met.has(rule)}>
                <span aria-hidden>{met.has(rule) ? '✓' : '○'}</span> {t(`passwordReset.rules.${rule}`)}
                <span className="amplify-visually-hidden"> ({met.has(rule) ? t('passwordReset.rules.met') : t('passwordReset.rules.notMet')})</span>
              </li>
            ))}
          </ul>
        </div>
        <Button type="submit" variation="primary" isFullWidth isLoading={confirming} loadingText={t('passwordReset.confirm.submitting')}>
          {t('passwordReset.confirm.submit')}
        </Button>
      </form>
      <Flex gap="small" wrap="wrap" justifyContent="space-between" alignItems="center">
        <Button
          size="small"
          onClick={flow.resendCode}
          isDisabled={confirming || cooldown > 0}
          isLoading={resending}
          loadingText={t('passwordReset.confirm.resending')}
        >
          {t('passwordReset.confirm.resend')}
        </Button>
        <Button variation="link" size="small" onClick={flow.changeUsername} isDisabled={busy}>
          {t('passwordReset.confirm.otherUsername')}
        </Button>
        <Button variation="link" size="small" onClick={flow.backToSignIn} isDisabled={busy} alignSelf="flex-start">
          {t('passwordReset.back')}
        </Button>
      </Flex>
      {cooldown > 0 && !resending && <Text className="aside">{t('passwordReset.confirm.resendIn', { seconds: cooldown })}</Text>}
    </Flex>
  )
}

function ResetDone() {
  const t = useT()
  return <StatusMessage>{t('passwordReset.done')}</StatusMessage>
}

// Its words come with this chunk: the feature's own and the failures only later steps meet.
export default withMessages([laterFailures, messages], PasswordResetScreen)

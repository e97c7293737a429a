// Creating an account and confirming it with the emailed code. Loaded on demand (the app
// prefetches it while the sign-in form is idle); its words come with it (withMessages below).
// Field hints (descriptiveText) appear here, so their stylesheet comes with the screen.
import '@aws-amplify/ui-react/styles/fieldMessages.css'
import '../../ui/later-steps.css'
import { Button, Flex, Text, TextField } from '@aws-amplify/ui-react'
import { useId } from 'react'
import { FailureMessage } from '../../auth/failure-message.tsx'
import { messages as laterFailures } from '../../auth/later-failure-messages.ts'
import { useT, withMessages } from '../../i18n/i18n-provider.tsx'
import { StatusMessage } from '../../ui/messages.tsx'
import { formText } from '../../ui/form-text.ts'
import { PasswordInput } from '../../ui/password-input.tsx'
import { StepHeading } from '../../ui/step-heading.tsx'
import { messages } from './messages.ts'
import type { SignUpState } from './sign-up-flow.ts'
import { useSignUp, type SignUpController, type UseSignUpOptions } from './use-sign-up.ts'

export type SignUpScreenProps = UseSignUpOptions & {
  /** Local emulator: where confirmation codes appear. */
  localMode?: boolean
}

function SignUpScreen({ localMode = false, ...options }: SignUpScreenProps) {
  const flow = useSignUp(options)
  return <section className="panel">{step(flow, localMode)}</section>
}

function step(flow: SignUpController, localMode: boolean) {
  const { state } = flow
  switch (state.step) {
    case 'sign-up':
    case 'signing-up':
      return <SignUpStep flow={flow} state={state} />
    case 'confirm-sign-up':
    case 'confirming-sign-up':
    case 'resending-code':
      return <ConfirmSignUpStep flow={flow} state={state} localMode={localMode} />
    case 'confirmed':
      // Sign-in takes over (the app switches screens).
      return null
  }
}

type Of<S extends SignUpState['step']> = { flow: SignUpController; state: Extract<SignUpState, { step: S }> }

function SignUpStep({ flow, state }: Of<'sign-up' | 'signing-up'>) {
  const t = useT()
  const errorId = useId()
  const pending = state.step === 'signing-up'
  const failure = state.step === 'sign-up' ? state.failure : undefined
  return (
    <Flex direction="column" gap="medium">
      <StepHeading>{t('signUp.title')}</StepHeading>
      <Text>{t('signUp.intro')}</Text>
      <FailureMessage failure={failure} id={errorId} />
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          void flow.submitSignUp(formText(event, 'username'), formText(event, 'password'), formText(event, 'email'))
        }}
      >
        <TextField
          label={t('signUp.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          isRequired
          defaultValue={state.username}
          isDisabled={pending}
          hasError={failure === 'username-exists'}
          aria-describedby={failure ? errorId : undefined}
        />
        <TextField label={t('signUp.email')} name="email" type="email" autoComplete="email" isDisabled={pending} />
        <PasswordInput
          label={t('signUp.password')}
          name="password"
          autoComplete="new-password"
          disabled={pending}
          invalid={failure === 'invalid-password'}
          describedBy={failure ? errorId : undefined}
          descriptiveText={t('signUp.passwordHint')}
        />
        <Button type="submit" variation="primary" isFullWidth isLoading={pending} loadingText={t('signUp.submitting')}>
          {t('signUp.submit')}
        </Button>
      </form>
      <Text className="aside">
        {t('signUp.haveAccount')}{' '}
        <Button variation="link" size="small" onClick={flow.backToSignIn} isDisabled={pending}>
          {t('signUp.signIn')}
        </Button>
      </Text>
    </Flex>
  )
}

function ConfirmSignUpStep({ flow, state, localMode }: Of<'confirm-sign-up' | 'confirming-sign-up' | 'resending-code'> & { localMode: boolean }) {
  const t = useT()
  const errorId = useId()
  const confirming = state.step === 'confirming-sign-up'
  const resending = state.step === 'resending-code'
  return (
    <Flex direction="column" gap="medium">
      <StepHeading>{t('signUp.confirm.title')}</StepHeading>
      <Text>
        {state.destination
          ? t('signUp.confirm.sentTo', { destination: state.destination, username: state.username })
          : t('signUp.confirm.intro', { username: state.username })}
      </Text>
      {localMode && <StatusMessage variation="info">{t('signUp.confirm.localHint')}</StatusMessage>}
      {state.resent && state.step === 'confirm-sign-up' && <StatusMessage>{t('signUp.confirm.resent')}</StatusMessage>}
      <FailureMessage failure={state.failure} id={errorId} />
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          void flow.submitConfirmationCode(formText(event, 'confirmation-code'))
        }}
      >
        <TextField
          label={t('signUp.confirm.label')}
          name="confirmation-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          isRequired
          isDisabled={confirming || resending}
          hasError={Boolean(state.failure)}
          aria-describedby={state.failure ? errorId : undefined}
        />
        <Button type="submit" variation="primary" isFullWidth isLoading={confirming} loadingText={t('signUp.confirm.submitting')}>
          {t('signUp.confirm.submit')}
        </Button>
      </form>
      <Flex gap="small" wrap="wrap" justifyContent="space-between">
        <Button
          size="small"
          onClick={() => void flow.resendCode()}
          isDisabled={confirming}
          isLoading={resending}
          loadingText={t('signUp.confirm.resending')}
        >
          {t('signUp.confirm.resend')}
        </Button>
        <Button variation="link" size="small" onClick={flow.backToSignIn} isDisabled={confirming} alignSelf="flex-start">
          {t('signUp.back')}
        </Button>
      </Flex>
    </Flex>
  )
}

// Its words come with this chunk: the feature's own and the failures only later steps meet
// (a taken username, a weak password, a wrong code).
export default withMessages([laterFailures, messages], SignUpScreen)

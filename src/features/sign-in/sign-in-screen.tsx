import { Button, Flex, Text, TextField } from '@aws-amplify/ui-react'
import { lazy, Suspense, useEffect, useId, useRef, type ReactNode } from 'react'
import { useT } from '../../i18n/i18n-provider.tsx'
import { whenIdle } from '../../ui/idle.ts'
import { FailureMessage, StatusMessage } from '../../ui/messages.tsx'
import { PasswordInput } from '../../ui/password-input.tsx'
import { StepHeading } from '../../ui/step-heading.tsx'
import { formText, type Of, type StepProps, type TotpSetupSlot } from './step-parts.tsx'
import { useSignIn, type UseSignInOptions } from './use-sign-in.ts'

export type { TotpSetupSlot }

// Every step after the password form appears only after a round trip to Cognito, which itself
// needs the (lazily loaded) Amplify library; so those steps load lazily too, in the background
// while the user types, and the first screen stays small.
const loadSteps = () => import('./sign-in-steps.tsx')
const SignInSteps = lazy(loadSteps)

export type SignInScreenProps = UseSignInOptions & {
  renderTotpSetup(slot: TotpSetupSlot): ReactNode
  /** Local emulator: where confirmation codes appear. */
  localMode?: boolean
  /** Shown above the sign-in form (the local pool picker). */
  beforeForm?: ReactNode
}

export function SignInScreen({ renderTotpSetup, localMode = false, beforeForm, ...options }: SignInScreenProps) {
  const flow = useSignIn(options)
  const { state } = flow
  const props: StepProps = { flow, state, clock: options.clock, renderTotpSetup, localMode, beforeForm }
  return (
    <section className="panel">
      {state.step === 'credentials' || state.step === 'checking-credentials' ? (
        <CredentialsStep {...props} state={state} />
      ) : state.step === 'signed-in' ? (
        <SignedIn />
      ) : (
        <Suspense fallback={<Loading />}>
          <SignInSteps {...props} />
        </Suspense>
      )}
    </section>
  )
}

function Loading() {
  const t = useT()
  return (
    <Text role="status" className="hint">
      {t('app.loadingScreen')}
    </Text>
  )
}

function CredentialsStep({ flow, state, beforeForm }: Of<'credentials' | 'checking-credentials'>) {
  const t = useT()
  const errorId = useId()
  const pending = state.step === 'checking-credentials'
  const failure = state.step === 'credentials' ? state.failure : undefined
  const notice = state.step === 'credentials' ? state.notice : undefined
  // A returning user (username kept after a timeout or sign-out) lands on the password.
  const passwordFirst = state.username !== ''
  // After a refusal the password field is emptied and focused for the next try (the alert
  // itself is announced by its role).
  const passwordRef = useRef<HTMLInputElement>(null)
  useEffect(() => whenIdle(() => void loadSteps().catch(() => {})), [])
  useEffect(() => {
    if (!failure || !passwordRef.current) return
    passwordRef.current.value = ''
    passwordRef.current.focus()
  }, [state, failure])
  return (
    <Flex direction="column" gap="medium">
      <StepHeading focusOnMount={Boolean(notice)}>{t('signIn.title')}</StepHeading>
      <Text>{t('signIn.intro')}</Text>
      {beforeForm}
      {notice && <StatusMessage>{t(`signIn.notice.${notice}`)}</StatusMessage>}
      <FailureMessage failure={failure} id={errorId} />
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          flow.submitCredentials(formText(event, 'username'), formText(event, 'password'))
        }}
      >
        <TextField
          label={t('signIn.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          isRequired
          defaultValue={state.username}
          isDisabled={pending}
          hasError={failure === 'bad-credentials'}
          aria-describedby={failure ? errorId : undefined}
          autoFocus={!passwordFirst && !failure && !notice}
        />
        <PasswordInput
          ref={passwordRef}
          label={t('signIn.password')}
          name="password"
          autoComplete="current-password"
          disabled={pending}
          invalid={failure === 'bad-credentials'}
          describedBy={failure ? errorId : undefined}
          autoFocus={passwordFirst && !failure && !notice}
        />
        <Button type="submit" variation="primary" isFullWidth isLoading={pending} loadingText={t('signIn.submitting')}>
          {t('signIn.submit')}
        </Button>
      </form>
      <Text className="aside">
        {t('signIn.noAccount')}{' '}
        <Button variation="link" size="small" onClick={flow.startSignUp} isDisabled={pending}>
          {t('signIn.createAccount')}
        </Button>
      </Text>
    </Flex>
  )
}

function SignedIn() {
  const t = useT()
  return <Text role="status">{t('signIn.signedIn')}</Text>
}

import { useEffect, useId, useRef, type ReactNode } from 'react'
import type { AuthFailure } from '../../auth/auth-failure.ts'
import { FailureMessage } from '../../auth/failure-message.tsx'
import { useT } from '../../i18n/i18n-provider.tsx'
import { StatusMessage } from '../../ui/messages.tsx'
import { PasswordInput } from '../../ui/password-input.tsx'
import { Button, Flex, Text } from '../../ui/primitives.tsx'
import { StepHeading } from '../../ui/step-heading.tsx'
import { TextField } from '../../ui/text-field.tsx'
import type { Notice } from './sign-in-flow.ts'
import { formText } from '../../ui/form-text.ts'
import { useHydrated } from '../../ui/hydrated.ts'

export type CredentialsStepProps = {
  username: string
  failure?: AuthFailure
  notice?: Notice
  pending: boolean
  onSubmit(username: string, password: string): void
  /** "Create an account", with the username this form started with. */
  onSignUp(username: string): void
  /** "Forgot your password?", with the username typed so far. */
  onForgotPassword(username: string): void
  /** Shown above the form (the local pool picker). */
  beforeForm?: ReactNode
}

/** The sign-in form: the first screen. Presentational; whoever renders it owns the flow. */
export function CredentialsStep({ username, failure, notice, pending, onSubmit, onSignUp, onForgotPassword, beforeForm }: CredentialsStepProps) {
  const t = useT()
  const errorId = useId()
  // Prerendered (ADR 028): until the app has taken over the form, its button must not submit it natively.
  const hydrated = useHydrated()
  // A returning user (username kept after a timeout or sign-out) lands on the password.
  const passwordFirst = username !== ''
  // After a refusal the password field is emptied and focused for the next try (the alert
  // itself is announced by its role).
  const passwordRef = useRef<HTMLInputElement>(null)
  const usernameRef = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (!failure || !passwordRef.current) return
    passwordRef.current.value = ''
    passwordRef.current.focus()
  }, [failure, pending])
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
          if (!pending) onSubmit(formText(event, 'username'), formText(event, 'password'))
        }}
      >
        <TextField
          label={t('signIn.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          isRequired
          ref={usernameRef}
          defaultValue={username}
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
        <Button type="submit" variation="primary" isFullWidth isLoading={pending} loadingText={t('signIn.submitting')} awaitingApp={!hydrated}>
          {t('signIn.submit')}
        </Button>
      </form>
      <Button variation="link" size="small" onClick={() => onForgotPassword(usernameRef.current!.value)} isDisabled={pending}>
        {t('signIn.forgotPassword')}
      </Button>
      <Text className="aside">
        {t('signIn.noAccount')}{' '}
        <Button variation="link" size="small" onClick={() => onSignUp(username)} isDisabled={pending}>
          {t('signIn.createAccount')}
        </Button>
      </Text>
    </Flex>
  )
}

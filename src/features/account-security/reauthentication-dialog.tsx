import { Button, Flex, Heading, Text } from '@aws-amplify/ui-react'
import { useEffect, useId, useRef } from 'react'
import { FailureMessage } from '../../auth/failure-message.tsx'
import { messages as laterFailures } from '../../auth/later-failure-messages.ts'
import { useT, withMessages } from '../../i18n/i18n-provider.tsx'
import { formText } from '../../ui/form-text.ts'
import { useModalDialog } from '../../ui/modal-dialog.ts'
import { ErrorMessage } from '../../ui/messages.tsx'
import { OneTimeCodeField } from '../../ui/one-time-code-field.tsx'
import { PasswordInput } from '../../ui/password-input.tsx'
import type { ReauthenticationFailure, ReauthenticationState } from './reauthentication-flow.ts'
import { messages } from './reauthentication-messages.ts'

export type OpenReauthentication = Exclude<ReauthenticationState, { step: 'closed' }>

export type ReauthenticationDialogProps = {
  state: OpenReauthentication
  /** Whose password is asked for (the page's account name). */
  accountName: string
  onSubmitPassword(password: string): void
  onSubmitCode(code: string): void
  onCancel(): void
}

/**
 * "Confirm it's you" (ADR 016), a modal on the native <dialog> as ConfirmDialog is: the browser
 * traps focus, Escape cancels (not while a check is under way), the page behind is inert, and
 * focus returns to what opened it.
 */
function ReauthenticationDialogView({ state, accountName, onSubmitPassword, onSubmitCode, onCancel }: ReauthenticationDialogProps) {
  const t = useT()
  const titleId = useId()
  const introId = useId()
  const errorId = useId()
  const passwordRef = useRef<HTMLInputElement>(null)
  const checking = state.step === 'checking-password' || state.step === 'checking-code'
  const onPasswordStep = state.step === 'password' || state.step === 'checking-password'
  const failure = state.step === 'password' || state.step === 'code' ? state.failure : undefined

  const modal = useModalDialog({ busy: checking, onCancel, focusFirst: () => passwordRef.current?.focus() })

  // After a refusal (or a lapse back to the password), the field is emptied and focused for the
  // next try; the alert is announced by its role.
  useEffect(() => {
    if (state.step !== 'password' || !state.failure || !passwordRef.current) return
    passwordRef.current.value = ''
    passwordRef.current.focus()
  }, [state])

  return (
    <dialog {...modal} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={introId}>
      <Flex direction="column" gap="medium">
        <Heading level={2} id={titleId}>
          {t('reauth.title')}
        </Heading>
        <Text id={introId}>{onPasswordStep ? t('reauth.passwordIntro', { name: accountName }) : t('reauth.codeIntro')}</Text>
        <Failure failure={failure} id={errorId} />
        {onPasswordStep ? (
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault()
              if (!checking) onSubmitPassword(formText(event, 'password'))
            }}
          >
            <PasswordInput
              ref={passwordRef}
              label={t('reauth.password')}
              name="password"
              autoComplete="current-password"
              disabled={checking}
              invalid={Boolean(failure)}
              describedBy={failure ? `${errorId} ${introId}` : introId}
            />
            <Flex gap="small" justifyContent="flex-end" wrap="wrap">
              <Button onClick={onCancel} isDisabled={checking}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" variation="primary" isLoading={checking} loadingText={t('reauth.checking')}>
                {t('reauth.continue')}
              </Button>
            </Flex>
          </form>
        ) : (
          <>
            <OneTimeCodeField
              label={t('reauth.codeLabel')}
              onComplete={onSubmitCode}
              disabled={checking}
              invalid={Boolean(failure)}
              describedBy={failure ? `${errorId} ${introId}` : introId}
              autoFocus
              resetSignal={state.attempt}
            />
            {checking && <Text role="status">{t('reauth.checking')}</Text>}
            <Flex gap="small" justifyContent="flex-end" wrap="wrap">
              <Button onClick={onCancel} isDisabled={checking}>
                {t('common.cancel')}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </dialog>
  )
}

/** The dialog's own words for a wrong password and a lapse; the shared failure words for the rest. */
function Failure({ failure, id }: { failure: ReauthenticationFailure | undefined; id: string }) {
  const t = useT()
  if (failure === 'lapsed' || failure === 'bad-credentials' || failure === 'session-changed')
    return <ErrorMessage id={id}>{t(`reauth.failure.${failure}`)}</ErrorMessage>
  return <FailureMessage failure={failure} id={id} />
}

export const ReauthenticationDialog = withMessages([laterFailures, messages], ReauthenticationDialogView)

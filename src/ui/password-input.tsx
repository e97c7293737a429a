import { PasswordField } from '@aws-amplify/ui-react'
import type { Ref } from 'react'
import { useT } from '../i18n/i18n-provider.tsx'

/** Amplify's PasswordField with its show/hide button labelled in the current language. */
export function PasswordInput({
  label,
  name,
  autoComplete,
  disabled,
  invalid,
  describedBy,
  autoFocus,
  descriptiveText,
  ref,
}: {
  label: string
  name: string
  autoComplete: 'current-password' | 'new-password'
  disabled?: boolean
  invalid?: boolean
  describedBy?: string
  autoFocus?: boolean
  descriptiveText?: string
  ref?: Ref<HTMLInputElement>
}) {
  const t = useT()
  return (
    <PasswordField
      ref={ref}
      label={label}
      name={name}
      autoComplete={autoComplete}
      isRequired
      isDisabled={disabled}
      hasError={invalid}
      aria-describedby={describedBy}
      autoFocus={autoFocus}
      descriptiveText={descriptiveText}
      showPasswordButtonLabel={t('common.showPassword')}
      passwordIsHiddenLabel={t('common.passwordHidden')}
      passwordIsShownLabel={t('common.passwordShown')}
    />
  )
}

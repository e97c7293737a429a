// "Don't ask for a code on this browser" at the step that answers the code (ADR 025). Unchecked by
// default: remembering weakens the second factor on this browser, which the user must choose, and
// a shared computer must never end up remembered by a click the user did not think about.
import { useT } from '../../i18n/i18n-provider.tsx'
import { CheckField } from '../../ui/check-field.tsx'

export function RememberBrowserField({ checked, disabled, onChange }: { checked: boolean; disabled?: boolean; onChange(checked: boolean): void }) {
  const t = useT()
  return (
    <CheckField
      label={t('signIn.rememberBrowser.label')}
      hint={t('signIn.rememberBrowser.hint')}
      name="remember-browser"
      checked={checked}
      disabled={disabled}
      onChange={onChange}
    />
  )
}

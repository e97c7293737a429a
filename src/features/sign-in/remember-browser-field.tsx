// "Don't ask for a code on this browser" at the step that answers the code (ADR 025). Unchecked by
// default: remembering weakens the second factor on this browser, which the user must choose, and
// a shared computer must never end up remembered by a click the user did not think about.
import '@aws-amplify/ui-react/styles/checkbox.css'
import '@aws-amplify/ui-react/styles/checkboxField.css'
import { CheckboxField, Text } from '@aws-amplify/ui-react'
import { useId } from 'react'
import { useT } from '../../i18n/i18n-provider.tsx'

export function RememberBrowserField({ checked, disabled, onChange }: { checked: boolean; disabled?: boolean; onChange(checked: boolean): void }) {
  const t = useT()
  const hintId = useId()
  return (
    <div>
      <CheckboxField
        label={t('signIn.rememberBrowser.label')}
        name="remember-browser"
        value="yes"
        checked={checked}
        isDisabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hintId}
      />
      <Text className="hint" id={hintId}>
        {t('signIn.rememberBrowser.hint')}
      </Text>
    </div>
  )
}

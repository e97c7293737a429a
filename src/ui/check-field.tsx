// A checkbox with its label and one line saying what it means. A native input rather than Amplify
// UI's CheckboxField: that one's stylesheet would add its design tokens to the theme stylesheet
// every screen loads (scripts/amplify-ui-theme.ts), the first included. Styles: later-steps.css.
import { useId } from 'react'

export function CheckField({
  label,
  hint,
  name,
  checked,
  disabled,
  onChange,
}: {
  label: string
  hint: string
  name: string
  checked: boolean
  disabled?: boolean
  onChange(checked: boolean): void
}) {
  const id = useId()
  return (
    <div className="check-field">
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
      />
      <label htmlFor={id}>{label}</label>
      <p className="check-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  )
}

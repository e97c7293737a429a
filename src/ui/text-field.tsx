// Amplify UI's `<TextField>` markup without its run time (see primitives.tsx): a label, an optional
// description, and the input in a field group, with an optional control after it (the password
// field's show/hide switch).
import { useId, type ReactNode, type Ref } from 'react'
import { classes } from './primitives.tsx'

export type TextFieldProps = {
  label: string
  name: string
  type?: 'text' | 'password'
  autoComplete?: string
  autoCapitalize?: string
  spellCheck?: boolean
  inputMode?: 'numeric' | 'text' | 'email'
  isRequired?: boolean
  isDisabled?: boolean
  hasError?: boolean
  defaultValue?: string
  autoFocus?: boolean
  descriptiveText?: string
  /**
   * The ids describing the input. As with Amplify UI's TextField, passing it (even undefined)
   * replaces the link to `descriptiveText`.
   */
  'aria-describedby'?: string
  /** After the input, in the field group (Amplify UI's outerEndComponent). */
  outerEnd?: ReactNode
  className?: string
  ref?: Ref<HTMLInputElement>
}

export function TextField({
  label,
  type = 'text',
  isRequired,
  isDisabled,
  hasError = false,
  descriptiveText,
  outerEnd,
  className,
  ref,
  ...input
}: TextFieldProps) {
  const id = `amplify-id-${useId()}`
  const descriptionId = `${id}-description`
  // As Amplify UI's: an error message's id (it has none to show: the screens say what went wrong in
  // an alert) and the description's.
  const describedBy =
    'aria-describedby' in input
      ? input['aria-describedby']
      : [hasError && `${id}-error`, descriptiveText && descriptionId].filter(Boolean).join(' ') || undefined
  return (
    <div className={classes('amplify-flex amplify-field amplify-textfield', className)}>
      <label className="amplify-label" htmlFor={id}>
        {label}
      </label>
      {descriptiveText ? (
        <p className="amplify-text amplify-field__description" id={descriptionId}>
          {descriptiveText}
        </p>
      ) : null}
      <div className="amplify-flex amplify-field-group amplify-field-group--horizontal">
        <div className="amplify-field-group__field-wrapper amplify-field-group__field-wrapper--horizontal">
          <input
            {...input}
            ref={ref}
            id={id}
            type={type}
            required={isRequired}
            disabled={isDisabled}
            aria-invalid={hasError}
            aria-describedby={describedBy}
            className={classes('amplify-input amplify-field-group__control', hasError && 'amplify-input--error')}
          />
        </div>
        {outerEnd ? <div className="amplify-field-group__outer-end">{outerEnd}</div> : null}
      </div>
    </div>
  )
}

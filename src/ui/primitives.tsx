// The few Amplify UI primitives the first screen uses, as plain React elements with Amplify UI's own
// markup (the same elements, classes and attributes), so its stylesheets draw them exactly as
// before. Amplify UI's React components cost the first screen about 17 KiB gzip and, worse, work
// before the form can appear: importing them builds its whole default theme (createTheme) to read
// breakpoints, and every primitive splits and resolves style props at render (ADR 026). These take
// only the props the app passes; later screens may keep using Amplify UI's (they load lazily).
import type { AriaRole, CSSProperties, MouseEventHandler, ReactNode } from 'react'

/** Amplify UI's spacing scale (theme tokens `space.*`), as `gap` takes it. */
export type Space = 'xxxs' | 'xxs' | 'xs' | 'small' | 'medium' | 'large' | 'xl' | 'xxl' | 'xxxl'

/** A class list without the empty ones, in order (Amplify UI's classNames()). */
export function classes(...names: Array<string | false | undefined>): string {
  return names.filter(Boolean).join(' ')
}

/** Amplify UI's `<Flex>`: a div.amplify-flex whose layout props become its inline style. */
export function Flex({
  direction,
  gap,
  alignItems,
  justifyContent,
  className,
  role,
  children,
}: {
  direction?: 'row' | 'column'
  gap?: Space
  alignItems?: CSSProperties['alignItems']
  justifyContent?: CSSProperties['justifyContent']
  className?: string
  role?: AriaRole
  children: ReactNode
}) {
  // React sets these through element.style, which the Content-Security-Policy does not govern (ADR 009).
  const style: CSSProperties = { flexDirection: direction, alignItems, justifyContent, gap: gap && `var(--amplify-space-${gap})` }
  return (
    <div style={style} className={classes('amplify-flex', className)} role={role}>
      {children}
    </div>
  )
}

/** Amplify UI's `<Text>`: a p.amplify-text. */
export function Text({ className, children }: { className?: string; children: ReactNode }) {
  return <p className={classes('amplify-text', className)}>{children}</p>
}

/** Amplify UI's indeterminate circular `<Loader>`. */
export function Loader({ size, hidden }: { size?: 'small' | 'large'; hidden?: boolean }) {
  return (
    <svg className={classes('amplify-loader', size && `amplify-loader--${size}`)} role="progressbar" aria-hidden={hidden || undefined}>
      <g>
        <circle cx="50%" cy="50%" r="42%" strokeWidth="8%" />
        <circle cx="50%" cy="50%" r="42%" strokeWidth="8%" />
      </g>
    </svg>
  )
}

/** Amplify UI's `<Button>`: while loading it is disabled and shows a loader and `loadingText`. */
export function Button({
  type = 'button',
  variation,
  size,
  isFullWidth = false,
  isDisabled,
  isLoading,
  loadingText,
  awaitingApp = false,
  onClick,
  className,
  children,
}: {
  type?: 'button' | 'submit'
  variation?: 'primary' | 'link'
  size?: 'small' | 'large'
  isFullWidth?: boolean
  isDisabled?: boolean
  isLoading?: boolean
  loadingText?: string
  /**
   * Prerendered and not yet hydrated (ADR 028): disabled, so that it cannot submit its form natively
   * (a GET with the fields in the URL), yet drawn as usual: it works a moment later.
   */
  awaitingApp?: boolean
  onClick?: MouseEventHandler<HTMLButtonElement>
  className?: string
  children: ReactNode
}) {
  const disabled = isDisabled ?? isLoading
  return (
    <button
      type={type}
      disabled={disabled || awaitingApp}
      onClick={onClick}
      className={classes(
        'amplify-button amplify-field-group__control',
        variation && `amplify-button--${variation}`,
        size && `amplify-button--${size}`,
        disabled && 'amplify-button--disabled',
        isLoading && 'amplify-button--loading',
        isFullWidth && 'amplify-button--fullwidth',
        className,
      )}
    >
      {isLoading ? (
        <span className="amplify-flex amplify-button__loader-wrapper">
          <Loader size={size} />
          {loadingText || null}
        </span>
      ) : (
        children
      )}
    </button>
  )
}

/** Amplify UI's `<Icon>` wrapper around one of its 24×24 material paths (decorative). */
export function Icon({ path }: { path: string }) {
  return (
    <span style={{ width: '1em', height: '1em' }} className="amplify-icon" aria-hidden="true">
      <svg width="24" height="24" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg">
        <path d={path} fill="currentColor" />
      </svg>
    </span>
  )
}

import { useEffect, useRef, type ReactNode } from 'react'
import { showTabTitle } from './document-title.ts'
import { classes } from './primitives.tsx'

/**
 * The heading of a step. When a new step appears, focus moves to its heading so keyboard and
 * screen-reader users land at the start of what changed (tabIndex -1: focusable, not tabbable).
 * Amplify UI's `<Heading>` markup without its run time (primitives.tsx); a size other than the
 * level's is a class (`heading-large`, `heading-semibold`, `heading-setup` in later-steps.css),
 * where Amplify UI's fontSize and fontWeight props wrote an inline style.
 */
export function StepHeading({
  children,
  level = 1,
  focusOnMount = true,
  namesTab = level === 1,
  id,
  className,
}: {
  children: ReactNode
  level?: 1 | 2 | 3
  focusOnMount?: boolean
  /** Names the browser tab while on screen (document-title.ts): every page's title does. */
  namesTab?: boolean
  id?: string
  className?: string
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusOnMount) ref.current?.focus()
  }, [focusOnMount])
  // Every render (its text follows the language) and when it goes, the tab is named anew.
  useEffect(() => {
    showTabTitle()
    return () => showTabTitle()
  })
  const Level = `h${level}` as const
  return (
    <Level
      ref={ref}
      tabIndex={-1}
      id={id}
      className={classes(`amplify-heading amplify-heading--${level} step-heading`, className)}
      data-tab={namesTab || undefined}
    >
      {children}
    </Level>
  )
}

import { Heading, type HeadingProps } from '@aws-amplify/ui-react'
import { useEffect, useRef, type ReactNode } from 'react'
import { showTabTitle } from './document-title.ts'

/**
 * The heading of a step. When a new step appears, focus moves to its heading so keyboard and
 * screen-reader users land at the start of what changed (tabIndex -1: focusable, not tabbable).
 */
export function StepHeading({
  children,
  level = 1,
  focusOnMount = true,
  namesTab = level === 1,
  id,
  fontSize,
  fontWeight,
}: {
  children: ReactNode
  level?: 1 | 2 | 3
  focusOnMount?: boolean
  /** Names the browser tab while on screen (document-title.ts): every page's title does. */
  namesTab?: boolean
  id?: string
} & Pick<HeadingProps, 'fontSize' | 'fontWeight'>) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusOnMount) ref.current?.focus()
  }, [focusOnMount])
  // Every render (its text follows the language) and when it goes, the tab is named anew.
  useEffect(() => {
    showTabTitle()
    return () => showTabTitle()
  })
  return (
    <Heading
      ref={ref}
      level={level}
      tabIndex={-1}
      id={id}
      className="step-heading"
      data-tab={namesTab || undefined}
      fontSize={fontSize}
      fontWeight={fontWeight}
    >
      {children}
    </Heading>
  )
}

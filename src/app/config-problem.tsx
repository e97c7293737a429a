import { Heading, Text } from '@aws-amplify/ui-react'
import { useEffect } from 'react'
import type { ConfigProblem } from '../config/app-config.ts'
import { useT, withMessages } from '../i18n/i18n-provider.tsx'
import { showTabTitle } from '../ui/document-title.ts'
import { messages } from '../config/messages.ts'
import './config-problem.css'

// Shown only when something is wrong, so loaded only then; both screens bring the config words.

/** The page's title names the tab too, as every step's does (step-heading.tsx; issue 11, item 15). */
function useTabTitle() {
  useEffect(() => {
    showTabTitle()
    return () => showTabTitle()
  })
}

function describe(problem: ConfigProblem): string {
  return problem.kind === 'unreadable' ? `${problem.source} unreadable` : `${problem.field} ${problem.kind}`
}

/** A bad or partial configuration: say what is wrong (the app also logs it to the console). */
function ConfigProblemView({ problems }: { problems: ConfigProblem[] }) {
  const t = useT()
  useTabTitle()
  return (
    <section className="panel" role="alert" aria-labelledby="config-title">
      <div className="stack">
        <Heading level={1} id="config-title" className="with-icon" data-tab>
          <FailureIcon />
          {t('config.title')}
        </Heading>
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={describe(problem)}>
              <code>
                {problem.kind === 'unreadable'
                  ? t('config.unreadable', { source: problem.source })
                  : t(problem.kind === 'missing' ? 'config.missing' : 'config.invalid', { field: problem.field })}
              </code>
            </li>
          ))}
        </ul>
        <Text>{t('config.hint')}</Text>
      </div>
    </section>
  )
}

export const ConfigProblemScreen = withMessages([messages], ConfigProblemView)

/** The local emulator could not be reached or offered no pools. */
function LocalPoolProblemView({ reason }: { reason: 'unreachable' | 'no-pools' }) {
  const t = useT()
  useTabTitle()
  return (
    <section className="panel" role="alert" aria-labelledby="local-title">
      <div className="stack">
        <Heading level={1} id="local-title" className="with-icon" data-tab>
          <FailureIcon />
          {reason === 'unreachable' ? t('config.localUnreachable') : t('config.localNoPools')}
        </Heading>
        <Text>{reason === 'unreachable' ? t('config.localUnreachableHint') : t('config.localNoPoolsHint')}</Text>
      </div>
    </section>
  )
}

export const LocalPoolProblem = withMessages([messages], LocalPoolProblemView)

function FailureIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 7v6M12 16.5v.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}

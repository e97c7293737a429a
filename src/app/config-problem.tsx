import { Heading, Text } from '@aws-amplify/ui-react'
import type { ConfigProblem } from '../config/app-config.ts'
import { useT } from '../i18n/i18n-provider.tsx'
import { messages } from '../config/messages.ts'
import { registerMessages } from '../i18n/registry.ts'
import { FailureIcon } from './icons.tsx'

// Shown only when something is wrong, so loaded (with its words) only then.
registerMessages(messages)

function describe(problem: ConfigProblem): string {
  return problem.kind === 'unreadable' ? `${problem.source} unreadable` : `${problem.field} ${problem.kind}`
}

/** A bad or partial configuration: say what is wrong (the app also logs it to the console). */
export function ConfigProblemScreen({ problems }: { problems: ConfigProblem[] }) {
  const t = useT()
  return (
    <section className="panel" role="alert" aria-labelledby="config-title">
      <div className="stack">
        <Heading level={1} id="config-title" className="with-icon">
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

/** The local emulator could not be reached or offered no pools. */
export function LocalPoolProblem({ reason }: { reason: 'unreachable' | 'no-pools' }) {
  const t = useT()
  return (
    <section className="panel" role="alert" aria-labelledby="local-title">
      <div className="stack">
        <Heading level={1} id="local-title" className="with-icon">
          <FailureIcon />
          {reason === 'unreachable' ? t('config.localUnreachable') : t('config.localNoPools')}
        </Heading>
        <Text>{t('config.localUnreachableHint')}</Text>
      </div>
    </section>
  )
}

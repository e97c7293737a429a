// Its styles: later-steps.css, loaded by the screens that show it.
import { useEffect, useState } from 'react'
import { useT } from '../i18n/i18n-provider.tsx'
import type { Clock } from './clock.ts'

function secondsLeft(deadline: number, clock: Clock) {
  return Math.max(0, Math.ceil((deadline - clock.now()) / 1000))
}

/**
 * The time left in Cognito's challenge session, visible as m:ss. The ticking text is a timer
 * (not live), so screen readers are not interrupted every second; a separate polite live region
 * speaks once at one minute and once near the end.
 */
export function SessionCountdown({
  deadline,
  clock,
  sticky = false,
}: {
  deadline: number
  clock: Clock
  /** Stays at the top of the window while its screen scrolls (a long setup page on a phone). */
  sticky?: boolean
}) {
  const t = useT()
  const [left, setLeft] = useState(() => secondsLeft(deadline, clock))
  useEffect(() => {
    setLeft(secondsLeft(deadline, clock))
    return clock.every(1000, () => setLeft(secondsLeft(deadline, clock)))
  }, [deadline, clock])

  const time = t('common.minutesSeconds', {
    minutes: Math.floor(left / 60),
    seconds: String(left % 60).padStart(2, '0'),
  })
  const urgent = left <= 30
  const announcement = left <= 15 ? t('session.fewSecondsLeft') : left <= 60 ? t('session.oneMinuteLeft') : ''
  return (
    <div className={`countdown${urgent ? ' countdown--urgent' : ''}${sticky ? ' countdown--sticky' : ''}`}>
      <span role="timer" aria-atomic="true">
        {t('session.timeLeft', { time })}
      </span>
      <span className="amplify-visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  )
}

// Shared words that only appear after the first screen: the challenge countdown
// (ui/session-countdown.tsx). Brought by each lazily loaded screen that shows it (withMessages in
// i18n-provider.tsx), so the first screen does not carry them.
const en = {
  'common.minutesSeconds': '{minutes}:{seconds}',
  'session.timeLeft': 'Time left to finish signing in: {time}',
  'session.oneMinuteLeft': 'One minute left to finish signing in.',
  'session.fewSecondsLeft': 'Only a few seconds left to finish signing in.',
}

const ja = {
  'common.minutesSeconds': '{minutes}:{seconds}',
  'session.timeLeft': 'サインイン完了までの残り時間: {time}',
  'session.oneMinuteLeft': 'サインインを完了するまで残り1分です。',
  'session.fewSecondsLeft': 'サインインを完了するまで残りわずかです。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module './areas.ts' {
  interface MessageAreas {
    later: typeof en
  }
}

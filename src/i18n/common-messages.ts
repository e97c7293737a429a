// Words shared by every screen: the frame, the language switch and the shared controls. The
// provider always has them. English defines the keys; `satisfies` makes a missing or extra
// Japanese key a type error. (The failures' words live beside auth/auth-failure.ts.)
const en = {
  'app.loading': 'Loading…',
  'app.localBadge': 'Local user pool',
  'app.localBadgeHint': 'Running against the local Cognito emulator started by npm start.',
  'app.checkingSession': 'Checking your session…',
  'app.loadingScreen': 'Loading the screen…',
  'lang.label': 'Language',
  'lang.en': 'English',
  'lang.ja': '日本語',
  'common.cancel': 'Cancel',
  'common.back': 'Back',
  'common.continue': 'Continue',
  'common.tryAgain': 'Try again',
  'common.showPassword': 'Show password',
  'common.passwordHidden': 'Password is hidden',
  'common.passwordShown': 'Password is shown',
}

const ja = {
  'app.loading': '読み込み中…',
  'app.localBadge': 'ローカルのユーザープール',
  'app.localBadgeHint': 'npm start で起動したローカルの Cognito エミュレーターに接続しています。',
  'app.checkingSession': 'セッションを確認しています…',
  'app.loadingScreen': '画面を読み込んでいます…',
  'lang.label': '言語',
  'lang.en': 'English',
  'lang.ja': '日本語',
  'common.cancel': 'キャンセル',
  'common.back': '戻る',
  'common.continue': '続ける',
  'common.tryAgain': '再試行',
  'common.showPassword': 'パスワードを表示',
  'common.passwordHidden': 'パスワードは非表示です',
  'common.passwordShown': 'パスワードは表示されています',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module './areas.ts' {
  interface MessageAreas {
    common: typeof en
  }
}

// Words shared by every screen: the frame, the language switch, configuration problems, and
// one message per AuthFailure. English defines the keys; `satisfies` makes a missing or extra
// Japanese key a type error.
const en = {
  'app.loading': 'Loading…',
  'app.localBadge': 'Local user pool',
  'app.localBadgeHint': 'Running against the local Cognito emulator started by npm start.',
  'app.checkingSession': 'Checking your session…',
  'app.loadingScreen': 'Loading the screen…',
  'app.pool.label': 'Local user pool',
  'app.pool.hint': 'Demo pools served by the local emulator. Each pool has its own users.',
  'app.pool.optional': 'MFA optional',
  'app.pool.required': 'MFA required',
  'app.pool.off': 'MFA off',
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

  'failure.session-expired': 'This step timed out. Please sign in again.',
  'failure.bad-credentials': 'Incorrect username or password.',
  'failure.locked-out':
    'Too many incorrect passwords. Sign-in is locked for a while; try again in a few minutes.',
  'failure.too-many-attempts': 'Too many attempts. Wait a few minutes and try again.',
  'failure.offline': 'Could not reach the sign-in service. Check your connection and try again.',
  'failure.not-confirmed': 'This account is not confirmed yet. Enter the confirmation code.',
  'failure.password-reset-required':
    'An administrator has asked for a new password on this account. This app cannot reset passwords; contact your administrator.',
  'failure.unexpected': 'Something went wrong. Please try again.',
}

const ja = {
  'app.loading': '読み込み中…',
  'app.localBadge': 'ローカルのユーザープール',
  'app.localBadgeHint': 'npm start で起動したローカルの Cognito エミュレーターに接続しています。',
  'app.checkingSession': 'セッションを確認しています…',
  'app.loadingScreen': '画面を読み込んでいます…',
  'app.pool.label': 'ローカルのユーザープール',
  'app.pool.hint': 'ローカルのエミュレーターが提供するデモ用のプールです。ユーザーはプールごとに別々です。',
  'app.pool.optional': 'MFA 任意',
  'app.pool.required': 'MFA 必須',
  'app.pool.off': 'MFA オフ',
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

  'failure.session-expired': '時間切れになりました。もう一度サインインしてください。',
  'failure.bad-credentials': 'ユーザー名またはパスワードが正しくありません。',
  'failure.locked-out':
    'パスワードの誤りが続いたため、サインインが一時的にロックされています。数分後にもう一度お試しください。',
  'failure.too-many-attempts': '試行回数が多すぎます。数分待ってから再度お試しください。',
  'failure.offline': 'サインインサービスに接続できません。ネットワーク接続を確認して、もう一度お試しください。',
  'failure.not-confirmed': 'このアカウントはまだ確認されていません。確認コードを入力してください。',
  'failure.password-reset-required':
    '管理者がこのアカウントに新しいパスワードの設定を求めています。このアプリではパスワードをリセットできないため、管理者にお問い合わせください。',
  'failure.unexpected': '問題が発生しました。もう一度お試しください。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

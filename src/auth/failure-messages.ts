// What the user reads for each AuthFailure (auth-failure.ts) that can happen before any later
// screen has loaded: a password that fails, a session that cannot be checked, and anything
// unexpected. The app brings these for the whole page (app.tsx); the failures only later steps
// can meet are in later-failure-messages.ts, so the first screen does not carry them.
const en = {
  'failure.session-expired': 'This step timed out. Please sign in again.',
  'failure.bad-credentials': 'Incorrect username or password.',
  'failure.locked-out': 'Too many incorrect passwords or codes. Sign-in is locked for a while; try again in a few minutes.',
  'failure.too-many-attempts': 'Too many attempts. Wait a few minutes and try again.',
  'failure.offline': 'Could not reach the sign-in service. Check your connection and try again.',
  'failure.not-confirmed': 'This account is not confirmed yet. Enter the confirmation code.',
  'failure.unexpected': 'Something went wrong. Please try again.',
  // Sign-up hands an account confirmed meanwhile back to the sign-in form, which says so before
  // the sign-in flow (and its later failures' words) has loaded.
  'failure.already-confirmed': 'This account is already confirmed. You can sign in.',
}

const ja = {
  'failure.session-expired': '時間切れになりました。もう一度サインインしてください。',
  'failure.bad-credentials': 'ユーザー名またはパスワードが正しくありません。',
  'failure.locked-out': 'パスワードまたはコードの誤りが続いたため、サインインが一時的にロックされています。数分後にもう一度お試しください。',
  'failure.too-many-attempts': '試行回数が多すぎます。数分待ってから再度お試しください。',
  'failure.offline': 'サインインサービスに接続できません。ネットワーク接続を確認して、もう一度お試しください。',
  'failure.not-confirmed': 'このアカウントはまだ確認されていません。確認コードを入力してください。',
  'failure.unexpected': '問題が発生しました。もう一度お試しください。',
  'failure.already-confirmed': 'このアカウントは既に確認済みです。サインインできます。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../i18n/areas.ts' {
  interface MessageAreas {
    failures: typeof en
  }
}

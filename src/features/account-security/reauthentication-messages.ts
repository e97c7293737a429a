// What the "confirm it's you" dialog says (ADR 016). The failures it shares with sign-in (lockout,
// offline, wrong or reused code) are in src/auth's failure messages; these are its own.
const en = {
  'reauth.title': 'Confirm it’s you',
  'reauth.passwordIntro': 'This change needs a recent sign-in. Enter the password for {name} to continue.',
  'reauth.password': 'Password',
  'reauth.continue': 'Continue',
  'reauth.checking': 'Checking…',
  'reauth.codeIntro': 'Enter the 6-digit code your authenticator app shows now. The change is made as soon as the code is accepted.',
  'reauth.codeLabel': '6-digit code',
  'reauth.failure.bad-credentials': 'That password is not right. Try again.',
  'reauth.failure.lapsed': 'That took too long, or too many codes were wrong. Enter your password again.',
  'reauth.failure.session-changed':
    'While this was open, this browser signed out or signed in to another account (in another tab or window). Nothing was changed. Reload the page to see who is signed in.',
}

const ja = {
  'reauth.title': 'ご本人確認',
  'reauth.passwordIntro': 'この変更には最近のサインインが必要です。続けるには {name} のパスワードを入力してください。',
  'reauth.password': 'パスワード',
  'reauth.continue': '続ける',
  'reauth.checking': '確認しています…',
  'reauth.codeIntro': '認証アプリに現在表示されている6桁のコードを入力してください。コードが確認されるとすぐに変更が行われます。',
  'reauth.codeLabel': '6桁のコード',
  'reauth.failure.bad-credentials': 'パスワードが正しくありません。もう一度お試しください。',
  'reauth.failure.lapsed': '時間がかかりすぎたか、誤ったコードが多すぎました。もう一度パスワードを入力してください。',
  'reauth.failure.session-changed':
    'この画面を開いている間に、このブラウザーで（別のタブまたはウィンドウから）サインアウトしたか、別のアカウントにサインインしました。何も変更されていません。ページを再読み込みして、サインイン中のアカウントを確認してください。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../../i18n/areas.ts' {
  interface MessageAreas {
    reauthentication: typeof en
  }
}

// Words of creating an account and confirming it; brought by the feature's lazily loaded chunk (sign-up-screen.tsx).
const en = {
  'signUp.username': 'Username',
  'signUp.back': 'Back to sign in',
  'signUp.signIn': 'Sign in',
  'signUp.confirm.title': 'Confirm your account',
  'signUp.confirm.sentTo': 'We sent a confirmation code to {destination}. Enter it to confirm the account {username}.',
  'signUp.confirm.intro': 'Enter the confirmation code for the account {username}.',
  'signUp.confirm.localHint': 'Local user pool: nothing is emailed. The code is printed in the terminal where npm start is running.',
  'signUp.confirm.label': 'Confirmation code',
  'signUp.confirm.submit': 'Confirm account',
  'signUp.confirm.submitting': 'Confirming…',
  'signUp.confirm.resend': 'Send a new code',
  'signUp.confirm.resending': 'Sending…',
  'signUp.confirm.resent': 'A new code is on its way.',
  'signUp.title': 'Create an account',
  'signUp.intro': 'Choose a username and a password. You will confirm the account with a code.',
  'signUp.email': 'Email address (optional)',
  'signUp.password': 'Password',
  'signUp.passwordHint': 'At least 8 characters, with upper- and lower-case letters, a number and a symbol.',
  'signUp.submit': 'Create account',
  'signUp.submitting': 'Creating…',
  'signUp.haveAccount': 'Already have an account?',
}

const ja = {
  'signUp.username': 'ユーザー名',
  'signUp.back': 'サインインに戻る',
  'signUp.signIn': 'サインイン',
  'signUp.confirm.title': 'アカウントを確認',
  'signUp.confirm.sentTo': '{destination} に確認コードを送信しました。コードを入力して、アカウント {username} を確認してください。',
  'signUp.confirm.intro': 'アカウント {username} の確認コードを入力してください。',
  'signUp.confirm.localHint': 'ローカルのユーザープールではメールは送信されません。コードは npm start を実行しているターミナルに表示されます。',
  'signUp.confirm.label': '確認コード',
  'signUp.confirm.submit': 'アカウントを確認',
  'signUp.confirm.submitting': '確認しています…',
  'signUp.confirm.resend': 'コードを再送信',
  'signUp.confirm.resending': '送信しています…',
  'signUp.confirm.resent': '新しいコードを送信しました。',
  'signUp.title': 'アカウントを作成',
  'signUp.intro': 'ユーザー名とパスワードを決めてください。アカウントはコードで確認します。',
  'signUp.email': 'メールアドレス（任意）',
  'signUp.password': 'パスワード',
  'signUp.passwordHint': '8文字以上で、大文字、小文字、数字、記号をそれぞれ含めてください。',
  'signUp.submit': 'アカウントを作成',
  'signUp.submitting': '作成しています…',
  'signUp.haveAccount': 'すでにアカウントをお持ちですか？',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../../i18n/areas.ts' {
  interface MessageAreas {
    signUp: typeof en
  }
}

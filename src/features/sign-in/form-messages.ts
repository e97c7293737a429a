// The sign-in form: the first screen, so these words load with the app.
const en = {
  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in with your user pool account.',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.noAccount': 'New here?',
  'signIn.createAccount': 'Create an account',
  'signIn.forgotPassword': 'Forgot your password?',
  'signIn.notice.account-confirmed': 'Your account is confirmed. Sign in to continue.',
  'signIn.notice.signed-out': 'You have signed out.',
  'signIn.notice.signed-out-everywhere': 'You have signed out on all devices.',
  'signIn.notice.session-ended': 'Your session has ended. Please sign in again.',
}

const ja = {
  'signIn.title': 'サインイン',
  'signIn.intro': 'ユーザープールのアカウントでサインインしてください。',
  'signIn.username': 'ユーザー名',
  'signIn.password': 'パスワード',
  'signIn.submit': 'サインイン',
  'signIn.submitting': 'サインインしています…',
  'signIn.noAccount': 'はじめてご利用ですか？',
  'signIn.createAccount': 'アカウントを作成',
  'signIn.forgotPassword': 'パスワードをお忘れですか？',
  'signIn.notice.account-confirmed': 'アカウントが確認されました。サインインして続けてください。',
  'signIn.notice.signed-out': 'サインアウトしました。',
  'signIn.notice.signed-out-everywhere': 'すべてのデバイスからサインアウトしました。',
  'signIn.notice.session-ended': 'セッションが終了しました。もう一度サインインしてください。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../../i18n/areas.ts' {
  interface MessageAreas {
    signInForm: typeof en
  }
}

// Words of resetting a password; brought by the feature's lazily loaded chunk (password-reset-screen.tsx).
const en = {
  'passwordReset.title': 'Reset your password',
  'passwordReset.intro': 'Enter your username. We will send a code to the email address or phone number on your account.',
  'passwordReset.username': 'Username',
  'passwordReset.send': 'Send code',
  'passwordReset.sending': 'Sending…',
  'passwordReset.back': 'Back to sign in',
  'passwordReset.required': 'An administrator asked for a new password on this account, so your old password no longer works.',
  'passwordReset.requiredSending': 'Sending a code so you can choose a new password…',
  'passwordReset.confirm.title': 'Choose a new password',
  'passwordReset.confirm.sentTo': 'We sent a code to {destination}. Enter it with a new password for {username}.',
  'passwordReset.confirm.sent': 'If {username} has an account, we sent it a code. Enter it with a new password.',
  'passwordReset.confirm.localHint': 'Local user pool: nothing is emailed. The code is printed in the terminal where npm start is running.',
  'passwordReset.confirm.code': 'Code',
  'passwordReset.confirm.password': 'New password',
  'passwordReset.confirm.submit': 'Set new password',
  'passwordReset.confirm.submitting': 'Setting…',
  'passwordReset.confirm.resend': 'Send a new code',
  'passwordReset.confirm.resending': 'Sending…',
  'passwordReset.confirm.resendIn': 'You can ask for a new code in {seconds} s.',
  'passwordReset.confirm.resent': 'A new code is on its way. Only the newest code works.',
  'passwordReset.confirm.otherUsername': 'Use another username',
  'passwordReset.rules.title': 'Your new password needs:',
  'passwordReset.rules.length': 'at least 8 characters',
  'passwordReset.rules.upper': 'an upper-case letter',
  'passwordReset.rules.lower': 'a lower-case letter',
  'passwordReset.rules.number': 'a number',
  'passwordReset.rules.symbol': 'a symbol, such as ! or -',
  'passwordReset.rules.met': 'met',
  'passwordReset.rules.notMet': 'not yet',
  'passwordReset.failure.wrong-code': 'That code is not right. Check the latest message we sent and enter its code.',
  'passwordReset.failure.code-expired': 'That code has expired or was already used. Send a new code and enter the new one.',
  'passwordReset.failure.too-many-attempts': 'Too many codes were tried or asked for on this account. Wait a while (up to an hour), then try again.',
  'passwordReset.failure.invalid-password': 'The user pool did not accept this password. Check the rules below and choose another one.',
  'passwordReset.done': 'Your password is changed. Signing you in…',
}

const ja = {
  'passwordReset.title': 'パスワードの再設定',
  'passwordReset.intro': 'ユーザー名を入力してください。アカウントのメールアドレスまたは電話番号にコードを送信します。',
  'passwordReset.username': 'ユーザー名',
  'passwordReset.send': 'コードを送信',
  'passwordReset.sending': '送信しています…',
  'passwordReset.back': 'サインインに戻る',
  'passwordReset.required': '管理者がこのアカウントに新しいパスワードの設定を求めたため、これまでのパスワードは使えなくなりました。',
  'passwordReset.requiredSending': '新しいパスワードを設定するためのコードを送信しています…',
  'passwordReset.confirm.title': '新しいパスワードを設定',
  'passwordReset.confirm.sentTo': '{destination} にコードを送信しました。コードと、{username} の新しいパスワードを入力してください。',
  'passwordReset.confirm.sent': '{username} のアカウントがあれば、コードを送信しました。コードと新しいパスワードを入力してください。',
  'passwordReset.confirm.localHint':
    'ローカルのユーザープールではメールは送信されません。コードは npm start を実行しているターミナルに表示されます。',
  'passwordReset.confirm.code': 'コード',
  'passwordReset.confirm.password': '新しいパスワード',
  'passwordReset.confirm.submit': '新しいパスワードを設定',
  'passwordReset.confirm.submitting': '設定しています…',
  'passwordReset.confirm.resend': 'コードを再送信',
  'passwordReset.confirm.resending': '送信しています…',
  'passwordReset.confirm.resendIn': '{seconds} 秒後に新しいコードを請求できます。',
  'passwordReset.confirm.resent': '新しいコードを送信しました。使えるのは最新のコードだけです。',
  'passwordReset.confirm.otherUsername': '別のユーザー名を使う',
  'passwordReset.rules.title': '新しいパスワードの条件：',
  'passwordReset.rules.length': '8文字以上',
  'passwordReset.rules.upper': '大文字を含む',
  'passwordReset.rules.lower': '小文字を含む',
  'passwordReset.rules.number': '数字を含む',
  'passwordReset.rules.symbol': '記号（! や - など）を含む',
  'passwordReset.rules.met': '満たしています',
  'passwordReset.rules.notMet': '未達成',
  'passwordReset.failure.wrong-code': 'コードが正しくありません。最新のメッセージに記載されたコードを入力してください。',
  'passwordReset.failure.code-expired': 'このコードは有効期限が切れているか、既に使用されています。新しいコードを送信して入力してください。',
  'passwordReset.failure.too-many-attempts':
    'このアカウントでコードの入力または請求が多すぎます。しばらく（最大1時間）待ってから、もう一度お試しください。',
  'passwordReset.failure.invalid-password':
    'ユーザープールがこのパスワードを受け付けませんでした。下の条件を確認して、別のパスワードを選んでください。',
  'passwordReset.done': 'パスワードを変更しました。サインインしています…',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../../i18n/areas.ts' {
  interface MessageAreas {
    passwordReset: typeof en
  }
}

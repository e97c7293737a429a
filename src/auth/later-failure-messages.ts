// What the user reads for the AuthFailures that only later steps meet (codes, sign-up, the
// security settings). Brought by each lazily loaded screen that can show them, with its own words.
const en = {
  'failure.wrong-code': 'That code did not match. Enter the code your app shows now.',
  'failure.code-reused': 'That code has already been used. Wait for the next code in your app and enter it.',
  'failure.code-expired': 'That confirmation code has expired. Request a new code.',
  'failure.too-many-codes':
    'Too many wrong codes, so this sign-in was stopped. Sign in again, then enter the code your app shows. If sign-in is locked, wait a few minutes first.',
  'failure.too-many-codes-locked': 'Too many wrong codes, so sign-in is locked for a while. Wait a few minutes, then sign in again.',
  // Only the password step (in the sign-in flow's chunk) meets it.
  'failure.password-reset-required': 'An administrator has asked for a new password on this account. Reset your password to sign in.',
  'failure.invalid-password':
    'That password does not meet the password rules. Try a longer one that mixes upper- and lower-case letters, numbers and symbols.',
  'failure.invalid-input': 'Some of the details entered are not valid. Check them and try again.',
  'failure.username-exists': 'That username is already taken.',
  'failure.no-recovery-address':
    'This account has no confirmed email address or phone number to send a code to. Ask your administrator to reset your password.',
  'failure.mfa-required-by-pool': 'This user pool requires two-step verification, so the authenticator app cannot be turned off.',
  'failure.totp-not-enabled-on-pool': 'Authenticator apps are not enabled for this user pool. Ask the administrator to turn on TOTP MFA.',
  'failure.setup-not-confirmed':
    'This code could not be confirmed: no setup is waiting for it any more. Start over with a new key, and scan it again in your app.',
}

const ja = {
  'failure.wrong-code': 'コードが一致しません。アプリに現在表示されているコードを入力してください。',
  'failure.code-reused': 'このコードは既に使用されています。アプリに次のコードが表示されるまで待ってから入力してください。',
  'failure.code-expired': '確認コードの有効期限が切れています。新しいコードをリクエストしてください。',
  'failure.too-many-codes':
    '誤ったコードが多すぎたため、このサインインは中止されました。もう一度サインインして、アプリに表示されているコードを入力してください。サインインがロックされている場合は、数分待ってからお試しください。',
  'failure.too-many-codes-locked':
    '誤ったコードが多すぎたため、サインインが一時的にロックされています。数分待ってから、もう一度サインインしてください。',
  'failure.password-reset-required': '管理者がこのアカウントに新しいパスワードの設定を求めています。パスワードを再設定してサインインしてください。',
  'failure.invalid-password': 'パスワードがルールを満たしていません。大文字、小文字、数字、記号を組み合わせた、より長いパスワードをお試しください。',
  'failure.invalid-input': '入力内容に誤りがあります。確認してもう一度お試しください。',
  'failure.username-exists': 'このユーザー名は既に使用されています。',
  'failure.no-recovery-address':
    'このアカウントには、コードを送信できる確認済みのメールアドレスや電話番号がありません。管理者にパスワードの再設定を依頼してください。',
  'failure.mfa-required-by-pool': 'このユーザープールでは2段階認証が必須のため、認証アプリをオフにできません。',
  'failure.totp-not-enabled-on-pool': 'このユーザープールでは認証アプリが有効になっていません。管理者に TOTP MFA の有効化を依頼してください。',
  'failure.setup-not-confirmed':
    'このコードを確認できませんでした。確認待ちの設定がなくなっています。新しいキーでやり直し、アプリでもう一度スキャンしてください。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../i18n/areas.ts' {
  interface MessageAreas {
    laterFailures: typeof en
  }
}

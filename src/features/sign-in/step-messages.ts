// The steps after the password form; brought by their lazily loaded chunk (sign-in-flow-view.tsx).
const en = {
  'signIn.back': 'Back to sign in',
  'signIn.signedIn': 'Signed in.',
  'signIn.newPassword.hint': 'At least 8 characters, with upper- and lower-case letters, a number and a symbol.',
  'signIn.checking': 'Checking…',
  'signIn.codeIncomplete': 'Enter all 6 digits of the code.',
  'signIn.totp.title': 'Enter your authenticator code',
  'signIn.totp.intro': 'Open the authenticator app on your phone and enter the 6-digit code it shows for {username}.',
  'signIn.totp.label': '6-digit code',
  'signIn.totp.autoSubmit': 'The code is checked as soon as you enter the sixth digit.',
  'signIn.totp.clockHelp':
    'Still not working? The clock on your phone must be set automatically, and the account in your app must use the standard settings (SHA-1, 6 digits, 30 seconds).',
  'signIn.rememberBrowser.label': 'Don’t ask for a code on this browser',
  'signIn.rememberBrowser.hint':
    'Your password alone will sign you in here until you forget this browser on the Security page. Don’t use it on a shared computer.',
  'signIn.setup.title': 'Set up two-step verification',
  'signIn.setup.intro': 'This user pool requires an authenticator app. Set one up now to finish signing in as {username}.',
  // MFA_SETUP also follows a replacement that was started and never finished
  // (docs/cognito-behaviour.md#authenticator-setup), or a reset by support: say so calmly.
  'signIn.setup.hadOne':
    'If you already had an authenticator app for this account, it no longer works: a replacement was started and not finished, or support reset it. Delete its entry in your app and scan this new key.',
  'signIn.setup.notYou': 'If that was not you, someone else may know your password: tell support or the administrator of {appName} after signing in.',
  'signIn.help.toggle': 'Can’t use your authenticator app?',
  'signIn.help.noBackup':
    'Without a code from your authenticator app this sign-in cannot be finished: there are no backup codes. If you also added this account to an authenticator app on another device, enter the code from that one.',
  'signIn.help.contactSupport': 'Otherwise, contact support and ask them to reset your authenticator app:',
  'signIn.help.supportPage': 'Support page (opens in a new tab)',
  'signIn.help.supportEmail': 'Email: {email}',
  'signIn.help.contactAdmin':
    'Otherwise, contact the administrator of {appName} (whoever gave you access to it) and ask them to reset your authenticator app.',
  'signIn.help.whatHappens':
    'After checking that it is really you, they reset the authenticator app on your account; your password stays the same. Then sign in again with your password. If you are asked to set up an authenticator app while signing in, do it there; otherwise, once signed in, set up the new one (for example on your new phone) on the Security page. Codes from the old app stop working.',
  'signIn.select.title': 'Choose how to verify',
  'signIn.select.intro': 'Your account has more than one way to confirm it is you. Which one do you want to use now?',
  'signIn.select.totp': 'Authenticator app',
  'signIn.select.sms': 'Text message (SMS)',
  'signIn.select.email': 'Email',
  'signIn.delivered.title': 'Enter the code we sent',
  'signIn.delivered.sms': 'We sent a code by text message to {destination}.',
  'signIn.delivered.email': 'We sent a code by email to {destination}.',
  'signIn.delivered.smsUnknown': 'We sent a code by text message.',
  'signIn.delivered.emailUnknown': 'We sent a code by email.',
  'signIn.delivered.label': 'Code',
  'signIn.newPassword.title': 'Choose a new password',
  'signIn.newPassword.intro': 'Your account was created with a temporary password. Choose your own password to continue.',
  'signIn.newPassword.label': 'New password',
  'signIn.newPassword.submit': 'Set password and continue',
  'signIn.newPassword.submitting': 'Saving…',
  'signIn.attribute.email': 'Email address',
  'signIn.attribute.name': 'Name',
  'signIn.attribute.given_name': 'Given name',
  'signIn.attribute.family_name': 'Family name',
  'signIn.attribute.phone_number': 'Phone number',
  'signIn.attribute.other': 'Required attribute: {name}',
}

const ja = {
  'signIn.back': 'サインインに戻る',
  'signIn.signedIn': 'サインインしました。',
  'signIn.newPassword.hint': '8文字以上で、大文字、小文字、数字、記号をそれぞれ含めてください。',
  'signIn.checking': '確認しています…',
  'signIn.codeIncomplete': 'コードを6桁すべて入力してください。',
  'signIn.totp.title': '認証アプリのコードを入力',
  'signIn.totp.intro': 'スマートフォンの認証アプリを開き、{username} に表示されている6桁のコードを入力してください。',
  'signIn.totp.label': '6桁のコード',
  'signIn.totp.autoSubmit': '6桁目を入力すると、すぐにコードを確認します。',
  'signIn.totp.clockHelp':
    'それでもうまくいかない場合は、スマートフォンの時刻が自動設定になっていること、アプリのアカウントが標準の設定（SHA-1、6桁、30秒）であることを確認してください。',
  'signIn.rememberBrowser.label': 'このブラウザーではコードを求めない',
  'signIn.rememberBrowser.hint':
    '次回から、このブラウザーではパスワードだけでサインインできます。セキュリティページでこのブラウザーを削除するまで有効です。共用のパソコンでは使わないでください。',
  'signIn.setup.title': '2段階認証を設定',
  'signIn.setup.intro': 'このユーザープールでは認証アプリが必須です。{username} としてサインインを完了するために、今すぐ設定してください。',
  'signIn.setup.hadOne':
    'このアカウントで認証アプリを既に使っていた場合、置き換えが完了しなかったか、サポートがリセットしたため、そのアプリは使えなくなっています。アプリ内のそのエントリを削除して、この新しいキーをスキャンしてください。',
  'signIn.setup.notYou':
    '心当たりがない場合は、他の誰かがパスワードを知っている可能性があります。サインイン後、サポートまたは {appName} の管理者に知らせてください。',
  'signIn.help.toggle': '認証アプリを使えませんか？',
  'signIn.help.noBackup':
    '認証アプリのコードがないと、このサインインを完了できません。バックアップコードはありません。このアカウントを別の端末の認証アプリにも追加している場合は、そちらのコードを入力してください。',
  'signIn.help.contactSupport': 'それ以外の場合は、サポートに連絡して認証アプリのリセットを依頼してください。',
  'signIn.help.supportPage': 'サポートページ（新しいタブで開きます）',
  'signIn.help.supportEmail': 'メール: {email}',
  'signIn.help.contactAdmin': 'それ以外の場合は、{appName} の管理者（利用権限をくれた人）に連絡して、認証アプリのリセットを依頼してください。',
  'signIn.help.whatHappens':
    '本人であることを確認したうえで、アカウントの認証アプリがリセットされます。パスワードは変わりません。その後、同じパスワードでもう一度サインインしてください。サインイン中に認証アプリの設定を求められた場合はそこで設定し、求められなかった場合はサインイン後に「セキュリティ」ページで新しい認証アプリ（新しいスマートフォンなど）を設定してください。古いアプリのコードは使えなくなります。',
  'signIn.select.title': '確認方法を選択',
  'signIn.select.intro': 'このアカウントには本人確認の方法が複数あります。今回使用する方法を選んでください。',
  'signIn.select.totp': '認証アプリ',
  'signIn.select.sms': 'テキストメッセージ（SMS）',
  'signIn.select.email': 'メール',
  'signIn.delivered.title': '送信されたコードを入力',
  'signIn.delivered.sms': '{destination} にテキストメッセージでコードを送信しました。',
  'signIn.delivered.email': '{destination} にメールでコードを送信しました。',
  'signIn.delivered.smsUnknown': 'テキストメッセージでコードを送信しました。',
  'signIn.delivered.emailUnknown': 'メールでコードを送信しました。',
  'signIn.delivered.label': 'コード',
  'signIn.newPassword.title': '新しいパスワードを設定',
  'signIn.newPassword.intro': 'このアカウントは仮パスワードで作成されています。続けるには、ご自身のパスワードを設定してください。',
  'signIn.newPassword.label': '新しいパスワード',
  'signIn.newPassword.submit': 'パスワードを設定して続ける',
  'signIn.newPassword.submitting': '保存しています…',
  'signIn.attribute.email': 'メールアドレス',
  'signIn.attribute.name': '名前',
  'signIn.attribute.given_name': '名',
  'signIn.attribute.family_name': '姓',
  'signIn.attribute.phone_number': '電話番号',
  'signIn.attribute.other': '必須の属性: {name}',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../../i18n/areas.ts' {
  interface MessageAreas {
    signInSteps: typeof en
  }
}

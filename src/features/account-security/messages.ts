const en = {
  'security.title': 'Security',
  'security.intro': 'Protect your account with a code from an authenticator app when you sign in.',
  'security.loading': 'Loading your security settings…',
  'security.retry': 'Try again',
  'security.totp.name': 'Authenticator app',
  'security.totp.on': 'On',
  'security.totp.off': 'Off',
  'security.totp.statusLabel': 'Status',
  'security.totp.offDescription': 'Sign-in asks only for your password.',
  'security.totp.preferred': 'Sign-in asks for a code from this app.',
  'security.totp.notPreferred': 'The app is set up but is not your preferred way to verify.',
  'security.totp.device': 'Device: {name}',
  'security.totp.otherFactors': 'Other ways to verify on this account: {factors}',
  'security.factor.sms': 'text message (SMS)',
  'security.factor.email': 'email',
  'security.setUp': 'Set up authenticator app',
  'security.replace': 'Replace authenticator app',
  'security.makePreferred': 'Use it when signing in',
  'security.makingPreferred': 'Saving…',
  'security.turnOff': 'Turn off',
  'security.requiredReason':
    'This user pool requires two-step verification, so the authenticator app cannot be turned off. You can replace it with another one.',

  'security.replaceConfirm.title': 'Replace your authenticator app?',
  'security.replaceConfirm.body':
    'You will add a new entry to an authenticator app. Your current app stops working as soon as the new one is verified.',
  'security.replaceConfirm.finish': 'Finish in one go: while the replacement is unfinished, Cognito may not ask for a code from either app.',
  'security.replaceConfirm.continue': 'Continue',

  'security.disableConfirm.title': 'Turn off the authenticator app?',
  'security.disableConfirm.body': 'Sign-in will ask only for your password. You can set up an authenticator app again at any time.',
  'security.disableConfirm.confirm': 'Turn off',
  'security.disableConfirm.working': 'Turning off…',
  'security.disableConfirm.keep': 'Keep it on',

  'security.notice.enabled': 'The authenticator app is on. Sign-in will ask for a code from it.',
  'security.notice.replaced': 'The new authenticator app is on. The previous one no longer works.',
  'security.notice.disabled': 'The authenticator app is off.',
  'security.notice.preferred': 'Sign-in will now ask for a code from your authenticator app.',

  'account.title': 'Account settings',
  'account.signedInAs': 'Signed in as {name}',
  'account.pool': 'Local user pool: {name}',
  'account.signOut': 'Sign out',
  'account.signOutEverywhere': 'Sign out of all devices',
  'account.signOutEverywhereHint': 'Ends this account’s sessions in every browser and app, including this one.',
  'account.signingOut': 'Signing out…',
}

const ja = {
  'security.title': 'セキュリティ',
  'security.intro': 'サインイン時に認証アプリのコードを求めることで、アカウントを保護できます。',
  'security.loading': 'セキュリティ設定を読み込み中…',
  'security.retry': '再試行',
  'security.totp.name': '認証アプリ',
  'security.totp.on': 'オン',
  'security.totp.off': 'オフ',
  'security.totp.statusLabel': '状態',
  'security.totp.offDescription': 'サインイン時にはパスワードのみを求めます。',
  'security.totp.preferred': 'サインイン時にこのアプリのコードを求めます。',
  'security.totp.notPreferred': 'アプリは設定済みですが、優先する確認方法にはなっていません。',
  'security.totp.device': 'デバイス: {name}',
  'security.totp.otherFactors': 'このアカウントのその他の確認方法: {factors}',
  'security.factor.sms': 'テキストメッセージ（SMS）',
  'security.factor.email': 'メール',
  'security.setUp': '認証アプリを設定',
  'security.replace': '認証アプリを置き換え',
  'security.makePreferred': 'サインインで使用する',
  'security.makingPreferred': '保存しています…',
  'security.turnOff': 'オフにする',
  'security.requiredReason': 'このユーザープールでは2段階認証が必須のため、認証アプリをオフにできません。別のアプリに置き換えることはできます。',

  'security.replaceConfirm.title': '認証アプリを置き換えますか？',
  'security.replaceConfirm.body': '認証アプリに新しいエントリを追加します。新しいアプリの確認が完了した時点で、現在のアプリは使用できなくなります。',
  'security.replaceConfirm.finish':
    '途中でやめずに完了してください。置き換えが完了するまで、Cognito はどちらのアプリのコードも求めない場合があります。',
  'security.replaceConfirm.continue': '続ける',

  'security.disableConfirm.title': '認証アプリをオフにしますか？',
  'security.disableConfirm.body': 'サインイン時にはパスワードのみを求めるようになります。認証アプリはいつでも再設定できます。',
  'security.disableConfirm.confirm': 'オフにする',
  'security.disableConfirm.working': 'オフにしています…',
  'security.disableConfirm.keep': 'オンのままにする',

  'security.notice.enabled': '認証アプリがオンになりました。サインイン時にこのアプリのコードを求めます。',
  'security.notice.replaced': '新しい認証アプリがオンになりました。以前のアプリは使用できません。',
  'security.notice.disabled': '認証アプリをオフにしました。',
  'security.notice.preferred': 'サインイン時に認証アプリのコードを求めるようになりました。',

  'account.title': 'アカウント設定',
  'account.signedInAs': '{name} としてサインインしています',
  'account.pool': 'ローカルのユーザープール: {name}',
  'account.signOut': 'サインアウト',
  'account.signOutEverywhere': 'すべてのデバイスからサインアウト',
  'account.signOutEverywhereHint': 'このブラウザーを含むすべてのブラウザーとアプリで、このアカウントのセッションを終了します。',
  'account.signingOut': 'サインアウトしています…',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../../i18n/areas.ts' {
  interface MessageAreas {
    accountSecurity: typeof en
  }
}

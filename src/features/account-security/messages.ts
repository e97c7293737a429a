const en = {
  'security.title': 'Security',
  'security.intro': 'Protect your account with a code from an authenticator app when you sign in.',
  'security.loading': 'Loading your security settings…',
  'security.retry': 'Try again',
  'security.totp.name': 'Authenticator app',
  'security.totp.on': 'On',
  'security.totp.off': 'Off',
  'security.totp.suspended': 'Not asked for',
  'security.totp.statusLabel': 'Status',
  'security.totp.offDescription': 'Sign-in asks only for your password.',
  'security.totp.preferred': 'Sign-in asks for a code from this app.',
  'security.totp.notPreferred': 'The app is set up but is not your preferred way to verify.',
  'security.totp.device': 'Device: {name}',
  'security.totp.deviceHere': 'Named when it was set up in this browser. Other browsers do not show this name.',
  'security.totp.deviceUnknown':
    'Device name: not known here. Cognito does not give it back, so only a browser where it was set up with a name shows it.',
  'security.totp.otherFactors': 'Other ways to verify on this account: {factors}',
  'security.factor.sms': 'text message (SMS)',
  'security.factor.email': 'email',
  'security.setUp': 'Set up authenticator app',
  'security.startOver': 'Start over with a new key',
  'security.startOverHint': 'Starting over issues a new key to scan: the entry you added from the earlier key then stops working.',
  'security.finishSetup': 'Finish setting up',
  'security.suspended.title': 'Your authenticator app is not being asked for: finish setting it up',
  'security.suspended.body':
    'A new key was issued for this account and no code from it has been entered. Until one is, sign-in does not ask for a code from any authenticator app: your password alone signs in.',
  'security.suspended.bodyRequired':
    'A new key was issued for this account and no code from it has been entered. Until one is, signing in with your password leads to setting up a new authenticator app, which anyone who knows your password could do.',
  'security.suspended.bodyUnknown':
    'A new key was issued for this account and no code from it has been entered. Until one is, sign-in does not ask for a code from any authenticator app: depending on this user pool’s settings, your password alone signs in, or signing in with your password leads to setting up a new authenticator app, which anyone who knows your password could do.',
  'security.suspended.seen':
    'Your last sign-in here did not ask for a code from your authenticator app, although your account lists it as on. If a new key was issued for it and no code from it was entered (here or on another device), finish setting it up with the entry you added, or set it up again with a new key. If you did not start that, also change your password.',
  'security.pending.body': 'You started setting up an authenticator app and did not enter a code from it. You can finish with the entry you added.',
  // The setup screen opened by its address (reload, Forward, a link): the key lived only in the page (ADR 020).
  'security.keyGone':
    'The setup key cannot be shown again: it is kept only while the page that showed it stays open, and never saved, so reloading or leaving the page lost it. Enter a code from the entry you already added to your app. If you never added it, start over with a new key below: an entry made from the earlier key then stops working.',
  'security.replace': 'Replace authenticator app',
  'security.makePreferred': 'Use it when signing in',
  'security.makingPreferred': 'Saving…',
  'security.turnOff': 'Turn off',
  'security.requiredReason':
    'This user pool requires two-step verification, so the authenticator app cannot be turned off. You can replace it with another one.',

  'security.replaceConfirm.title': 'Replace your authenticator app?',
  'security.replaceConfirm.body':
    'You will add a new entry to an authenticator app. Your current app stops working as soon as the new one is verified.',
  'security.replaceConfirm.unfinished':
    'If you do not finish (you cancel, or close this page before entering a code from the new entry), sign-in stops asking for a code from either app: your password alone signs in until you finish. This page will then say so and let you finish.',
  'security.replaceConfirm.unfinishedRequired':
    'If you do not finish (you cancel, or close this page before entering a code from the new entry), sign-in stops asking for a code from either app: signing in with your password leads to setting up a new authenticator app, which anyone who knows your password could do. This page will then say so and let you finish.',
  'security.replaceConfirm.unfinishedUnknown':
    'If you do not finish (you cancel, or close this page before entering a code from the new entry), sign-in stops asking for a code from either app until you finish: depending on this user pool’s settings, your password alone signs in, or signing in with your password leads to setting up a new authenticator app, which anyone who knows your password could do. This page will then say so and let you finish.',
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
  'account.setUpDone': 'Your authenticator app is set up and on. The next time you sign in, you will be asked for a code from it.',
  'account.pool': 'Local user pool: {name}',
  'account.signOut': 'Sign out',
  'account.signOutEverywhere': 'Sign out of all devices',
  'account.signOutEverywhereHint': 'Ends this account’s sessions in every browser and app, including this one.',
  'account.signingOut': 'Signing out…',
  'account.signOutEverywhereConfirm.title': 'Sign out of all devices?',
  'account.signOutEverywhereConfirm.ends':
    'This account will be signed out in every browser and app where it is signed in, this one included. Each needs the password again (and a code, if the authenticator app is on) to sign back in.',
  'account.signOutEverywhereConfirm.keeps':
    'It does not change your password or turn off the authenticator app. Access already given to other apps or services may keep working until it runs out, usually within an hour.',
  'account.signOutEverywhereConfirm.confirm': 'Sign out everywhere',
}

const ja = {
  'security.title': 'セキュリティ',
  'security.intro': 'サインイン時に認証アプリのコードを求めることで、アカウントを保護できます。',
  'security.loading': 'セキュリティ設定を読み込み中…',
  'security.retry': '再試行',
  'security.totp.name': '認証アプリ',
  'security.totp.on': 'オン',
  'security.totp.off': 'オフ',
  'security.totp.suspended': '求められていません',
  'security.totp.statusLabel': '状態',
  'security.totp.offDescription': 'サインイン時にはパスワードのみを求めます。',
  'security.totp.preferred': 'サインイン時にこのアプリのコードを求めます。',
  'security.totp.notPreferred': 'アプリは設定済みですが、優先する確認方法にはなっていません。',
  'security.totp.device': 'デバイス: {name}',
  'security.totp.deviceHere': 'このブラウザーで設定したときに付けた名前です。ほかのブラウザーには表示されません。',
  'security.totp.deviceUnknown':
    'デバイス名はここではわかりません。Cognito はこの名前を返さないため、名前を付けて設定したブラウザーでのみ表示されます。',
  'security.totp.otherFactors': 'このアカウントのその他の確認方法: {factors}',
  'security.factor.sms': 'テキストメッセージ（SMS）',
  'security.factor.email': 'メール',
  'security.setUp': '認証アプリを設定',
  'security.startOver': '新しいキーでやり直す',
  'security.startOverHint': 'やり直すと、スキャンする新しいキーが発行され、以前のキーで追加したエントリーは使えなくなります。',
  'security.finishSetup': '設定を完了する',
  'security.suspended.title': '認証アプリのコードが求められていません。設定を完了してください',
  'security.suspended.body':
    'このアカウントに新しいキーが発行されましたが、そのコードがまだ入力されていません。入力されるまで、サインイン時にはどの認証アプリのコードも求められず、パスワードだけでサインインできます。',
  'security.suspended.bodyRequired':
    'このアカウントに新しいキーが発行されましたが、そのコードがまだ入力されていません。入力されるまで、パスワードでサインインすると新しい認証アプリの設定に進むため、パスワードを知っている人なら誰でも自分の認証アプリを設定できてしまいます。',
  'security.suspended.bodyUnknown':
    'このアカウントに新しいキーが発行されましたが、そのコードがまだ入力されていません。入力されるまで、サインイン時にはどの認証アプリのコードも求められません。ユーザープールの設定によって、パスワードだけでサインインできるか、パスワードでサインインすると新しい認証アプリの設定に進むため、パスワードを知っている人なら誰でも自分の認証アプリを設定できてしまいます。',
  'security.suspended.seen':
    'このブラウザーでの前回のサインインでは、アカウントでは認証アプリがオンになっているにもかかわらず、認証アプリのコードが求められませんでした。新しいキーが発行され、そのコードが入力されていない場合（このブラウザーでも別のデバイスでも）、追加したエントリーで設定を完了するか、新しいキーで設定し直してください。あなたが始めたものでない場合は、パスワードも変更してください。',
  'security.pending.body': '認証アプリの設定を始めましたが、そのコードがまだ入力されていません。追加したエントリーを使って設定を完了できます。',
  'security.keyGone':
    'セットアップキーはもう表示できません。キーは表示したページを開いている間だけ保持され、保存されないため、ページを再読み込みしたり離れたりしたときに失われました。アプリに追加済みのエントリーのコードを入力してください。追加していない場合は、下の「新しいキーでやり直す」を選んでください。以前のキーで作ったエントリーは使えなくなります。',
  'security.replace': '認証アプリを置き換え',
  'security.makePreferred': 'サインインで使用する',
  'security.makingPreferred': '保存しています…',
  'security.turnOff': 'オフにする',
  'security.requiredReason': 'このユーザープールでは2段階認証が必須のため、認証アプリをオフにできません。別のアプリに置き換えることはできます。',

  'security.replaceConfirm.title': '認証アプリを置き換えますか？',
  'security.replaceConfirm.body': '認証アプリに新しいエントリを追加します。新しいアプリの確認が完了した時点で、現在のアプリは使用できなくなります。',
  'security.replaceConfirm.unfinished':
    '完了しなかった場合（キャンセルした場合や、新しいエントリーのコードを入力する前にこのページを閉じた場合）、サインイン時にはどちらのアプリのコードも求められなくなり、完了するまではパスワードだけでサインインできます。その場合はこのページにその旨が表示され、設定を完了できます。',
  'security.replaceConfirm.unfinishedRequired':
    '完了しなかった場合（キャンセルした場合や、新しいエントリーのコードを入力する前にこのページを閉じた場合）、サインイン時にはどちらのアプリのコードも求められなくなり、パスワードでサインインすると新しい認証アプリの設定に進みます。パスワードを知っている人なら誰でも自分の認証アプリを設定できてしまいます。その場合はこのページにその旨が表示され、設定を完了できます。',
  'security.replaceConfirm.unfinishedUnknown':
    '完了しなかった場合（キャンセルした場合や、新しいエントリーのコードを入力する前にこのページを閉じた場合）、完了するまでサインイン時にはどちらのアプリのコードも求められなくなります。ユーザープールの設定によって、パスワードだけでサインインできるか、パスワードでサインインすると新しい認証アプリの設定に進むため、パスワードを知っている人なら誰でも自分の認証アプリを設定できてしまいます。その場合はこのページにその旨が表示され、設定を完了できます。',
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
  'account.setUpDone': '認証アプリの設定が完了し、オンになりました。次回のサインインから、このアプリのコードを求めます。',
  'account.pool': 'ローカルのユーザープール: {name}',
  'account.signOut': 'サインアウト',
  'account.signOutEverywhere': 'すべてのデバイスからサインアウト',
  'account.signOutEverywhereHint': 'このブラウザーを含むすべてのブラウザーとアプリで、このアカウントのセッションを終了します。',
  'account.signingOut': 'サインアウトしています…',
  'account.signOutEverywhereConfirm.title': 'すべてのデバイスからサインアウトしますか？',
  'account.signOutEverywhereConfirm.ends':
    'このブラウザーを含め、このアカウントでサインインしているすべてのブラウザーとアプリからサインアウトします。再びサインインするには、それぞれでパスワード（認証アプリがオンならコードも）が必要です。',
  'account.signOutEverywhereConfirm.keeps':
    'パスワードは変わらず、認証アプリもオフになりません。ほかのアプリやサービスにすでに渡されたアクセスは、期限が切れるまで（通常は 1 時間以内）使える場合があります。',
  'account.signOutEverywhereConfirm.confirm': 'すべてサインアウト',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../../i18n/areas.ts' {
  interface MessageAreas {
    accountSecurity: typeof en
  }
}

// Words of the authenticator-app setup screen. Failure messages (`failure.*`) live beside
// src/auth/auth-failure.ts.
const en = {
  'totp.title': 'Set up an authenticator app',
  'totp.intro':
    'An authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password, shows a new 6-digit code every 30 seconds. You will enter that code when you sign in.',
  'totp.loading': 'Getting your setup key…',
  'totp.replacingWarning': 'This replaces your current authenticator app. As soon as the new one is verified, codes from the old one stop working.',
  'totp.replacedKeyTitle': 'This is a new key',
  'totp.replacedKey':
    'The key shown here earlier was never verified and no longer works. If you added it to your authenticator app, remove that entry, then scan this one.',
  'totp.stepOf': 'Step {n} of {total}:',
  'totp.step1': 'Add this account to your app',
  'totp.step2': 'Enter the code from your app',
  'totp.scanHint': 'In your authenticator app, choose to add an account, then scan this QR code.',
  'totp.qrLabel': 'QR code that adds {account} to your authenticator app',
  'totp.qrLoading': 'Loading the QR code…',
  'totp.touchHint': 'Is the authenticator app on this device? Open the setup in it directly.',
  'totp.openInApp': 'Open in authenticator app',
  'totp.cantScan': 'Can’t scan the code?',
  'totp.keyIntro': 'Enter this setup key in the app instead.',
  'totp.keyLabel': 'Setup key',
  'totp.keyHint': 'If the app asks for the type of key, choose time-based.',
  'totp.copyKey': 'Copy key',
  'totp.copied': 'Copied',
  'totp.copiedStatus': 'The setup key was copied.',
  'totp.copyFailed': 'The key could not be copied automatically. It is selected now: press Ctrl+C (⌘C on a Mac) to copy it.',
  'totp.previewCaption': 'How it will appear in your app',
  'totp.startOver': 'Start over with a new key',
  'totp.startOverHint': 'An entry you already added with the current key will not work after you start over.',
  'totp.codeHint': 'Enter the 6-digit code that your app now shows for {issuer}.',
  'totp.deviceLabel': 'Name for this authenticator (optional)',
  'totp.deviceHint': 'Helps you recognise it later, for example “Work phone”.',
  'totp.codeLabel': '6-digit code',
  'totp.codeIncomplete': 'Enter all 6 digits of the code.',
  'totp.verify': 'Verify',
  'totp.verifying': 'Verifying…',
  'totp.activating': 'Turning on…',
  'totp.helpTitle': 'Codes still not matching?',
  'totp.helpClock':
    'Set the date and time on your phone to update automatically. Codes are made from the exact time, so a phone clock that is off by a minute gives wrong codes.',
  'totp.helpSettings':
    'The app must use the standard settings: SHA-1, 6 digits, 30 seconds. Scanning the QR code sets them for you; check them if you typed the key in.',
  'totp.signInAgain': 'Sign in again',
  'totp.activationFailedTitle': 'Verified, but not turned on yet',
  'totp.activationFailed':
    'Your code was accepted and the app is linked to your account, but it could not be turned on for sign-in. Sign-in does not ask for a code yet.',
  'totp.retryActivation': 'Turn on authenticator app',
  'totp.finishTitle': 'Finish setting up your authenticator app',
  'totp.finishIntro':
    'You added an entry to your authenticator app but did not enter a code from it. This page no longer shows that key, and does not need to: a code from the entry is enough.',
  'totp.finishStep': 'Enter a code from the entry you scanned',
  'totp.finishNeverScanned': 'Never scanned it, or removed it from your app? Start over with a new key to scan now.',
}

const ja = {
  'totp.title': '認証アプリを設定',
  'totp.intro':
    'Google Authenticator、Microsoft Authenticator、1Password などの認証アプリには、30秒ごとに新しい6桁のコードが表示されます。サインインするときに、そのコードを入力します。',
  'totp.loading': 'セットアップキーを取得しています…',
  'totp.replacingWarning': '現在の認証アプリを置き換えます。新しいアプリの確認が完了した時点で、以前のアプリのコードは使えなくなります。',
  'totp.replacedKeyTitle': 'これは新しいキーです',
  'totp.replacedKey':
    '以前に表示されたキーは確認が完了していないため、使えなくなりました。認証アプリに追加した場合は、そのエントリーを削除してから、このキーを読み取ってください。',
  'totp.stepOf': 'ステップ {n}/{total}：',
  'totp.step1': 'アプリにこのアカウントを追加',
  'totp.step2': 'アプリに表示されたコードを入力',
  'totp.scanHint': '認証アプリでアカウントの追加を選び、このQRコードをスキャンしてください。',
  'totp.qrLabel': '{account} を認証アプリに追加するためのQRコード',
  'totp.qrLoading': 'QRコードを読み込んでいます…',
  'totp.touchHint': '認証アプリがこのデバイスにある場合は、アプリで直接開いてください。',
  'totp.openInApp': '認証アプリで開く',
  'totp.cantScan': 'コードをスキャンできませんか？',
  'totp.keyIntro': '代わりにこのセットアップキーをアプリに入力してください。',
  'totp.keyLabel': 'セットアップキー',
  'totp.keyHint': 'キーの種類を尋ねられた場合は、「時間ベース」を選択してください。',
  'totp.copyKey': 'キーをコピー',
  'totp.copied': 'コピーしました',
  'totp.copiedStatus': 'セットアップキーをコピーしました。',
  'totp.copyFailed': 'キーを自動でコピーできませんでした。キーを選択したので、Ctrl+C（Mac では ⌘C）を押してコピーしてください。',
  'totp.previewCaption': 'アプリでの表示',
  'totp.startOver': '新しいキーでやり直す',
  'totp.startOverHint': 'やり直すと、現在のキーで追加済みのエントリーは使えなくなります。',
  'totp.codeHint': 'アプリの {issuer} に現在表示されている6桁のコードを入力してください。',
  'totp.deviceLabel': 'この認証アプリの名前（任意）',
  'totp.deviceHint': '「仕事用スマートフォン」のように名前を付けると、後で見分けやすくなります。',
  'totp.codeLabel': '6桁のコード',
  'totp.codeIncomplete': 'コードを6桁すべて入力してください。',
  'totp.verify': '確認',
  'totp.verifying': '確認しています…',
  'totp.activating': 'オンにしています…',
  'totp.helpTitle': 'コードが一致しませんか？',
  'totp.helpClock':
    'スマートフォンの日付と時刻を自動で設定するようにしてください。コードは正確な時刻から作られるため、時計が1分ずれているだけでも正しいコードになりません。',
  'totp.helpSettings':
    'アプリは標準の設定（SHA-1、6桁、30秒）を使用する必要があります。QRコードをスキャンすると自動で設定されます。キーを手入力した場合は、設定を確認してください。',
  'totp.signInAgain': 'もう一度サインイン',
  'totp.activationFailedTitle': '確認済みですが、まだオンになっていません',
  'totp.activationFailed':
    'コードは確認され、アプリはアカウントに関連付けられましたが、サインインに使う設定をオンにできませんでした。サインイン時にはまだコードを求められません。',
  'totp.retryActivation': '認証アプリをオンにする',
  'totp.finishTitle': '認証アプリの設定を完了',
  'totp.finishIntro':
    '認証アプリにエントリーを追加しましたが、そのコードがまだ入力されていません。このページにはそのキーはもう表示されませんが、エントリーのコードがあれば完了できます。',
  'totp.finishStep': 'スキャンしたエントリーのコードを入力',
  'totp.finishNeverScanned': 'スキャンしていない場合やアプリから削除した場合は、新しいキーでやり直して今スキャンしてください。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../i18n/areas.ts' {
  interface MessageAreas {
    totpEnrollment: typeof en
  }
}

// "Browsers that don't ask for a code" on the Security page (ADR 025); loaded with the page.
const en = {
  'browsers.title': 'Browsers that don’t ask for a code',
  'browsers.intro': 'On these browsers your password alone signs you in. Forget a browser you no longer use or don’t recognise.',
  'browsers.loading': 'Loading the browsers…',
  'browsers.empty':
    'None: every sign-in asks for a code. To skip it on a browser of your own, tick “Don’t ask for a code on this browser” when you sign in there.',
  'browsers.rememberFailed': 'This browser could not be remembered when you signed in: the next sign-in here will ask for a code again.',
  'browsers.thisBrowser': 'This browser',
  'browsers.lastSignedIn': 'Last signed in {when}',
  'browsers.lastSignedInUnknown': 'Last sign-in not known',
  'browsers.forget': 'Forget',
  'browsers.forgetNamed': 'Forget {name}',
  'browsers.forgetting': 'Forgetting…',
  'browsers.forgetAll': 'Forget all',
  'browsers.notice.forgot-one': 'The browser was forgotten: its next sign-in will ask for a code.',
  // The pool binds the session's refresh token to this browser's device (ADR 025).
  'browsers.notice.forgot-this':
    'This browser was forgotten: your next sign-in here will ask for a code. Its session ends when its current sign-in can no longer be renewed, usually within an hour.',
  'browsers.notice.forgot-all': 'Every browser was forgotten: every sign-in will ask for a code.',
  'browsers.notice.forgot-all-with-change': 'Every browser that skipped the code was forgotten too: every sign-in will ask for a code.',
  'browsers.notice.forget-all-with-change-failed':
    'The browsers that skip the code could not be forgotten with that change. Forget them here: until then they sign in with the password alone.',
  // Read from what Amplify named the device (its user agent); unknown parts say so (ADR 025).
  'browsers.name.both': '{browser} on {platform}',
  'browsers.name.browserOnly': '{browser}',
  'browsers.name.platformOnly': 'A browser on {platform}',
  'browsers.name.unknown': 'An unrecognised browser',
  // The authenticator's status, when remembered browsers skip its code.
  'browsers.skipOne': 'Except on 1 browser you chose to remember, which signs in with the password alone (listed below).',
  'browsers.skipMany': 'Except on {count} browsers you chose to remember, which sign in with the password alone (listed below).',
  'browsers.skipHere': 'This browser is one of them.',
  // In the replace and turn-off confirmations: on by default (after a lost phone).
  'browsers.withChange.label': 'Also forget every browser that doesn’t ask for a code',
  'browsers.withChange.hint':
    'Keep this ticked if your phone was lost or stolen: a remembered computer would otherwise still sign in with the password alone.',
}

const ja = {
  'browsers.title': 'コードを求めないブラウザー',
  'browsers.intro':
    'これらのブラウザーでは、パスワードだけでサインインできます。使わなくなったブラウザーや心当たりのないブラウザーは削除してください。',
  'browsers.loading': 'ブラウザーを読み込んでいます…',
  'browsers.empty':
    'ありません。サインインのたびにコードを求めます。ご自分のブラウザーでコードを省くには、そのブラウザーでサインインするときに「このブラウザーではコードを求めない」をオンにしてください。',
  'browsers.rememberFailed': 'サインイン時にこのブラウザーを記憶できませんでした。次回このブラウザーでサインインするときも、コードを求めます。',
  'browsers.thisBrowser': 'このブラウザー',
  'browsers.lastSignedIn': '最終サインイン: {when}',
  'browsers.lastSignedInUnknown': '最終サインイン: 不明',
  'browsers.forget': '削除',
  'browsers.forgetNamed': '{name} を削除',
  'browsers.forgetting': '削除しています…',
  'browsers.forgetAll': 'すべて削除',
  'browsers.notice.forgot-one': 'ブラウザーを削除しました。次回そのブラウザーでサインインするときは、コードを求めます。',
  'browsers.notice.forgot-this':
    'このブラウザーを削除しました。次回このブラウザーでサインインするときは、コードを求めます。このブラウザーのセッションは更新できなくなるため、通常 1 時間以内に終了します。',
  'browsers.notice.forgot-all': 'すべてのブラウザーを削除しました。今後はサインインのたびにコードを求めます。',
  'browsers.notice.forgot-all-with-change': 'コードを求めないブラウザーもすべて削除しました。今後はサインインのたびにコードを求めます。',
  'browsers.notice.forget-all-with-change-failed':
    'コードを求めないブラウザーを削除できませんでした。ここで削除してください。削除するまで、それらのブラウザーではパスワードだけでサインインできます。',
  'browsers.name.both': '{platform} の {browser}',
  'browsers.name.browserOnly': '{browser}',
  'browsers.name.platformOnly': '{platform} のブラウザー',
  'browsers.name.unknown': '不明なブラウザー',
  'browsers.skipOne': 'ただし、記憶したブラウザー 1 台では、パスワードだけでサインインできます。下に一覧があります。',
  'browsers.skipMany': 'ただし、記憶したブラウザー {count} 台では、パスワードだけでサインインできます。下に一覧があります。',
  'browsers.skipHere': 'このブラウザーもその 1 台です。',
  'browsers.withChange.label': 'コードを求めないブラウザーもすべて削除する',
  'browsers.withChange.hint':
    'スマートフォンを紛失したり盗まれたりした場合は、オンのままにしてください。削除しないと、記憶したパソコンではパスワードだけでサインインできてしまいます。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../../i18n/areas.ts' {
  interface MessageAreas {
    rememberedBrowsers: typeof en
  }
}

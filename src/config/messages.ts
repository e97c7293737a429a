// Words for a bad or missing backend configuration; brought only by those screens (app/config-problem.tsx).
const en = {
  'config.title': 'The app is not configured correctly',
  'config.missing': '{field} is missing.',
  'config.invalid': '{field} has an invalid value.',
  'config.unreadable': '{source} could not be read.',
  'config.hint':
    'Give both VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_USER_POOL_CLIENT_ID, or a complete amplify_outputs.json, and build again. With neither, the app uses the local user pool.',
  'config.localUnreachable': 'The local user pool is not running.',
  'config.localUnreachableHint': 'Start it with npm start, then reload this page.',
  'config.localNoPools': 'The local user pool has no app clients to sign in with.',
  'config.localNoPoolsHint':
    'It is running but empty (started with --no-seed). Create a pool and an app client in it, or start it again without --no-seed, then reload this page.',
}

const ja = {
  'config.title': 'アプリの設定に問題があります',
  'config.missing': '{field} が設定されていません。',
  'config.invalid': '{field} の値が正しくありません。',
  'config.unreadable': '{source} を読み込めませんでした。',
  'config.hint':
    'VITE_COGNITO_USER_POOL_ID と VITE_COGNITO_USER_POOL_CLIENT_ID の両方、または完全な amplify_outputs.json を指定して、もう一度ビルドしてください。どちらもない場合は、ローカルのユーザープールを使用します。',
  'config.localUnreachable': 'ローカルのユーザープールが起動していません。',
  'config.localUnreachableHint': 'npm start で起動してから、このページを再読み込みしてください。',
  'config.localNoPools': 'ローカルのユーザープールに、サインインに使えるアプリクライアントがありません。',
  'config.localNoPoolsHint':
    '--no-seed で起動したため、起動していますが空です。ユーザープールとアプリクライアントを作成するか、--no-seed を付けずに起動し直してから、このページを再読み込みしてください。',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../i18n/areas.ts' {
  interface MessageAreas {
    config: typeof en
  }
}

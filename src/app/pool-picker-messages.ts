// Words for the local user pool picker, loaded with it (pool-picker.tsx): only the local emulator
// with several pools shows them, never a real pool, so they stay off the first screen's script.
const en = {
  'app.pool.label': 'Local user pool',
  'app.pool.hint': 'Demo pools served by the local emulator. Each pool has its own users.',
  'app.pool.optional': 'MFA optional',
  'app.pool.required': 'MFA required',
  'app.pool.off': 'MFA off',
}

const ja = {
  'app.pool.label': 'ローカルのユーザープール',
  'app.pool.hint': 'ローカルのエミュレーターが提供するデモ用のプールです。ユーザーはプールごとに別々です。',
  'app.pool.optional': 'MFA 任意',
  'app.pool.required': 'MFA 必須',
  'app.pool.off': 'MFA オフ',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

declare module '../i18n/areas.ts' {
  interface MessageAreas {
    poolPicker: typeof en
  }
}

const en = {
  'security.title': 'Security',
}

const ja = {
  'security.title': 'セキュリティ',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

const en = {
  'signIn.title': 'Sign in',
}

const ja = {
  'signIn.title': 'サインイン',
} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

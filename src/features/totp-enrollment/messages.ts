const en = {}

const ja = {} satisfies Record<keyof typeof en, string>

export const messages = { en, ja }

/**
 * Characters a terminal or a log reader would act on instead of showing: C0 and C1 controls
 * (line breaks, ESC, which starts ANSI sequences), DEL, the Unicode line and paragraph
 * separators, the bidirectional overrides and isolates (text shown in another order than it
 * is) and lone surrogates. One character class, so the scan is linear in the text. The backslash
 * is kept as it is: escaping is then idempotent, so a line escaped where it was written (the
 * refusals of http.ts) is not escaped again by the log (server.ts).
 */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is this expression's job
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const SHORT = new Map([
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
])

/**
 * `text` as one printable line, JSON-style: every character above becomes `\n`, `\u001b` …, all
 * else is kept (Japanese names stay readable). For anything user-supplied that the emulator
 * prints, so a username cannot end a line and forge another (such as `READY http://…`, the line
 * test harnesses wait for) or recolour the terminal (docs/cognito-behaviour.md#input-limits).
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => SHORT.get(char) ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * An error for the console: its message may quote request values, so it is escaped; the stack
 * frames under it (the emulator's own file and function names) keep their lines.
 */
export function printableError(error: unknown): string {
  if (!(error instanceof Error)) return printable(String(error))
  const head = `${error.name}: ${error.message}`
  const stack = error.stack ?? head
  return stack.startsWith(head) ? printable(head) + stack.slice(head.length) : printable(stack)
}

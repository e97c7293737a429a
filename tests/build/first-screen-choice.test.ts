// The prerendered form's decision (ADR 028): the script in <head> must pick exactly the screen the
// app's own first render shows (the session check of src/auth/lazy-auth-gateway.ts, the language of
// src/i18n), else the app would hydrate a form it does not render.
import { runInNewContext } from 'node:vm'
import { mayHaveStoredSession, sessionMarkerKey } from '../../src/auth/lazy-auth-gateway.ts'
import { localeStorageKey } from '../../src/i18n/i18n-provider.tsx'
import { pickLocale } from '../../src/i18n/locale.ts'
import { chooseFirstScreen, FIRST_SCREEN_ATTRIBUTE, firstScreenBootScript, type FirstScreenKeys } from '../../src/app/first-screen.ts'

const clientId = '1example2client3id4abcdefg'

function storage(entries: Record<string, string> = {}, blocked = false): Storage {
  const get = (key: string) => {
    if (blocked) throw new DOMException('The operation is insecure.', 'SecurityError')
    return Object.hasOwn(entries, key) ? entries[key]! : null
  }
  return { getItem: get, setItem: () => {}, removeItem: () => {}, clear: () => {}, key: () => null, length: 0 }
}

type Visitor = {
  name: string
  local?: Record<string, string>
  session?: Record<string, string>
  languages: string[]
  blocked?: boolean
  tokenStorage: 'local' | 'session'
}

const session = { [sessionMarkerKey(clientId)]: 'alice' }
const visitors: Visitor[] = [
  { name: 'a first visit in English', languages: ['en-US', 'en'], tokenStorage: 'local' },
  { name: 'a first visit in Japanese', languages: ['ja-JP', 'en-US'], tokenStorage: 'local' },
  { name: 'a browser language we do not have, then Japanese', languages: ['fr-FR', 'ja'], tokenStorage: 'local' },
  { name: 'no language we have', languages: ['de-DE'], tokenStorage: 'local' },
  { name: 'no languages at all', languages: [], tokenStorage: 'local' },
  { name: 'a remembered choice over the browser', local: { [localeStorageKey]: 'ja' }, languages: ['en-US'], tokenStorage: 'local' },
  { name: 'a remembered choice that is not a language', local: { [localeStorageKey]: 'fr' }, languages: ['ja'], tokenStorage: 'local' },
  { name: 'a stored session', local: session, languages: ['en'], tokenStorage: 'local' },
  { name: 'a stored session kept in the tab (ADR 010)', session, languages: ['en'], tokenStorage: 'session' },
  { name: 'a session in the other storage does not count', local: session, languages: ['ja'], tokenStorage: 'session' },
  { name: 'blocked storage', languages: ['en'], blocked: true, tokenStorage: 'local' },
]

/** What the app's first render shows for this visitor: the form in a language, or no form. */
function appFirstScreen(visitor: Visitor): 'en' | 'ja' | undefined {
  const globals = globalThis as Record<string, unknown>
  globals.localStorage = storage(visitor.local, visitor.blocked)
  globals.sessionStorage = storage(visitor.session, visitor.blocked)
  try {
    if (mayHaveStoredSession(clientId, visitor.tokenStorage)) return undefined
    const stored = visitor.local?.[localeStorageKey]
    return stored === 'en' || stored === 'ja' ? stored : pickLocale(visitor.languages)
  } finally {
    delete globals.localStorage
    delete globals.sessionStorage
  }
}

function page(visitor: Visitor) {
  return {
    localStorage: storage(visitor.local, visitor.blocked),
    sessionStorage: storage(visitor.session, visitor.blocked),
    navigator: { languages: visitor.languages },
  }
}

const keysFor = (visitor: Visitor): FirstScreenKeys => ({
  sessionKey: sessionMarkerKey(clientId),
  tokenStorage: visitor.tokenStorage,
  localeKey: localeStorageKey,
})

test.each(visitors)('$name: the script picks what the app renders', (visitor) => {
  expect(chooseFirstScreen(keysFor(visitor), page(visitor) as unknown as Window)).toBe(appFirstScreen(visitor))
})

test.each(visitors)('$name: the built script marks <html> with it, and only then', (visitor) => {
  const attributes = new Map<string, string>()
  const documentElement = { lang: 'en', setAttribute: (name: string, value: string) => attributes.set(name, value) }
  runInNewContext(firstScreenBootScript(keysFor(visitor)), { window: page(visitor), document: { documentElement } })
  const expected = appFirstScreen(visitor)
  expect(attributes.get(FIRST_SCREEN_ATTRIBUTE)).toBe(expected)
  expect(documentElement.lang).toBe(expected ?? 'en')
})

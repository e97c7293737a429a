// The prerendered first screen (ADR 028): a build for a real user pool writes the sign-in form into
// index.html, once per language, so the browser paints it before any of the app's JavaScript has
// run; the app then hydrates it. The form is only right for a visitor with no stored session, and
// only in the language the app would pick. A tiny classic script in <head>, written by the build from
// `chooseFirstScreen`'s source, decides before the first paint and names that form on <html>: the
// stylesheet shows it and no other, and src/main.tsx hydrates it (or, with none named, renders from
// scratch). The build serialises the function with Function#toString, so it may use nothing from
// outside its body (no imports, no helpers, no closures); tests/build/first-screen-choice.test.ts runs
// the built script against the app's own first-render logic.

/** What the decision reads from the page: the storage key Amplify writes on sign-in, and where. */
export type FirstScreenKeys = {
  /** `CognitoIdentityServiceProvider.<client id>.LastAuthUser`: Amplify's signed-in marker (src/auth/lazy-auth-gateway.ts). */
  sessionKey: string
  /** Where Amplify keeps the tokens (ADR 010). */
  tokenStorage: 'local' | 'session'
  /** Where the language switch remembers its choice (src/i18n/i18n-provider.tsx). */
  localeKey: string
}

/** The prerendered languages; `undefined` when no prerendered form is right for this visitor. */
export type FirstScreenLocale = 'en' | 'ja'

/**
 * Which prerendered sign-in form fits this page: none when a session may be stored (the app checks it
 * first and may show the account page), else the language the app picks (the remembered choice, else
 * the browser's first language we have, else English; the same rule as src/i18n/locale.ts).
 */
export function chooseFirstScreen(keys: FirstScreenKeys, page: Window): FirstScreenLocale | undefined {
  let stored: string | null
  try {
    if ((keys.tokenStorage === 'session' ? page.sessionStorage : page.localStorage).getItem(keys.sessionKey) !== null) return undefined
    stored = page.localStorage.getItem(keys.localeKey)
  } catch {
    // Storage blocked: the app cannot tell whether a session is stored, and checks with the pool.
    return undefined
  }
  if (stored === 'en' || stored === 'ja') return stored
  const languages = page.navigator.languages || []
  for (let i = 0; i < languages.length; i++) {
    const primary = String(languages[i]).toLowerCase().split('-')[0]
    if (primary === 'en' || primary === 'ja') return primary
  }
  return 'en'
}

/** The attribute on <html> naming the prerendered form to show (app.css shows only that one). */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen'

/** The class of each prerendered form's container; its `data-locale` names the language. */
export const FIRST_SCREEN_CLASS = 'first-screen'

/** The prefix of React's ids in each prerendered form (both are in the page until one is hydrated). */
export function firstScreenIdPrefix(locale: FirstScreenLocale): string {
  return `${locale}-`
}

/** The <head> script's source: runs the decision and marks <html>, before the first paint. */
export function firstScreenBootScript(keys: FirstScreenKeys): string {
  return (
    `// Written by the build (src/app/first-screen.ts): which prerendered sign-in form to show.\n` +
    `(function(){var choose=${chooseFirstScreen.toString()};` +
    `var locale=choose(${JSON.stringify(keys)},window);` +
    `if(locale){document.documentElement.setAttribute(${JSON.stringify(FIRST_SCREEN_ATTRIBUTE)},locale);document.documentElement.lang=locale}})();\n`
  )
}

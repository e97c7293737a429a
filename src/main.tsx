import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { FIRST_SCREEN_ATTRIBUTE, FIRST_SCREEN_CLASS, firstScreenIdPrefix } from './app/first-screen.ts'
import { isLocale } from './i18n/locale.ts'

// A build for a real pool has the sign-in form prerendered in index.html, once per language (ADR
// 028), and a script in <head> that named on <html> the one this visitor gets (none when a session
// may be stored): hydrate that one. Without it (the local pool, a stored session, the script blocked)
// the app renders from scratch. Should the app's first render differ all the same (another tab
// signed in meanwhile), React replaces the prerendered form with it.
const locale = document.documentElement.getAttribute(FIRST_SCREEN_ATTRIBUTE)
const prerendered = isLocale(locale) ? document.querySelector<HTMLElement>(`.${FIRST_SCREEN_CLASS}[data-locale="${locale}"]`) : null
for (const other of document.querySelectorAll(`.${FIRST_SCREEN_CLASS}`)) if (other !== prerendered) other.remove()
const root = document.getElementById('root')!

if (prerendered && isLocale(locale)) {
  root.remove()
  hydrateRoot(
    prerendered,
    <StrictMode>
      <App initialLocale={locale} />
    </StrictMode>,
    { identifierPrefix: firstScreenIdPrefix(locale) },
  )
} else {
  document.documentElement.removeAttribute(FIRST_SCREEN_ATTRIBUTE)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

// The build's server-side entry (ADR 028): renders the first screen to HTML, once per language, for
// scripts/prerender-first-screen.ts to write into index.html. Never part of the browser bundle.
//
// It renders exactly what src/main.tsx hydrates: <App> for a first-time visitor, that is with
// nothing stored in the browser (no session, no remembered language), in the language given.
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { App } from './app/app.tsx'
import { firstScreenBootScript, firstScreenIdPrefix, type FirstScreenKeys, type FirstScreenLocale } from './app/first-screen.ts'
import { readBuildConfig } from './config/build-config.ts'
import { sessionMarkerKey } from './auth/lazy-auth-gateway.ts'
import { localeStorageKey } from './i18n/i18n-provider.tsx'

export type PrerenderedFirstScreen = {
  /** The markup of the sign-in form's page, by language. */
  html: Record<FirstScreenLocale, string>
  /** The classic script for <head> that picks one (src/app/first-screen.ts). */
  bootScript: string
}

// Only an origin is read from `location` at render time (the local pool's address, unused here).
const RENDER_ORIGIN = 'http://localhost'

/**
 * The first screen, or `undefined` when this build has none to prerender: a build for the local
 * pool (its form waits for the pools to be discovered) or a configuration with problems (the app
 * shows them instead of a form).
 */
export function prerenderFirstScreen(): PrerenderedFirstScreen | undefined {
  const resolved = readBuildConfig(RENDER_ORIGIN)
  if (!resolved.ok || resolved.config.backend.kind !== 'explicit') return undefined
  const keys: FirstScreenKeys = {
    sessionKey: sessionMarkerKey(resolved.config.backend.pool.userPoolClientId),
    tokenStorage: resolved.config.tokenStorage ?? 'local',
    localeKey: localeStorageKey,
  }
  return withFirstVisit(() => ({
    html: { en: render('en'), ja: render('ja') },
    bootScript: firstScreenBootScript(keys),
  }))
}

function render(locale: FirstScreenLocale): string {
  return renderToString(
    <StrictMode>
      <App initialLocale={locale} />
    </StrictMode>,
    // Both languages' forms are in the page until src/main.tsx removes one: their ids must differ.
    { identifierPrefix: firstScreenIdPrefix(locale) },
  )
}

/** Runs `render` with the browser globals the first render reads, as a first-time visitor's browser has them. */
function withFirstVisit<T>(render: () => T): T {
  const globals = globalThis as Record<string, unknown>
  const saved = { localStorage: globals.localStorage, sessionStorage: globals.sessionStorage, location: globals.location }
  globals.localStorage = emptyStorage()
  globals.sessionStorage = emptyStorage()
  globals.location = new URL(`${RENDER_ORIGIN}/`)
  try {
    return render()
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete globals[name]
      else globals[name] = value
    }
  }
}

function emptyStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  return { getItem: () => null, setItem: () => {}, removeItem: () => {} }
}

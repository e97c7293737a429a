// The browser tab names the step on screen, then the app ("Sign in – Cognito TOTP"): in the tab
// strip, the window list and history every step is told apart, and a screen reader announces
// where the user is. The step is the last heading on the page marked to name it (step-heading.tsx),
// read from the page itself so that its language and its comings and goings need no bookkeeping.
// Kept tiny: it is on the first screen.
let app = ''

/** Names the tab anew; the app (the title's second half, or all of it without a step) passes its name. */
export function showTabTitle(appName?: string) {
  app = appName ?? app
  const step = Array.from(document.querySelectorAll('[data-tab]')).pop()?.textContent
  document.title = step ? `${step} – ${app}` : app
}

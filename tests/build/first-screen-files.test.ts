// What `npm run size` and the first-screen benchmark count as the first screen: the files a built
// index.html makes the browser fetch before the app can render, each once.
import { firstScreenHrefs } from '../../scripts/first-screen-files.ts'

test('the entry script, its modulepreloads and the linked stylesheets; not the icon, not a lazy chunk', () => {
  const html = `<!doctype html><html><head>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-B.js">
    <link rel="stylesheet" crossorigin href="/assets/index-C.css">
    <link rel="modulepreload" crossorigin href="/assets/shared-B.js">
  </head><body><div id="root"></div></body></html>`
  expect(firstScreenHrefs(html)).toEqual(['/assets/index-A.js', '/assets/shared-B.js', '/assets/index-C.css'])
})

test('a page with no script counts nothing (the readers refuse it)', () => {
  expect(firstScreenHrefs('<html><head><link rel="icon" href="/favicon.svg"></head></html>')).toEqual([])
})

test('a build for a real pool also counts the prerendered form’s classic script and stylesheet (ADR 028)', () => {
  const html = `<!doctype html><html><head>
    <script src="/assets/first-screen-D.js"></script>
    <link rel="stylesheet" href="/assets/first-screen-E.css">
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-C.css">
  </head><body><div class="first-screen" data-locale="en"></div><div id="root"></div></body></html>`
  expect(firstScreenHrefs(html)).toEqual(['/assets/first-screen-D.js', '/assets/index-A.js', '/assets/first-screen-E.css', '/assets/index-C.css'])
})

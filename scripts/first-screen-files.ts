// What "the first screen" is, in bytes: the files a built index.html makes the browser fetch before
// the app can render: the entry script and any classic script, the chunks it preloads (modulepreload links) and the linked
// stylesheets. `npm run size` (scripts/size.ts) and the first-screen benchmark (bench/first-screen.ts)
// count the same files.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The first screen's files as index.html names them (`/assets/index-….js`), each once. */
export function firstScreenHrefs(html: string): string[] {
  const hrefs = [
    // Module scripts and classic ones (the prerendered form's script in <head>, ADR 028).
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!)
  return [...new Set(hrefs)]
}

/** Reads a build's first-screen files: its href and contents each. */
export async function readFirstScreen(dist: string): Promise<Array<{ href: string; bytes: Buffer }>> {
  const hrefs = firstScreenHrefs(await readFile(join(dist, 'index.html'), 'utf8'))
  if (hrefs.length === 0) throw new Error(`No scripts or stylesheets found in ${join(dist, 'index.html')}`)
  return Promise.all(hrefs.map(async (href) => ({ href, bytes: await readFile(join(dist, href.replace(/^\//, ''))) })))
}

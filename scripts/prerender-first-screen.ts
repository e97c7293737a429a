// Vite plugin: after a production build, writes the prerendered sign-in form into dist/index.html
// (ADR 028). It loads src/prerender.tsx through a Vite server in SSR mode (the same config, mode,
// env directory and plugins as the build, so the markup is what the browser bundle renders), and
// puts into index.html:
//   - the form's markup for each language, in hidden containers beside #root;
//   - a small classic script in <head> (assets/first-screen-<hash>.js) that shows the right one
//     before the first paint, or none.
// A build with nothing to prerender (the local pool, a configuration with problems) is left as is.
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createServer, transformWithEsbuild, type Plugin, type ResolvedConfig } from 'vite'
import type { PrerenderedFirstScreen } from '../src/prerender.tsx'
import { FIRST_SCREEN_CLASS } from '../src/app/first-screen.ts'

const ENTRY = '/src/prerender.tsx'
const ROOT_DIV = '<div id="root"></div>'

export function prerenderFirstScreen(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        if (config.build.ssr || config.build.write === false) return
        const firstScreen = await renderInViteSsr(config)
        if (!firstScreen) return
        const outDir = resolve(config.root, config.build.outDir)
        const indexPath = join(outDir, 'index.html')
        await writeFile(indexPath, await withFirstScreen(await readFile(indexPath, 'utf8'), firstScreen, outDir, config.base))
      },
    },
  }
}

async function renderInViteSsr(config: ResolvedConfig): Promise<PrerenderedFirstScreen | undefined> {
  const server = await createServer({
    configFile: config.configFile,
    root: config.root,
    mode: config.mode,
    envDir: config.envDir,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    const entry = (await server.ssrLoadModule(ENTRY)) as typeof import('../src/prerender.tsx')
    return entry.prerenderFirstScreen()
  } finally {
    await server.close()
  }
}

async function withFirstScreen(html: string, firstScreen: PrerenderedFirstScreen, outDir: string, base: string): Promise<string> {
  if (!html.includes(ROOT_DIV)) throw new Error(`Prerendering the first screen: index.html has no ${ROOT_DIV}`)
  const moduleScript = html.indexOf('<script type="module"')
  if (moduleScript < 0) throw new Error('Prerendering the first screen: index.html has no module script')
  const { code } = await transformWithEsbuild(firstScreen.bootScript, 'first-screen.js', { minify: true, target: 'es2022' })
  const bootFile = await writeHashed(outDir, 'first-screen', 'js', code)
  const styles = new StyleClasses()
  const forms = (Object.entries(firstScreen.html) as Array<[string, string]>)
    .map(([locale, markup]) => `<div class="${FIRST_SCREEN_CLASS}" data-locale="${locale}" lang="${locale}">${styles.lift(markup)}</div>`)
    .join('\n    ')
  // Before the app's script and stylesheet: a classic script blocks the first paint until it has
  // run, and the preload scanner fetches them all at once.
  let head = `<script src="${base}${bootFile}"></script>\n    `
  if (styles.css) head += `<link rel="stylesheet" href="${base}${await writeHashed(outDir, 'first-screen', 'css', styles.css)}">\n    `
  return `${html.slice(0, moduleScript)}${head}${html.slice(moduleScript)}`.replace(ROOT_DIV, `${forms}\n    ${ROOT_DIV}`)
}

async function writeHashed(outDir: string, name: string, extension: string, content: string): Promise<string> {
  const file = `assets/${name}-${createHash('sha256').update(content).digest('base64url').slice(0, 8)}.${extension}`
  await writeFile(join(outDir, file), content)
  return file
}

/**
 * React writes a `style` prop as an attribute in server markup, and the Content-Security-Policy
 * (style-src 'self', ADR 009) blocks style attributes in HTML; in the browser React sets the same
 * styles through element.style, which it allows. So each distinct style attribute of the prerendered
 * markup becomes a class, with a rule in a stylesheet of its own. Hydration keeps the DOM as it is
 * (React does not rewrite attributes when hydrating), and a later change of the style prop still
 * wins: React then sets it inline, above any class.
 */
class StyleClasses {
  private readonly classes = new Map<string, string>()

  lift(markup: string): string {
    return markup.replace(/<([a-z][\w-]*)([^<>]*?)(\/?)>/g, (tag, name: string, attributes: string, selfClosing: string) => {
      const style = /\sstyle="([^"]*)"/.exec(attributes)
      if (!style) return tag
      const styleClass = this.classFor(style[1]!)
      let rest = attributes.replace(style[0], '')
      rest = /\sclass="/.test(rest)
        ? rest.replace(/\sclass="([^"]*)"/, (_, list: string) => ` class="${list} ${styleClass}"`)
        : `${rest} class="${styleClass}"`
      return `<${name}${rest}${selfClosing}>`
    })
  }

  get css(): string {
    return [...this.classes]
      .map(([style, name]) => `.${FIRST_SCREEN_CLASS} .${name}{${style.replace(/&quot;/g, '"').replace(/&amp;/g, '&')}}`)
      .join('\n')
  }

  private classFor(style: string): string {
    let name = this.classes.get(style)
    if (!name) this.classes.set(style, (name = `first-screen-style-${this.classes.size + 1}`))
    return name
  }
}

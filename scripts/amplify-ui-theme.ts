// A Vite plugin that renders Amplify UI's theme at build time, so that no <style> element is written
// at run time and the Content-Security-Policy can say `style-src 'self'` (ADR 009, config/security-headers.ts).
//
// Amplify UI's ThemeProvider turns the theme's design tokens into CSS custom properties in the
// browser and injects them as a <style> element. Here the same text, `createTheme(theme).cssText`,
// is the virtual stylesheet `virtual:amplify-theme.css` that the app imports; the app wraps its
// page in the `data-amplify-theme` element that stylesheet targets instead of using ThemeProvider.
//
// Only the component tokens that a stylesheet reads are written (those of the Amplify UI stylesheets
// the app imports, its own CSS, and the tokens they refer to): a primitive whose stylesheet is not
// imported is unstyled anyway. And since the browser no longer computes the theme, the bundle's
// copy of the component tokens (Amplify UI's default theme, which the primitives still read for
// breakpoints and style props, never for component tokens) is replaced by an empty set.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Theme } from '@aws-amplify/ui-react'
import type { Plugin } from 'vite'

const EMPTY_COMPONENT_TOKENS_ID = '\0amplify-ui-no-component-tokens'
/** What the app imports to get its theme's stylesheet. */
export const THEME_CSS_ID = 'virtual:amplify-theme.css'

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(path, pattern)
    return pattern.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

// Amplify UI's stylesheets break long var() calls over lines: `var(\n    --amplify-…\n  )`.
const references = (text: string) => [...text.matchAll(/var\(\s*(--amplify-[\w-]+)/g)].map((m) => m[1]!)

/**
 * The custom properties the app's styles read: those of the Amplify UI stylesheets it imports
 * (`@aws-amplify/ui-react/styles/<x>.css` anywhere under `srcDir`) and of its own CSS and code.
 */
export function referencedVariables(srcDir: string, resolveFrom: string): Set<string> {
  const require = createRequire(resolveFrom)
  const stylesDir = join(dirname(require.resolve('@aws-amplify/ui-react/styles.css')), 'styles')
  const used = new Set<string>()
  for (const file of filesUnder(srcDir, /\.(ts|tsx|css)$/)) {
    const text = readFileSync(file, 'utf8')
    for (const name of references(text)) used.add(name)
    for (const [, sheet] of text.matchAll(/@aws-amplify\/ui-react\/styles\/([\w.]+)\.css/g)) {
      for (const name of references(readFileSync(join(stylesDir, `${sheet}.css`), 'utf8'))) used.add(name)
    }
  }
  return used
}

// The token namespaces style props resolve in (stylePropsToThemeKeys in Amplify UI React's
// primitives/shared/constants.mjs), as they appear in custom property names.
const STYLE_PROP_NAMESPACES = [
  'colors',
  'border-widths',
  'radii',
  'font-sizes',
  'font-weights',
  'fonts',
  'line-heights',
  'opacities',
  'shadows',
  'transforms',
  'space',
]

/**
 * Every word of every string literal in the app's code and in Amplify UI's primitives: the values a
 * style prop may hold (`gap="small"`, `color="font.secondary"`, `padding="xs small"`), with dots as
 * dashes. The primitives turn such a value into var(--amplify-<namespace>-<value>) at run time.
 */
export function styleWords(srcDir: string, resolveFrom: string): Set<string> {
  const require = createRequire(resolveFrom)
  const primitives = join(dirname(require.resolve('@aws-amplify/ui-react')), 'esm', 'primitives')
  const words = new Set<string>()
  const files = [...filesUnder(srcDir, /\.(ts|tsx)$/), ...filesUnder(primitives, /\.mjs$/)]
  for (const file of files) {
    for (const [, literal] of readFileSync(file, 'utf8').matchAll(/["'`]([\w. -]+)["'`]/g)) {
      for (const word of literal!.split(' ')) if (word) words.add(word.replaceAll('.', '-'))
    }
  }
  return words
}

/**
 * The theme's custom properties, as Amplify UI's ThemeProvider would inject them, less those nothing
 * can read: kept are the ones a stylesheet or the code reads, the global tokens a style prop may
 * name (`gap="small"` → --amplify-space-small), and those they refer to.
 */
export async function themeCss(theme: Theme, srcDir: string, resolveFrom: string): Promise<string> {
  // @aws-amplify/ui is Amplify UI React's own dependency: resolve it from there.
  const require = createRequire(createRequire(resolveFrom).resolve('@aws-amplify/ui-react'))
  const ui = (await import(pathToFileURL(require.resolve('@aws-amplify/ui')).href)) as typeof import('@aws-amplify/ui')
  const { cssText } = ui.createTheme(theme)
  // One declaration a line.
  const lines = cssText.split('\n')
  const values = new Map<string, string>()
  for (const line of lines) {
    const match = /^(--[\w-]+):\s*(.*);$/.exec(line.trim())
    if (match) values.set(match[1]!, match[2]!)
  }
  // Component tokens refer to each other and to global ones (var(--amplify-components-fieldcontrol-…)).
  const kept = new Set<string>()
  const words = styleWords(srcDir, resolveFrom)
  const maybeStyleProp = (name: string) =>
    STYLE_PROP_NAMESPACES.some((namespace) => name.startsWith(`--amplify-${namespace}-`) && words.has(name.slice(`--amplify-${namespace}-`.length)))
  const globals = [...values.keys()].filter(maybeStyleProp)
  const queue = [...referencedVariables(srcDir, resolveFrom), ...globals]
  while (queue.length > 0) {
    const name = queue.pop()!
    if (kept.has(name) || !values.has(name)) continue
    kept.add(name)
    queue.push(...references(values.get(name)!))
  }
  const needed = (line: string) => {
    const name = /^(--[\w-]+):/.exec(line.trim())?.[1]
    return name === undefined || kept.has(name)
  }
  return `${lines.filter(needed).join('\n')}\n`
}

export function amplifyUiTheme({ theme, srcDir, root }: { theme: Theme; srcDir: string; root: string }): Plugin {
  const resolveFrom = join(root, 'package.json')
  return {
    name: 'amplify-ui-theme',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === THEME_CSS_ID) return THEME_CSS_ID
      if (
        source === './components/index.mjs' &&
        importer &&
        /@aws-amplify[\\/]ui[\\/]dist[\\/]esm[\\/]theme[\\/]tokens[\\/]index\.mjs$/.test(importer)
      ) {
        return EMPTY_COMPONENT_TOKENS_ID
      }
      return null
    },
    async load(id) {
      if (id === EMPTY_COMPONENT_TOKENS_ID) return 'export const components = {}'
      if (id === THEME_CSS_ID) return themeCss(theme, srcDir, resolveFrom)
      return null
    },
  }
}

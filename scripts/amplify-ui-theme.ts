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

// Button color themes, `amplify-button--<variation>--<colorTheme>`, and the menu variation. Amplify
// UI's Button writes a color theme only when given a colorTheme, and its PasswordField's switch when
// the field has an error (the app draws that switch itself: ui/password-input.tsx); the menu
// variation only for `variation="menu"`. Their rules are most of button.css, and with the component
// tokens they read, more than half of the first screen's CSS text: all of it parsed, and its custom
// properties inherited by every element, before the form can be drawn (ADR 026).
const COLOR_THEME_CLASS = /amplify-button--(?:(?:primary|link|outlined)--(?:info|warning|error|success|overlay)|menu)(?![\w-])/g
const AMPLIFY_SHEET = /@aws-amplify[\\/]ui-react[\\/]dist[\\/]styles[\\/][\w.]+\.css$/
const BUTTON_CSS = /@aws-amplify[\\/]ui-react[\\/]dist[\\/]styles[\\/]button\.css$/

/**
 * The button color themes the app can show: the classes its code names, or every one if it gives
 * Amplify UI's Button a colorTheme anywhere; and the menu variation if the word is in its code.
 */
export function usedButtonColorThemes(srcDir: string): Set<string> | 'all' {
  const used = new Set<string>()
  for (const file of filesUnder(srcDir, /\.(ts|tsx)$/)) {
    const text = readFileSync(file, 'utf8')
    if (/<Button\b[^>]*\bcolorTheme=/.test(text)) return 'all'
    for (const [name] of text.matchAll(COLOR_THEME_CLASS)) used.add(name)
    if (/["'`]menu["'`]/.test(text)) used.add('amplify-button--menu')
  }
  return used
}

/** button.css without the rules of the color themes the app never shows (a selector list keeps its other selectors). */
export function pruneButtonCss(css: string, used: Set<string> | 'all'): string {
  if (used === 'all') return css
  const unused = (selector: string) => [...selector.matchAll(COLOR_THEME_CLASS)].some(([name]) => !used.has(name))
  let out = ''
  let depth = 0
  let start = 0
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '')
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) {
      const rule = text.slice(start, i + 1)
      start = i + 1
      const open = rule.indexOf('{')
      const prelude = rule.slice(0, open).trim()
      // At-rules (a reduced-motion block) are kept whole.
      if (prelude.startsWith('@')) {
        out += `${rule.trim()}\n`
        continue
      }
      const kept = prelude.split(',').filter((selector) => !unused(selector))
      if (kept.length > 0) out += `${kept.map((selector) => selector.trim()).join(', ')} ${rule.slice(open).trim()}\n`
    }
  }
  return out
}

// Amplify UI's stylesheets break long var() calls over lines: `var(\n    --amplify-…\n  )`.
const references = (text: string) => [...text.matchAll(/var\(\s*(--amplify-[\w-]+)/g)].map((m) => m[1]!)

/**
 * The custom properties the app's styles read: those of the Amplify UI stylesheets it imports
 * (`@aws-amplify/ui-react/styles/<x>.css` anywhere under `srcDir`) and of its own CSS and code.
 * With `firstScreen`, only the stylesheets imported beside the theme's (app.tsx: the first
 * screen's); the others bring their own component tokens (sheetTokensCss).
 */
export function referencedVariables(srcDir: string, resolveFrom: string, { firstScreen = false } = {}): Set<string> {
  const require = createRequire(resolveFrom)
  const stylesDir = join(dirname(require.resolve('@aws-amplify/ui-react/styles.css')), 'styles')
  const used = new Set<string>()
  const colorThemes = usedButtonColorThemes(srcDir)
  for (const file of filesUnder(srcDir, /\.(ts|tsx|css)$/)) {
    const text = readFileSync(file, 'utf8')
    for (const name of references(text)) used.add(name)
    if (firstScreen && !text.includes(THEME_CSS_ID)) continue
    for (const [, sheet] of text.matchAll(/@aws-amplify\/ui-react\/styles\/([\w.]+)\.css/g)) {
      const css = readFileSync(join(stylesDir, `${sheet}.css`), 'utf8')
      for (const name of references(sheet === 'button' ? pruneButtonCss(css, colorThemes) : css)) used.add(name)
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
  const { lines, values } = await themeValues(theme, resolveFrom)
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
  // Global tokens stay whole: any stylesheet may read them. A component token is written here only
  // when the first screen's stylesheets or the app's own styles read it; a stylesheet imported by a
  // lazily loaded screen brings the rest with it (sheetTokensCss), so the first screen does not
  // parse the tokens of screens it does not show (ADR 026).
  const firstScreen = closure(referencedVariables(srcDir, resolveFrom, { firstScreen: true }), values)
  const needed = (line: string) => {
    const name = /^(--[\w-]+):/.exec(line.trim())?.[1]
    return name === undefined || (kept.has(name) && (!name.startsWith(COMPONENT_PREFIX) || firstScreen.has(name)))
  }
  return `${lines.filter(needed).join('\n')}\n`
}

const COMPONENT_PREFIX = '--amplify-components-'

/** `names` and the tokens they refer to, transitively. */
function closure(names: Iterable<string>, values: Map<string, string>): Set<string> {
  const found = new Set<string>()
  const queue = [...names]
  while (queue.length > 0) {
    const name = queue.pop()!
    if (found.has(name) || !values.has(name)) continue
    found.add(name)
    queue.push(...references(values.get(name)!))
  }
  return found
}

/** The theme as Amplify UI's ThemeProvider would inject it, one declaration a line, and its values by name. */
async function themeValues(theme: Theme, resolveFrom: string): Promise<{ lines: string[]; values: Map<string, string> }> {
  // @aws-amplify/ui is Amplify UI React's own dependency: resolve it from there.
  const require = createRequire(createRequire(resolveFrom).resolve('@aws-amplify/ui-react'))
  const ui = (await import(pathToFileURL(require.resolve('@aws-amplify/ui')).href)) as typeof import('@aws-amplify/ui')
  const lines = ui.createTheme(theme).cssText.split('\n')
  const values = new Map<string, string>()
  for (const line of lines) {
    const match = /^(--[\w-]+):\s*(.*);$/.exec(line.trim())
    if (match) values.set(match[1]!, match[2]!)
  }
  return { lines, values }
}

/** The theme, and the tokens its stylesheet has for the first screen's stylesheets. */
export async function firstScreenTokens(theme: Theme, srcDir: string, resolveFrom: string) {
  const { lines, values } = await themeValues(theme, resolveFrom)
  return { lines, values, inTheme: closure(referencedVariables(srcDir, resolveFrom, { firstScreen: true }), values) }
}

/**
 * What an Amplify UI stylesheet imported outside the first screen puts before its rules: the
 * component tokens it reads (and those they read) that the theme's stylesheet left out, on the
 * same theme element. Empty for the first screen's stylesheets, whose tokens the theme has.
 */
export async function sheetTokensCss(
  sheetCss: string,
  theme: Theme,
  srcDir: string,
  resolveFrom: string,
  // The same for every stylesheet of a build: the plugin computes it once.
  known: Promise<{ lines: string[]; values: Map<string, string>; inTheme: Set<string> }> = firstScreenTokens(theme, srcDir, resolveFrom),
): Promise<string> {
  const { lines, values, inTheme } = await known
  const own = [...closure(references(sheetCss), values)].filter((name) => name.startsWith(COMPONENT_PREFIX) && !inTheme.has(name))
  if (own.length === 0) return ''
  const selector = lines.find((line) => line.trim().endsWith('{'))!.trim()
  return `${selector}\n${own.map((name) => `  ${name}: ${values.get(name)};`).join('\n')}\n}\n`
}

export function amplifyUiTheme({ theme, srcDir, root }: { theme: Theme; srcDir: string; root: string }): Plugin {
  const resolveFrom = join(root, 'package.json')
  // Read once a build (a dev server's start): every Amplify UI stylesheet needs them.
  let known: ReturnType<typeof firstScreenTokens> | undefined
  let colorThemes: ReturnType<typeof usedButtonColorThemes> | undefined
  return {
    name: 'amplify-ui-theme',
    enforce: 'pre',
    buildStart() {
      colorThemes = undefined
      // Started now, not at the first stylesheet: a lazily loaded screen's stylesheets are
      // transformed when the screen is first imported, which in a component test is mid-test.
      known = firstScreenTokens(theme, srcDir, resolveFrom)
      known.catch(() => {}) // a failure is reported by the transform that awaits it
    },
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
    async transform(code, id) {
      const path = id.split('?')[0]!
      if (!AMPLIFY_SHEET.test(path)) return null
      // The same pruning the theme's token list was made with (referencedVariables).
      const css = BUTTON_CSS.test(path) ? pruneButtonCss(code, (colorThemes ??= usedButtonColorThemes(srcDir))) : code
      known ??= firstScreenTokens(theme, srcDir, resolveFrom)
      return { code: `${await sheetTokensCss(css, theme, srcDir, resolveFrom, known)}${css}`, map: null }
    },
    async load(id) {
      if (id === EMPTY_COMPONENT_TOKENS_ID) return 'export const components = {}'
      if (id === THEME_CSS_ID) return themeCss(theme, srcDir, resolveFrom)
      return null
    },
  }
}

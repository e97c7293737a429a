// The theme's stylesheet built by scripts/amplify-ui-theme.ts: what ThemeProvider used to inject at
// run time, with every custom property the app's stylesheets read and no unread component token.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  firstScreenTokens,
  pruneButtonCss,
  referencedVariables,
  sheetTokensCss,
  themeCss,
  usedButtonColorThemes,
} from '../../scripts/amplify-ui-theme.ts'
import { theme, themeName } from '../../src/app/theme.ts'

const root = join(import.meta.dirname, '..', '..')
const srcDir = join(root, 'src')
const resolveFrom = join(root, 'package.json')

function declarations(css: string): Map<string, string> {
  return new Map([...css.matchAll(/^\s*(--[\w-]+):\s*(.*);$/gm)].map((m) => [m[1]!, m[2]!]))
}

describe('the theme stylesheet', () => {
  it('targets the data-amplify-theme element the app renders, with the theme’s own values', async () => {
    const css = await themeCss(theme, srcDir, resolveFrom)
    expect(css.startsWith(`[data-amplify-theme="${themeName}"] {`)).toBe(true)
    const values = declarations(css)
    expect(values.get('--amplify-colors-primary-80')).toBe('#1d6b5e')
    expect(values.get('--amplify-radii-medium')).toBe('0.5rem')
    expect(values.get('--amplify-components-heading-1-font-size')).toBe('1.75rem')
    expect(values.get('--amplify-fonts-default-variable')).toContain('Hiragino Sans')
  })

  it('defines every custom property the imported stylesheets and the app’s CSS read, with what each stylesheet brings', async () => {
    const values = declarations(await themeCss(theme, srcDir, resolveFrom))
    // A stylesheet imported by a lazily loaded screen brings the component tokens the theme left out.
    const known = firstScreenTokens(theme, srcDir, resolveFrom)
    for (const sheet of importedSheets()) {
      for (const [name, value] of declarations((await sheetTokensCss(readSheet(sheet), theme, srcDir, resolveFrom, known)).replaceAll(';', ';\n'))) {
        values.set(name, value)
      }
    }
    const used = referencedVariables(srcDir, resolveFrom)
    // The button stylesheet, imported by app.tsx, reads its own tokens, some in a var() broken over lines.
    expect(used.has('--amplify-components-button-border-radius')).toBe(true)
    expect(used.has('--amplify-components-button-primary-background-color')).toBe(true)
    expect(values.get('--amplify-components-button-primary-background-color')).toBe('var(--amplify-colors-primary-80)')
    const missing = [...used].filter((name) => !values.has(name))
    // Amplify UI's stylesheets read a few variables that only its base.css or a color mode define,
    // always with a fallback: the same set ThemeProvider left undefined.
    const require = createRequire(resolveFrom)
    const ui = (await import(require.resolve('@aws-amplify/ui'))) as typeof import('@aws-amplify/ui')
    const full = declarations(ui.createTheme(theme).cssText)
    expect(missing.filter((name) => full.has(name))).toEqual([])
  })

  it('keeps the tokens the style props name, and leaves out what nothing reads (the first-screen budget)', async () => {
    const values = declarations(await themeCss(theme, srcDir, resolveFrom))
    // Style props of the app's screens: gap="small", color="font.secondary", borderRadius="xxl", padding="xs small".
    for (const name of ['--amplify-space-small', '--amplify-space-xs', '--amplify-colors-font-secondary', '--amplify-radii-xxl']) {
      expect(values.has(name), name).toBe(true)
    }
    // …and what they refer to: font.secondary is a neutral shade.
    expect(values.get('--amplify-colors-font-secondary')).toMatch(/^var\(--amplify-colors-neutral-\d+\)$/)
    expect(values.has(/--amplify-colors-neutral-\d+/.exec(values.get('--amplify-colors-font-secondary')!)![0])).toBe(true)
    // The app imports no accordion stylesheet and names no pink.
    expect([...values.keys()].filter((name) => name.startsWith('--amplify-components-accordion-'))).toEqual([])
    expect([...values.keys()].filter((name) => name.startsWith('--amplify-colors-pink-'))).toEqual([])
  })
})

describe('what the first screen leaves to later screens (ADR 026)', () => {
  it('has no component tokens of stylesheets only later screens import: those bring their own', async () => {
    const values = declarations(await themeCss(theme, srcDir, resolveFrom))
    // message.css is imported by the setup screen only.
    expect([...values.keys()].filter((name) => name.startsWith('--amplify-components-message-'))).toEqual([])
    const message = declarations((await sheetTokensCss(readSheet('message'), theme, srcDir, resolveFrom)).replaceAll(';', ';\n'))
    expect(message.get('--amplify-components-message-heading-font-weight')).toBeDefined()
    // …and nothing the theme already has.
    expect([...message.keys()].filter((name) => values.has(name))).toEqual([])
    // The first screen's stylesheets add nothing: the theme has their tokens.
    expect(await sheetTokensCss(readSheet('input'), theme, srcDir, resolveFrom)).toBe('')
    expect(values.has('--amplify-components-fieldcontrol-border-color')).toBe(true)
  })

  it('drops the button color themes and the menu variation the app never shows, keeping the one it draws (the password switch with an error)', () => {
    const used = usedButtonColorThemes(srcDir)
    expect(used).toEqual(new Set(['amplify-button--outlined--error']))
    const css = readSheet('button')
    const pruned = pruneButtonCss(css, used)
    expect(pruned).toContain('.amplify-button--outlined--error {')
    expect(pruned).toContain('.amplify-button--primary {')
    expect(pruned).toContain('.amplify-button--link:hover {')
    expect(pruned).toContain('@media (prefers-reduced-motion: reduce)')
    expect(pruned).not.toContain('amplify-button--primary--info')
    expect(pruned).not.toContain('amplify-button--link--warning')
    // No screen has a menu button; the variations the later screens use stay.
    expect(pruned).not.toContain('amplify-button--menu')
    expect(pruned).toContain('.amplify-button--destructive {')
    expect(pruned).toContain('.amplify-button--warning {')
    expect(pruned.length).toBeLessThan(css.length / 2)
    // A selector list loses only its unused selectors.
    expect(pruneButtonCss('.a, .amplify-button--primary--info:hover { color: red }', used)).toBe('.a { color: red }\n')
    expect(pruneButtonCss(css, 'all')).toBe(css)
  })
})

function readSheet(name: string): string {
  const require = createRequire(resolveFrom)
  return readFileSync(join(dirname(require.resolve('@aws-amplify/ui-react/styles.css')), 'styles', `${name}.css`), 'utf8')
}

/** The Amplify UI stylesheets the app's sources import. */
function importedSheets(): Set<string> {
  const sheets = new Set<string>()
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (/\.tsx?$/.test(entry.name)) {
        for (const [, sheet] of readFileSync(path, 'utf8').matchAll(/@aws-amplify\/ui-react\/styles\/([\w.]+)\.css/g)) sheets.add(sheet!)
      }
    }
  }
  visit(srcDir)
  return sheets
}

// Keeps the stylesheet list honest: the directory the plugin reads exists where it looks.
it('finds Amplify UI’s stylesheets', () => {
  const require = createRequire(resolveFrom)
  expect(readFileSync(join(dirname(require.resolve('@aws-amplify/ui-react/styles.css')), 'styles', 'button.css'), 'utf8')).toContain(
    '--amplify-components-button',
  )
})

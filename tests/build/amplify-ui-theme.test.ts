// The theme's stylesheet built by scripts/amplify-ui-theme.ts: what ThemeProvider used to inject at
// run time, with every custom property the app's stylesheets read and no unread component token.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { referencedVariables, themeCss } from '../../scripts/amplify-ui-theme.ts'
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

  it('defines every custom property the imported stylesheets and the app’s CSS read', async () => {
    const values = declarations(await themeCss(theme, srcDir, resolveFrom))
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

// Keeps the stylesheet list honest: the directory the plugin reads exists where it looks.
it('finds Amplify UI’s stylesheets', () => {
  const require = createRequire(resolveFrom)
  expect(readFileSync(join(dirname(require.resolve('@aws-amplify/ui-react/styles.css')), 'styles', 'button.css'), 'utf8')).toContain(
    '--amplify-components-button',
  )
})

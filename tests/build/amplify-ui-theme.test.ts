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
    // The button stylesheet, imported by app.tsx, reads its own tokens.
    expect(used.has('--amplify-components-button-border-radius')).toBe(true)
    const missing = [...used].filter((name) => !values.has(name))
    // Amplify UI's stylesheets read a few variables that only its base.css or a color mode define,
    // always with a fallback: the same set ThemeProvider left undefined.
    const require = createRequire(resolveFrom)
    const ui = (await import(require.resolve('@aws-amplify/ui'))) as typeof import('@aws-amplify/ui')
    const full = declarations(ui.createTheme(theme).cssText)
    expect(missing.filter((name) => full.has(name))).toEqual([])
  })

  it('leaves out the component tokens no stylesheet reads (the first-screen budget)', async () => {
    const values = declarations(await themeCss(theme, srcDir, resolveFrom))
    // The app imports no accordion or storage-browser stylesheet.
    expect([...values.keys()].filter((name) => name.startsWith('--amplify-components-accordion-'))).toEqual([])
    // Global tokens all stay: style props such as gap="small" become var() at run time.
    expect(values.has('--amplify-space-xxxl')).toBe(true)
    expect(values.has('--amplify-colors-red-100')).toBe(true)
  })
})

// Keeps the stylesheet list honest: the directory the plugin reads exists where it looks.
it('finds Amplify UI’s stylesheets', () => {
  const require = createRequire(resolveFrom)
  expect(readFileSync(join(dirname(require.resolve('@aws-amplify/ui-react/styles.css')), 'styles', 'button.css'), 'utf8')).toContain(
    '--amplify-components-button',
  )
})

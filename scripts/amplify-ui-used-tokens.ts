// A Vite plugin: Amplify UI's ThemeProvider turns the design tokens of every component it ships
// (about 60, from the AI conversation to the storage browser) into CSS custom properties, and
// those tokens are most of the JavaScript Amplify UI adds to the first screen. This plugin keeps
// only the components whose stylesheets the app imports (`@aws-amplify/ui-react/styles/<x>.css`
// anywhere under src/), plus the components their tokens refer to. A primitive whose stylesheet
// is not imported is unstyled anyway, so importing the stylesheet is also what brings its tokens.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

const VIRTUAL_ID = '\0amplify-ui-used-component-tokens'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Token-module source for the components used by the app under `srcDir`. */
export function usedComponentTokensModule(srcDir: string, resolveFrom: string): { code: string; components: string[] } {
  const require = createRequire(resolveFrom)
  const stylesDir = join(dirname(require.resolve('@aws-amplify/ui-react/styles.css')), 'styles')
  const tokensDir = join(dirname(require.resolve('@aws-amplify/ui')), 'esm', 'theme', 'tokens', 'components')

  // Which component-token module exports which name, from Amplify UI's own index.
  const index = readFileSync(join(tokensDir, 'index.mjs'), 'utf8')
  const fileOf = new Map([...index.matchAll(/import \{ (\w+) \} from '\.\/([\w.]+)'/g)].map((m) => [m[1], m[2]]))

  const wanted = new Set<string>()
  for (const file of sourceFiles(srcDir)) {
    for (const [, sheet] of readFileSync(file, 'utf8').matchAll(/@aws-amplify\/ui-react\/styles\/([\w.]+)\.css/g)) {
      const css = readFileSync(join(stylesDir, `${sheet}.css`), 'utf8')
      for (const [, name] of css.matchAll(/--amplify-components-([a-z]+)-/g)) if (fileOf.has(name)) wanted.add(name)
    }
  }
  // Tokens refer to other components' tokens ({components.fieldcontrol...}): keep those too.
  const queue = [...wanted]
  while (queue.length > 0) {
    const source = readFileSync(join(tokensDir, fileOf.get(queue.pop()!)!), 'utf8')
    for (const [, name] of source.matchAll(/\{components\.(\w+)\./g)) {
      if (fileOf.has(name) && !wanted.has(name)) {
        wanted.add(name)
        queue.push(name)
      }
    }
  }
  const components = [...wanted].sort()
  const code = [
    ...components.map((name) => `import { ${name} } from ${JSON.stringify(join(tokensDir, fileOf.get(name)!))}`),
    `export const components = { ${components.join(', ')} }`,
  ].join('\n')
  return { code, components }
}

export function amplifyUiUsedTokens({ srcDir, root }: { srcDir: string; root: string }): Plugin {
  return {
    name: 'amplify-ui-used-tokens',
    enforce: 'pre',
    resolveId(source, importer) {
      if (
        source === './components/index.mjs' &&
        importer &&
        /@aws-amplify[\\/]ui[\\/]dist[\\/]esm[\\/]theme[\\/]tokens[\\/]index\.mjs$/.test(importer)
      ) {
        return VIRTUAL_ID
      }
      return null
    },
    load(id) {
      if (id !== VIRTUAL_ID) return null
      return usedComponentTokensModule(srcDir, join(root, 'package.json')).code
    },
  }
}

// The lint rules bite: each snippet below breaks one rule of eslint.config.js (docs/decisions/006) and must be
// reported by that rule, and a few allowed imports must come back clean. The snippets are linted under virtual
// paths, but what they import is found on disk, so the test follows files as they move.
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, test } from 'vitest'

const root = join(import.meta.dirname, '../..')
let eslint: ESLint

// The first lint loads the config, the plugins and the resolver: seconds on a busy machine, so it happens here.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root })
  await eslint.lintText('export {}\n', { filePath: join(root, 'src/ui/warm-up.ts') })
}, 60_000)
// Each case lints a few snippets, tens of milliseconds apiece when idle; the margin is for a loaded CI machine.
const slow = { timeout: 30_000 }

/** The rule ids ESLint reports for `code` as if it were the file at `filePath` (relative to the repo root). */
async function rulesFor(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) })
  return result.messages.map((message) => message.ruleId ?? message.message)
}

/** The first production source file under `dir` (relative to the repo root), in name order. */
function someFile(dir: string): string {
  const entries = readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`
    if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) return path
    if (entry.isDirectory()) {
      const inside = someFileOrNull(path)
      if (inside) return inside
    }
  }
  throw new Error(`no source file under ${dir}`)
}
function someFileOrNull(dir: string): string | null {
  try {
    return someFile(dir)
  } catch {
    return null
  }
}

/** The specifier `from` would write to import `to` (both relative to the repo root). */
function specifier(from: string, to: string): string {
  const path = relative(dirname(from), to)
  return path.startsWith('.') ? path : `./${path}`
}

/** A module at `from` that imports (and re-exports) everything of `to`. */
const importing = (from: string, to: string) => `export * from '${specifier(from, to)}'\n`

const features = readdirSync(join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const [featureA, featureB] = features
const fakeGateway = ['tests/support', 'src/auth'].map((dir) => `${dir}/fake-auth-gateway.ts`).find((path) => existsSync(join(root, path)))

describe('import boundaries are reported', slow, () => {
  test('there are two features to keep apart, and a fake gateway to keep out of production', () => {
    expect(features.length).toBeGreaterThanOrEqual(2)
    expect(fakeGateway).toBeDefined()
  })

  test('a feature importing another feature, statically or with import()', async () => {
    const from = `src/features/${featureA}/probe.ts`
    const other = someFile(`src/features/${featureB}`)
    expect(await rulesFor(from, importing(from, other))).toEqual(['import-x/no-restricted-paths'])
    const lazy = `export const load = () => import('${specifier(from, other)}')\n`
    expect(await rulesFor(from, lazy)).toEqual(['import-x/no-restricted-paths'])
  })

  test('a nested file of a feature importing another feature', async () => {
    const from = `src/features/${featureB}/parts/deeper/probe.ts`
    expect(await rulesFor(from, importing(from, someFile(`src/features/${featureA}`)))).toEqual(['import-x/no-restricted-paths'])
  })

  test('a shared layer importing a feature or app', async () => {
    for (const layer of ['src/i18n', 'src/ui', 'src/config', 'src/auth']) {
      const from = `${layer}/probe.ts`
      expect(await rulesFor(from, importing(from, someFile(`src/features/${featureA}`)))).toEqual(['import-x/no-restricted-paths'])
      expect(await rulesFor(from, importing(from, someFile('src/app')))).toEqual(['import-x/no-restricted-paths'])
    }
  })

  test('a shared layer importing a higher one: i18n → ui, ui → auth, ui → config, config → auth', async () => {
    const pairs = [
      ['src/i18n', 'src/ui'],
      ['src/ui', 'src/auth'],
      ['src/ui', 'src/config'],
      ['src/config', 'src/auth'],
    ]
    for (const [layer, higher] of pairs) {
      const from = `${layer}/probe.tsx`
      expect(await rulesFor(from, importing(from, someFile(higher))), `${layer} → ${higher}`).toEqual(['import-x/no-restricted-paths'])
    }
  })

  test('src/enrollment sits between auth and the features: auth may not import it', async () => {
    // The folder may not exist yet, so read the rule's zones instead of resolving an import into it.
    const config = await eslint.calculateConfigForFile(join(root, 'src/auth/probe.ts'))
    const [, options] = config.rules['import-x/no-restricted-paths'] as [unknown, { zones: { target: string; from: string | string[] }[] }]
    const authZone = options.zones.find((zone) => zone.target === 'src/auth')
    expect(authZone?.from).toContain('src/enrollment')
    const enrollmentZone = options.zones.find((zone) => zone.target === 'src/enrollment')
    expect(enrollmentZone?.from).toEqual(expect.arrayContaining(['src/features', 'src/app']))
    expect(enrollmentZone?.from).not.toContain('src/auth')
  })

  test('src importing the emulator, from production code and from a test', async () => {
    const target = someFile('emulator')
    for (const from of ['src/app/probe.ts', 'src/ui/probe.test.tsx']) {
      expect(await rulesFor(from, importing(from, target)), from).toEqual(['import-x/no-restricted-paths'])
    }
  })

  test('the emulator importing src', async () => {
    const from = 'emulator/probe.ts'
    expect(await rulesFor(from, importing(from, someFile('src/auth')))).toEqual(['import-x/no-restricted-paths'])
  })

  test("the local pool's layers importing upwards: domain → state, state → auth, auth → operations", async () => {
    for (const [lower, higher] of [
      ['emulator/domain', 'emulator/state'],
      ['emulator/domain', 'emulator/operations'],
      ['emulator/state', 'emulator/auth'],
      ['emulator/auth', 'emulator/operations'],
    ]) {
      const from = `${lower}/probe.ts`
      expect(await rulesFor(from, importing(from, someFile(higher))), `${lower} → ${higher}`).toEqual(['import-x/no-restricted-paths'])
    }
  })

  test('aws-amplify outside src/auth, in any of its spellings', async () => {
    for (const module of ['aws-amplify', 'aws-amplify/auth', '@aws-amplify/core']) {
      const code = `import * as amplify from '${module}'\nexport const client = amplify\n`
      expect(await rulesFor(`src/features/${featureA}/probe.ts`, code), module).toEqual(['no-restricted-imports'])
      expect(await rulesFor('src/app/probe.ts', code), module).toEqual(['no-restricted-imports'])
    }
  })

  test('production code importing a test-only module: the fake gateway, tests/support, a test file', async () => {
    const from = `src/features/${featureA}/probe.ts`
    const testFile = 'src/config/app-config.test.ts'
    for (const target of [fakeGateway!, someFile('tests/support'), testFile]) {
      expect(await rulesFor(from, importing(from, target)), target).toEqual(['import-x/no-restricted-paths'])
    }
  })
})

describe('the hooks and comment rules are reported', slow, () => {
  test('a useMemo that leaves out a dependency', async () => {
    const code = [
      "import { useMemo } from 'react'",
      'export function useGreeting(name: string, punctuation: string) {',
      '  return useMemo(() => `Hello, ${name}${punctuation}`, [name])',
      '}',
      '',
    ].join('\n')
    expect(await rulesFor('src/ui/probe.ts', code)).toEqual(['react-hooks/exhaustive-deps'])
  })

  test('a hook called conditionally', async () => {
    const code = [
      "import { useState } from 'react'",
      'export function useMaybe(on: boolean) {',
      '  if (on) return useState(0)',
      '  return null',
      '}',
      '',
    ].join('\n')
    expect(await rulesFor('src/ui/probe.ts', code)).toEqual(['react-hooks/rules-of-hooks'])
  })

  test('an eslint-disable without a written reason; with one it passes', async () => {
    const line = 'export const loose: any = 1\n'
    const bare = `// eslint-disable-next-line @typescript-eslint/no-explicit-any\n${line}`
    expect(await rulesFor('src/ui/probe.ts', bare)).toEqual(['@eslint-community/eslint-comments/require-description'])
    const reasoned = `// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the value is never read\n${line}`
    expect(await rulesFor('src/ui/probe.ts', reasoned)).toEqual([])
  })

  test('an eslint-disable that disables nothing', async () => {
    const code = '// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stale\nexport const tidy = 1\n'
    expect(await rulesFor('src/ui/probe.ts', code)).toEqual([expect.stringMatching(/^Unused eslint-disable directive/)])
  })
})

describe('allowed imports are clean', slow, () => {
  test('a feature imports the shared layers and the Amplify UI primitives and styles', async () => {
    const from = `src/features/${featureA}/probe.tsx`
    for (const layer of ['src/i18n', 'src/ui', 'src/config', 'src/auth']) {
      expect(await rulesFor(from, importing(from, someFile(layer))), layer).toEqual([])
    }
    const ui = "import '@aws-amplify/ui-react/styles/button.css'\nexport { Button } from '@aws-amplify/ui-react'\n"
    expect(await rulesFor(from, ui)).toEqual([])
  })

  test('a nested file of a feature imports its own feature', async () => {
    const from = `src/features/${featureA}/parts/probe.ts`
    expect(await rulesFor(from, importing(from, someFile(`src/features/${featureA}`)))).toEqual([])
  })

  test('app composes features; ui imports i18n; auth imports aws-amplify', async () => {
    expect(await rulesFor('src/app/probe.ts', importing('src/app/probe.ts', someFile(`src/features/${featureB}`)))).toEqual([])
    expect(await rulesFor('src/ui/probe.ts', importing('src/ui/probe.ts', someFile('src/i18n')))).toEqual([])
    expect(await rulesFor('src/auth/probe.ts', "export { signIn } from 'aws-amplify/auth'\n")).toEqual([])
  })

  test("the local pool's layers import downwards, and their tests may reach up for set-up", async () => {
    expect(await rulesFor('emulator/operations/probe.ts', importing('emulator/operations/probe.ts', someFile('emulator/auth')))).toEqual([])
    expect(await rulesFor('emulator/auth/probe.ts', importing('emulator/auth/probe.ts', someFile('emulator/state')))).toEqual([])
    expect(await rulesFor('emulator/auth/probe.test.ts', importing('emulator/auth/probe.test.ts', someFile('emulator/operations')))).toEqual([])
  })

  test('a test file imports what it tests and tests/support', async () => {
    const from = `src/features/${featureA}/probe.test.tsx`
    expect(await rulesFor(from, importing(from, someFile('tests/support')))).toEqual([])
    expect(await rulesFor(from, importing(from, fakeGateway!))).toEqual([])
    expect(await rulesFor(from, importing(from, someFile(`src/features/${featureA}`)))).toEqual([])
  })
})

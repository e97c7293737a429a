// ESLint: typescript-eslint, the React hooks rules, a written reason on every eslint-disable, and the
// import boundaries of docs/decisions/006-lint-and-boundaries.md. Formatting is Prettier's job
// (eslint-config-prettier, last, turns off every rule that would fight it).
import { readdirSync } from 'node:fs'
import { defineConfig } from 'eslint/config'
import js from '@eslint/js'
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs'
import prettier from 'eslint-config-prettier'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const root = import.meta.dirname

// The shared layers, lowest first: each imports only the ones before it (and itself).
const sharedLayers = ['src/i18n', 'src/ui', 'src/config', 'src/auth', 'src/enrollment']
// Above them: the features, which never import each other; then app/ and main.tsx, which compose them.
const composers = ['src/app', 'src/main.tsx']
// Read at every run, so a new feature folder is fenced off from the others without editing this file.
const features = readdirSync(`${root}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const layerZones = sharedLayers.map((layer, index) => ({
  target: layer,
  from: [...sharedLayers.slice(index + 1), 'src/features', ...composers],
  message: `${layer} is a shared layer: it imports only the layers below it (${sharedLayers.slice(0, index).join(', ') || 'none'}).`,
}))
const featureZones = [
  { target: 'src/features', from: composers, message: 'Features are composed by src/app, never the reverse.' },
  ...features.map((feature) => ({
    target: `src/features/${feature}`,
    from: 'src/features',
    except: [`./${feature}`],
    message: 'Features never import each other: move what both need to a shared layer, or compose them in src/app.',
  })),
]
const noEmulator = { target: 'src', from: 'emulator', message: 'The SPA never imports the emulator (Node only).' }
// Test-only modules: tests/** (tests/support holds the fake gateway and the render helper) and every test file.
// The two helpers' old places in src/ count as test-only too, until (and if ever) they come back.
const testFiles = ['src/**/*.test.*', 'src/**/fake-auth-gateway.ts', 'src/**/render-with-providers.tsx']
const testOnly = [
  { target: 'src', from: 'tests', message: 'Production code never imports test-only modules.' },
  { target: 'src', from: testFiles, message: 'Production code never imports test-only modules.' },
]
// Only src/auth talks to Amplify's client libraries; the @aws-amplify/ui-react primitives are fine anywhere.
const amplifyOutsideAuth = [
  'error',
  {
    patterns: [
      {
        group: ['aws-amplify', 'aws-amplify/*', '@aws-amplify/*', '!@aws-amplify/ui-react', '!@aws-amplify/ui-react/**'],
        message: 'Only src/auth imports aws-amplify: go through the AuthGateway.',
      },
    ],
  },
]

export default defineConfig(
  // Build and test output (node_modules/ is ignored by default).
  { ignores: ['dist/', 'test-results/', 'coverage/'] },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver()] },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  {
    rules: {
      // An exception to a rule says why, after `--`: `// eslint-disable-next-line rule -- reason`.
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      // `const { secret: _secret, ...rest } = record` is how this code drops a member from a copy (8 places).
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // React code: the SPA and the React helpers of the tests (flow harness, render helpers in tests/support).
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-restricted-imports': amplifyOutsideAuth },
  },
  { files: ['src/auth/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: testFiles,
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...layerZones, ...featureZones, noEmulator, ...testOnly] }],
    },
  },
  {
    // A test imports what it tests and tests/support, but never the emulator: it drives the SPA as the browser would.
    files: testFiles,
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: root, zones: [noEmulator] }] },
  },
  {
    files: ['emulator/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [{ target: 'emulator', from: 'src', message: 'The emulator never imports the SPA.' }] },
      ],
    },
  },
  {
    // The local pool's layers, lowest first: domain/ (SRP, TOTP, tokens: pure), state/ (the store),
    // auth/ (the rules shared by operations), operations/ (one file per wire operation). Each imports
    // only the ones below it; their tests may reach up for set-up (emulator/README.md).
    files: ['emulator/**/*.ts'],
    ignores: ['emulator/**/*.test.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            { target: 'emulator', from: 'src', message: 'The emulator never imports the SPA.' },
            {
              target: 'emulator/domain',
              from: ['emulator/state', 'emulator/auth', 'emulator/operations'],
              message: 'emulator/domain is pure: SRP, TOTP and token maths only.',
            },
            {
              target: 'emulator/state',
              from: ['emulator/auth', 'emulator/operations'],
              message: 'emulator/state stores; it never imports the rules (auth/) or the operations.',
            },
            {
              target: 'emulator/auth',
              from: 'emulator/operations',
              message: 'operations/ imports auth/, never the other way: move what both need into auth/.',
            },
          ],
        },
      ],
    },
  },
  prettier,
)

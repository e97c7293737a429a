/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { DEFAULT_POOL_URL } from './emulator/ports.ts'
import { amplifyUiTheme } from './scripts/amplify-ui-theme.ts'
import { localPoolFlag } from './scripts/local-pool-flag.ts'
import { prerenderFirstScreen } from './scripts/prerender-first-screen.ts'
import { securityHeadersPlugin } from './scripts/security-headers.ts'
import { theme } from './src/app/theme.ts'

// In local mode the app talks to the emulator through this same-origin path, so the
// dev server and `vite preview` (what the browser tests load) proxy it; the emulator's
// port is whatever `npm start` or the test harness chose.
const emulatorUrl = process.env.COGNITO_EMULATOR_URL ?? DEFAULT_POOL_URL
const localCognitoProxy = {
  '/local-cognito': {
    target: emulatorUrl,
    // The Host the emulator sees is its own (127.0.0.1:<port>), which it requires (ADR 014); the
    // page's Origin goes through unchanged, so a foreign page is still refused behind the proxy.
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/local-cognito/, '') || '/',
  },
}

export default defineConfig({
  // The Amplify UI theme as a stylesheet built from src/app/theme.ts (no run-time <style>, for the
  // CSP), with only the component tokens whose stylesheets the app imports (first-screen size).
  // The security headers for the dev server and `vite preview` (server.headers, preview.headers).
  plugins: [
    react(),
    amplifyUiTheme({ theme, srcDir: `${import.meta.dirname}/src`, root: import.meta.dirname }),
    securityHeadersPlugin({ root: import.meta.dirname }),
    // A build for a real pool: the sign-in form in index.html, hydrated by src/main.tsx (ADR 028),
    // and without the local pool's code when the pool id is given.
    prerenderFirstScreen(),
    localPoolFlag(),
  ],
  server: { host: '127.0.0.1', proxy: localCognitoProxy },
  preview: { host: '127.0.0.1', proxy: localCognitoProxy },
  // Every browser that runs es2022 supports <link rel=modulepreload>; the polyfill is dead weight.
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    // Everything the first screen imports statically ($initial) goes into the entry chunk. Left to
    // itself, Rolldown splits the modules that the entry shares with a lazily loaded screen (React,
    // i18n, the password field…) into chunks the entry preloads, each costing gzip and import
    // overhead on the first screen (ADR 003); the lazy chunks import them from the entry instead.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } },
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'emulator/**/*.test.ts',
            'src/**/*.test.ts',
            'tests/admin/**/*.test.ts',
            'tests/bench/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/contract/**/*.test.ts',
            'tests/docs/**/*.test.ts',
            'tests/gateway/**/*.test.ts',
            'tests/lint/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'tests/flow/**/*.test.tsx'],
          setupFiles: ['tests/setup/dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})

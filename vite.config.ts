/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// In local mode the app talks to the emulator through this same-origin path, so the
// dev server and `vite preview` (what the browser tests load) proxy it; the emulator's
// port is whatever `npm start` or the test harness chose.
const emulatorUrl = process.env.COGNITO_EMULATOR_URL ?? 'http://127.0.0.1:9229'
const localCognitoProxy = {
  '/local-cognito': {
    target: emulatorUrl,
    changeOrigin: false,
    rewrite: (path: string) => path.replace(/^\/local-cognito/, '') || '/',
  },
}

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', proxy: localCognitoProxy },
  preview: { host: '127.0.0.1', proxy: localCognitoProxy },
  build: { target: 'es2022', sourcemap: false },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['emulator/**/*.test.ts', 'src/**/*.test.ts', 'tests/contract/**/*.test.ts'],
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

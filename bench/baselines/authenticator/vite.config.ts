// The Authenticator baseline's build: Vite with the React plugin, and the app's settings that change
// what the browser gets (target, no modulepreload polyfill, no source maps), so that only the code differs.
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
})

// Vite plugin: defines __LOCAL_POOL_POSSIBLE__ (src/build-flags.d.ts). A production build given
// VITE_COGNITO_USER_POOL_ID talks to that pool or shows its configuration problems, never to the
// local pool (src/config/app-config.ts), so the flag lets the bundler drop the local pool's code
// from the first screen. Everything else (the dev server, tests, a build configured by
// amplify_outputs.json or by nothing) keeps it.
import { loadEnv, type Plugin } from 'vite'

export function localPoolFlag(): Plugin {
  return {
    name: 'local-pool-flag',
    config(userConfig, { command, mode }) {
      // The env directory a caller passed (the benchmark, `npm run size`) counts, as the build's own env does.
      const env = loadEnv(mode, userConfig.envDir || userConfig.root || process.cwd(), 'VITE_')
      const possible = command !== 'build' || !env.VITE_COGNITO_USER_POOL_ID
      return { define: { __LOCAL_POOL_POSSIBLE__: JSON.stringify(possible) } }
    },
  }
}

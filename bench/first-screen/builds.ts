// The three builds the first-screen benchmark compares (`npm run size` checks the app's), made in the same run from the same
// node_modules: this app configured for a real (made-up) pool, and the two baselines of
// bench/baselines/. Each builds in a child process, as `npm run build` would, with no VITE_* from
// the shell and an empty env directory, so only what is given here configures it.
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { readFirstScreen } from '../../scripts/first-screen-files.ts'
import { viteBuildInChild } from '../../tests/e2e/harness/vite-build.ts'
import { benchPool } from '../baselines/pool.ts'

export type AppName = 'app' | 'authenticator' | 'floor'

export type Bytes = { raw: number; gzip: number; brotli: number }

export type Build = { name: AppName; outDir: string; files: Array<{ href: string } & Bytes>; total: Bytes; html: Bytes }

const repoRoot = join(import.meta.dirname, '..', '..')

type BuildSpec = { root: string; configFile: string; env: Record<string, string> }

const specs: Record<AppName, BuildSpec> = {
  // The app as an operator deploys it for a real user pool (src/config/app-config.ts reads these).
  app: {
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    env: { VITE_COGNITO_USER_POOL_ID: benchPool.userPoolId, VITE_COGNITO_USER_POOL_CLIENT_ID: benchPool.userPoolClientId },
  },
  authenticator: {
    root: join(repoRoot, 'bench', 'baselines', 'authenticator'),
    configFile: join(repoRoot, 'bench', 'baselines', 'authenticator', 'vite.config.ts'),
    env: {},
  },
  floor: {
    root: join(repoRoot, 'bench', 'baselines', 'floor'),
    configFile: join(repoRoot, 'bench', 'baselines', 'floor', 'vite.config.ts'),
    env: {},
  },
}

/** Builds one app into `<workDir>/<name>` and counts its first screen. */
export async function buildOne(name: AppName, workDir: string): Promise<Build> {
  const spec = specs[name]
  const outDir = join(workDir, name)
  const envDir = join(workDir, 'empty-env')
  mkdirSync(envDir, { recursive: true })
  await viteBuildInChild({ root: spec.root, configFile: spec.configFile, envDir, build: { outDir, emptyOutDir: true } }, spec.env, name)
  const files = (await readFirstScreen(outDir)).map(({ href, bytes }) => ({ href, ...measure(bytes) }))
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  })
  return { name, outDir, files, total, html: measure(await readFile(join(outDir, 'index.html'))) }
}

/** Bytes as served: raw, gzip at level 9 (as `npm run size`), brotli at its highest quality (as a CDN precompresses). */
function measure(bytes: Buffer): Bytes {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  }
}

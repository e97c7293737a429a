// The app as it ships: the production build (`vite build`), served by `vite preview`, whose
// /local-cognito proxy reaches the emulator given in COGNITO_EMULATOR_URL.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join, relative } from 'node:path'
import { preview, type PreviewServer } from 'vite'
import { repoRoot } from './paths.ts'
import { viteBuildInChild } from './vite-build.ts'

export type AppServer = { url: string; stop(): Promise<void> }

// What the build reads. A build of the same inputs is reused, so "once per run" also holds
// across the test files (each file has its own module state) and across unchanged runs.
const BUILD_INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'scripts/amplify-ui-theme.ts',
  'scripts/prerender-first-screen.ts',
  'scripts/local-pool-flag.ts',
  'package-lock.json',
  'tsconfig.app.json',
]

/**
 * The support contact the journeys' build is configured with (what an operator sets as
 * VITE_SUPPORT_URL / VITE_SUPPORT_EMAIL): the code step's lost-phone help names it. No other
 * screen reads it, so one build serves every journey.
 */
export const e2eSupport = { url: 'https://support.example.com/authenticator', email: 'it-help@example.com' }
const buildEnv = { VITE_SUPPORT_URL: e2eSupport.url, VITE_SUPPORT_EMAIL: e2eSupport.email }

function buildKey(): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(buildEnv)).update('\0')
  const visit = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry))
      return
    }
    hash.update(relative(repoRoot, path)).update('\0').update(readFileSync(path)).update('\0')
  }
  for (const input of BUILD_INPUTS) visit(join(repoRoot, input))
  return hash.digest('hex').slice(0, 16)
}

/** Builds the app (or reuses a build of identical sources) and returns the output directory. */
export async function buildApp(): Promise<string> {
  if (existsSync(join(repoRoot, 'amplify_outputs.json'))) {
    throw new Error(
      'amplify_outputs.json is present, so a build would target that user pool. The browser tests need the local pool: move the file away while they run.',
    )
  }
  const cacheRoot = join(repoRoot, 'node_modules', '.tmp', 'e2e-build')
  const outDir = join(cacheRoot, buildKey())
  if (existsSync(join(outDir, 'index.html'))) return outDir
  mkdirSync(cacheRoot, { recursive: true })
  const tempDir = `${outDir}.${process.pid}.tmp`
  // An empty envDir, and no VITE_COGNITO_* from the shell: the build must use the local pool.
  // Only the journeys' own settings (buildEnv) are given.
  const emptyEnvDir = emptyEnv()
  // In a child process, as `npm run build` would: NODE_ENV and Vitest's globals stay out of it.
  await viteBuildInChild({ envDir: emptyEnvDir, build: { outDir: tempDir, emptyOutDir: true } }, buildEnv, 'the app for the browser tests')
  rmSync(outDir, { recursive: true, force: true })
  renameSync(tempDir, outDir)
  pruneOldBuilds(cacheRoot, outDir)
  return outDir
}

// The build's env directory, also vite preview's: its headers must be those of the local pool build.
function emptyEnv(): string {
  const dir = join(repoRoot, 'node_modules', '.tmp', 'e2e-build', 'empty-env')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Builds of older sources are dropped once nothing could still be serving them (an hour on). */
function pruneOldBuilds(cacheRoot: string, keep: string): void {
  const hourAgo = Date.now() - 60 * 60_000
  for (const entry of readdirSync(cacheRoot)) {
    const path = join(cacheRoot, entry)
    if (path === keep || entry === 'empty-env') continue
    if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true })
  }
}

/** A free port on 127.0.0.1 (the app's port must be known before the pool starts: it allows the app's origin). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** The origin `serveApp` serves from on this port. */
export function appOrigin(port: number): string {
  return `http://127.0.0.1:${port}`
}

/**
 * Serves a build with `vite preview` on `port` (from freePort), proxying /local-cognito to the emulator, with
 * the security headers of scripts/security-headers.ts (so the tests run under the production CSP).
 */
export async function serveApp(outDir: string, emulatorUrl: string, port: number): Promise<AppServer> {
  // vite.config.ts reads this when it is loaded, which preview() does now.
  process.env.COGNITO_EMULATOR_URL = emulatorUrl
  const server: PreviewServer = await preview({
    root: repoRoot,
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    envDir: emptyEnv(),
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  return { url, stop: () => server.close() }
}

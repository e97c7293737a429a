// A Vite build in a child process, as `npm run build` would run it: NODE_ENV, Vitest's globals and the
// shell's VITE_* settings stay out of it, so only the settings a caller gives reach the build. The
// browser tests build the app this way (app.ts), and `npm run bench` builds the app and its baselines
// (bench/first-screen/builds.ts).
import { spawn } from 'node:child_process'
import { repoRoot } from './paths.ts'

/** What is passed to Vite's `build()`: plain JSON, since it crosses into the child process. */
export type ViteBuildOptions = {
  root?: string
  configFile?: string
  envDir: string
  build: { outDir: string; emptyOutDir: boolean }
}

/** Builds with `options` and the build's own `env` (VITE_* settings); throws with Vite's output when it fails. */
export async function viteBuildInChild(options: ViteBuildOptions, env: Record<string, string>, what: string): Promise<void> {
  const script = `import { build } from 'vite'
await build(${JSON.stringify({ ...options, logLevel: 'warn' })})`
  const childEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITE_') && key !== 'NODE_ENV' && !key.startsWith('VITEST'))),
    ...env,
  }
  const { code, output } = await run(process.execPath, ['--input-type=module', '--eval', script], childEnv)
  if (code !== 0) throw new Error(`Building ${what} failed (exit ${code}):\n${output}`)
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text))
    child.once('error', reject)
    child.once('exit', (code) => resolve({ code, output }))
  })
}

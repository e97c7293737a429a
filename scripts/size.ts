// `npm run size`: builds the app and prints what the first screen costs: the entry script, the
// chunks it imports statically (modulepreload links) and the stylesheets linked from index.html
// (scripts/first-screen-files.ts, as the first-screen benchmark counts them), each gzip-compressed.
// Exits 1 above the budget. Chunks loaded later with import() (Amplify, the account page, the QR
// code) are listed for information but not counted.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { benchPool } from '../bench/baselines/pool.ts'
import { readFirstScreen } from './first-screen-files.ts'

const BUDGET_KIB = 85
const dist = join(import.meta.dirname, '..', 'dist')

function gzipKiB(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length / 1024
}

async function main(): Promise<void> {
  // Built as an operator deploys it, for a real user pool (a made-up one, as the first-screen benchmark
  // builds it): that build's first screen is what users download, with the sign-in form prerendered
  // and the script in <head> that shows it (ADR 028). Only what is given here configures it.
  const envDir = await mkdtemp(join(tmpdir(), 'size-env-'))
  const saved = { ...process.env }
  for (const name of Object.keys(process.env)) if (name.startsWith('VITE_')) delete process.env[name]
  process.env.VITE_COGNITO_USER_POOL_ID = benchPool.userPoolId
  process.env.VITE_COGNITO_USER_POOL_CLIENT_ID = benchPool.userPoolClientId
  try {
    await build({ logLevel: 'warn', envDir, build: { outDir: dist, emptyOutDir: true } })
  } finally {
    process.env = saved
    await rm(envDir, { recursive: true, force: true })
  }
  const files = await readFirstScreen(dist)
  const firstScreen = files.map((f) => f.href)
  const rows = files.map((f) => ({ file: f.href, kib: gzipKiB(f.bytes) }))
  const total = rows.reduce((sum, r) => sum + r.kib, 0)

  const later: Array<{ file: string; kib: number }> = []
  for (const name of await readdir(join(dist, 'assets'))) {
    const href = `/assets/${name}`
    if (!firstScreen.includes(href) && /\.(js|css)$/.test(name)) {
      later.push({ file: href, kib: gzipKiB(await readFile(join(dist, 'assets', name))) })
    }
  }

  const line = (r: { file: string; kib: number }) => `  ${r.kib.toFixed(2).padStart(7)} KiB  ${r.file}`
  console.log('\nFirst screen (gzip):')
  rows.sort((a, b) => b.kib - a.kib).forEach((r) => console.log(line(r)))
  console.log(`  ${total.toFixed(2).padStart(7)} KiB  total (budget ${BUDGET_KIB} KiB)`)
  console.log('\nLoaded later with import() (not counted):')
  later.sort((a, b) => b.kib - a.kib).forEach((r) => console.log(line(r)))
  console.log('')
  if (total > BUDGET_KIB) {
    console.error(`First screen is ${total.toFixed(2)} KiB gzip, over the ${BUDGET_KIB} KiB budget.`)
    process.exit(1)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

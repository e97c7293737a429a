// `npm run size`: builds the app and prints what the first screen costs: the entry script, the
// chunks it imports statically (modulepreload links) and the stylesheets linked from index.html
// (scripts/first-screen-files.ts, as the first-screen benchmark counts them), each gzip-compressed.
// Exits 1 above the budget. Chunks loaded later with import() (Amplify, the account page, the QR
// code) are listed for information but not counted.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildOne, type Build } from '../bench/first-screen/builds.ts'

const BUDGET_KIB = 85

function gzipKiB(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length / 1024
}

async function main(): Promise<void> {
  // Built as an operator deploys it, for a real user pool, by the first-screen benchmark's own build
  // (bench/first-screen/builds.ts: a made-up pool, nothing else from the shell): that build's first
  // screen is what users download, with the sign-in form prerendered and the script in <head> that
  // shows it (ADR 028).
  const workDir = await mkdtemp(join(tmpdir(), 'size-'))
  try {
    await report(await buildOne('app', workDir))
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

async function report({ outDir, files }: Build): Promise<void> {
  const firstScreen = files.map((f) => f.href)
  const rows = files.map((f) => ({ file: f.href, kib: f.gzip / 1024 }))
  const total = rows.reduce((sum, r) => sum + r.kib, 0)

  const later: Array<{ file: string; kib: number }> = []
  for (const name of await readdir(join(outDir, 'assets'))) {
    const href = `/assets/${name}`
    if (!firstScreen.includes(href) && /\.(js|css)$/.test(name)) {
      later.push({ file: href, kib: gzipKiB(await readFile(join(outDir, 'assets', name))) })
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

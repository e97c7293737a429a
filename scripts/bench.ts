// `npm run bench`: runs every part of bench/parts.ts in one process, one after the other, and writes
// docs/benchmarks.md (the machine first, then each part under its title) and docs/benchmarks.json.
// `npm run bench:smoke` (--smoke): each part once with tiny counts, tables printed, nothing written;
// CI runs it so the benchmark code cannot rot. `-- --only <key>` runs some parts (nothing written).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { format, resolveConfig } from 'prettier'
import { describeMachine, machineMarkdown } from '../bench/machine.ts'
import type { BenchPartResult } from '../bench/part.ts'
import { parts } from '../bench/parts.ts'

const DOCS = join(import.meta.dirname, '..', 'docs')

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, only: { type: 'string', multiple: true, default: [] } } })
  const { smoke, only } = values
  const unknown = only.filter((key) => !parts.some((part) => part.key === key))
  if (unknown.length > 0) throw new Error(`--only: no part named ${unknown.join(', ')} (parts: ${parts.map((part) => part.key).join(', ')})`)
  const machine = describeMachine()
  const started = Date.now()
  const results: BenchPartResult[] = []
  for (const part of parts.filter((candidate) => only.length === 0 || only.includes(candidate.key))) {
    const partStarted = performance.now()
    console.log(`# ${part.key}${smoke ? ' (smoke: tiny counts, the figures mean nothing)' : ''}`)
    const result = await part.run({ smoke, log: (line) => console.log(line) })
    console.log(`\n## ${result.title}\n\n${result.markdown}\n`)
    console.log(`(${part.key}: ${((performance.now() - partStarted) / 1000).toFixed(1)} s)\n`)
    results.push(result)
  }
  const machineTable = machineMarkdown(machine)
  console.log(machineTable)
  if (smoke || only.length > 0) {
    console.log(`\n${smoke ? 'Smoke run' : 'Partial run'}: nothing written to docs/ (${((Date.now() - started) / 1000).toFixed(0)} s).`)
    return
  }
  const markdown = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date(started).toISOString().slice(0, 10)} (${((Date.now() - started) / 60_000).toFixed(1)} min). ` +
      'Timings come from one run on the machine below: compare the figures within a table (measured side by side), ' +
      'not with another run. How they are made: docs/decisions/027-benchmarks.md.',
    '',
    machineTable,
    ...results.flatMap((result) => ['', `## ${result.title}`, '', result.markdown]),
    '',
  ].join('\n')
  writeFileSync(join(DOCS, 'benchmarks.md'), markdown)
  const json = {
    generatedAt: new Date(started).toISOString(),
    machine,
    parts: Object.fromEntries(results.map((result) => [result.key, result.data])),
  }
  // As Prettier writes it, so `npm run lint` (prettier --check) passes on the committed file.
  const jsonPath = join(DOCS, 'benchmarks.json')
  writeFileSync(jsonPath, await format(JSON.stringify(json), { ...(await resolveConfig(jsonPath)), filepath: jsonPath }))
  console.log('\nWrote docs/benchmarks.md and docs/benchmarks.json')
}

// Explicit exit: a part's library (Amplify's timers, an idle keep-alive socket) must not hold the run open.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)

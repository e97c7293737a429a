// One part of `npm run bench` (issue 14). scripts/bench.ts runs the parts in one process, one after
// the other, and writes docs/benchmarks.md (each part's markdown under its title) and
// docs/benchmarks.json (each part's data under its key). `smoke` is `npm run bench:smoke`: every
// part runs once with tiny counts, in CI, so the benchmark code cannot rot; its figures mean nothing
// and are never written to docs/.
export type BenchOptions = {
  /** Tiny counts: prove the code runs, measure nothing. */
  smoke: boolean
  /** Progress lines for the terminal (never secrets or tokens). */
  log: (line: string) => void
}

export type BenchPartResult = {
  /** Key in docs/benchmarks.json, e.g. "firstScreen". */
  key: string
  /** Heading in docs/benchmarks.md. */
  title: string
  /** Markdown under the heading: tables with ratios to the baselines, then what was measured and how. */
  markdown: string
  /** Everything the tables were made from, for docs/benchmarks.json. */
  data: unknown
}

export type BenchPart = (options: BenchOptions) => Promise<BenchPartResult>

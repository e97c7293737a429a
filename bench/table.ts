// Markdown tables for docs/benchmarks.md and the terminal (bench:smoke prints them).
export type Align = 'left' | 'right'

export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, align?: readonly Align[]): string {
  const rule = headers.map((_, i) => ((align?.[i] ?? 'left') === 'right' ? '---:' : '---'))
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(headers), `|${rule.join('|')}|`, ...rows.map(line)].join('\n')
}

/** A duration in ms with the precision it deserves. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–'
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
}

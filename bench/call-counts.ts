// Lists of operation names as the round-trip tables show them.

/** "A, B ×2": each name once, in order of first arrival, with its count when more than one. */
export function summary(names: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1)
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ')
}

/** `counted` minus `expected`, as multisets, in arrival order: the calls nobody expected. */
export function extra(counted: readonly string[], expected: readonly string[]): string[] {
  const left = [...expected]
  return counted.filter((name) => {
    const index = left.indexOf(name)
    if (index === -1) return true
    left.splice(index, 1)
    return false
  })
}

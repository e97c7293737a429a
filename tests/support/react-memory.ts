// Test helper: whether any React state or prop under a rendered container still holds a value
// (e.g. a password that should have been dropped, ADR 019). Walks React's fibers, current and
// alternate, through their props and hook states; DOM nodes and the objects passed in `skip` (the
// fake gateway, which stores its users' passwords) are not searched.
type Fiber = {
  child: Fiber | null
  sibling: Fiber | null
  alternate: Fiber | null
  memoizedProps: unknown
  memoizedState: unknown
}

function rootFiber(container: Element): Fiber {
  const key = Object.keys(container).find((k) => k.startsWith('__reactContainer$'))
  if (!key) throw new Error('no React root on this container')
  return (container as unknown as Record<string, Fiber>)[key]
}

export function reactStateHolds(container: Element, needle: string, skip: readonly object[] = []): boolean {
  const seen = new Set<unknown>(skip)
  const fibers = new Set<Fiber>()
  const search = (value: unknown, depth: number): boolean => {
    if (value === needle) return true
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 12) return false
    seen.add(value)
    if (value instanceof Node) return false
    // Fibers met along the way (e.g. through an effect's list) are walked as fibers below.
    if ('memoizedProps' in value && 'alternate' in value) return false
    return Object.values(value).some((v) => search(v, depth + 1))
  }
  const walk = (fiber: Fiber | null): boolean => {
    for (let f = fiber; f; f = f.sibling) {
      for (const version of [f, f.alternate]) {
        if (!version || fibers.has(version)) continue
        fibers.add(version)
        if (search(version.memoizedProps, 0) || search(version.memoizedState, 0)) return true
      }
      if (walk(f.child) || (f.alternate && walk(f.alternate.child))) return true
    }
    return false
  }
  return walk(rootFiber(container))
}

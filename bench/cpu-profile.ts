// Where the local pool's CPU time goes during a load window, from the V8 CPU profile Node writes at
// exit (--cpu-prof): the share of samples whose stack holds a frame of emulator/domain/srp.ts (native
// code SRP calls, OpenSSL's exponentiation among them, counts as SRP), and the files with the most
// time of their own.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// Files of this repository are named relative to it (never by a path on the machine).
const REPO_URL = `${pathToFileURL(join(import.meta.dirname, '..')).href}/`

type ProfileNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] }

export type ProfileShare = {
  /** Busy samples in the window (idle excluded). */
  samples: number
  /** Share (0–1) of the busy samples with srp.ts on the stack. */
  srp: number
  /** Largest self-time shares by source (file, or the V8 bucket such as "(garbage collector)"). */
  top: Array<{ source: string; share: number }>
}

/** The one profile a process wrote into `dir`. */
export function readProfile(dir: string): CpuProfile {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
  if (!file) throw new Error(`no .cpuprofile in ${dir}: did the process exit normally?`)
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile
}

/** Share (0–1) of a whole profile's busy samples with a frame on the stack that `matches` (by URL). */
export function stackShare(profile: CpuProfile, matches: (url: string) => boolean): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const memo = new Map<number, boolean>()
  const hit = (id: number): boolean => {
    const known = memo.get(id)
    if (known !== undefined) return known
    const parentId = parent.get(id)
    const result = matches(byId.get(id)!.callFrame.url) || (parentId !== undefined && hit(parentId))
    memo.set(id, result)
    return result
  }
  let busy = 0
  let matched = 0
  for (const id of profile.samples) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue
    busy++
    if (hit(id)) matched++
  }
  return busy ? matched / busy : NaN
}

/** The share of SRP within [fromUs, toUs] (the monotonic clock of process.hrtime, which V8's profiler also reads). */
export function srpShare(profile: CpuProfile, fromUs: number, toUs: number): ProfileShare {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const inSrp = new Map<number, boolean>()
  const isSrp = (id: number): boolean => {
    const known = inSrp.get(id)
    if (known !== undefined) return known
    const node = byId.get(id)!
    const parentId = parent.get(id)
    const result = node.callFrame.url.endsWith('/emulator/domain/srp.ts') || (parentId !== undefined && isSrp(parentId))
    inSrp.set(id, result)
    return result
  }
  let time = profile.startTime
  let busy = 0
  let srp = 0
  const self = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index]
    if (time < fromUs || time > toUs) return
    const frame = byId.get(id)!.callFrame
    if (frame.functionName === '(idle)') return
    busy++
    if (isSrp(id)) srp++
    const source = sourceOf(frame)
    self.set(source, (self.get(source) ?? 0) + 1)
  })
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([source, count]) => ({ source, share: busy ? count / busy : 0 }))
  return { samples: busy, srp: busy ? srp / busy : NaN, top }
}

/** A package name, a repository-relative file, a node: module or V8's bucket: never a machine path. */
function sourceOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName || '(native)'
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(frame.url)
  if (pkg) return pkg[1]
  if (frame.url.startsWith(REPO_URL)) return frame.url.slice(REPO_URL.length)
  return frame.url.startsWith('node:') ? frame.url : '(other)'
}

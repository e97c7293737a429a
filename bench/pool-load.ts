// One load level: `clients` concurrent clients each signing in with a TOTP code, one flow after the
// other, for a fixed time (or until every user has used this step and the next: see CodeSchedule).
import { percentile } from '../scripts/bench-process.ts'
import { PoolClient } from './pool-client.ts'
import { CodeSchedule, signInWithTotp, srpEphemeral, type BenchPool, type Flow, type Latencies } from './pool-flows.ts'
import type { StartedServer } from './pool-servers.ts'

export type LoadResult = {
  flow: Flow
  clients: number
  seconds: number
  flows: number
  failures: number
  /** Failed flows by the step and error that ended them. */
  failureKinds: Record<string, number>
  flowsPerSecond: number
  /** Server CPU (user + system) per completed flow, ms: steadier than wall time on a shared machine. */
  serverCpuMsPerFlow: number
  /** True when the run ended before its time because no user had an unused TOTP step left. */
  ranOutOfCodes: boolean
  perOperation: Array<{ operation: string; count: number; p50: number; p99: number }>
  /** process.hrtime (µs, the monotonic clock V8's profiler also uses) at the start and end of the window. */
  windowUs: [number, number]
}

export async function runLoad(
  server: StartedServer,
  pool: BenchPool,
  schedule: CodeSchedule,
  flow: Flow,
  clients: number,
  seconds: number,
  maxFlows = Infinity,
): Promise<LoadResult> {
  const client = new PoolClient(server.url, clients)
  const latencies: Latencies = new Map()
  let flows = 0
  let failures = 0
  const failureKinds: Record<string, number> = {}
  let ranOutOfCodes = false
  const cpuStart = server.cpuMs()
  const windowStart = nowUs()
  const started = performance.now()
  const deadline = started + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const ephemeral = srpEphemeral()
      while (performance.now() < deadline && flows + failures < maxFlows) {
        const next = schedule.take()
        if (!next) {
          ranOutOfCodes = true
          return
        }
        const failed = await signInWithTotp(client, pool, flow, ephemeral, next.user, next.codeTime, latencies)
        if (failed === undefined) flows++
        else {
          failures++
          failureKinds[failed] = (failureKinds[failed] ?? 0) + 1
        }
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  const windowEnd = nowUs()
  const cpu = server.cpuMs() - cpuStart
  client.close()
  return {
    flow,
    clients,
    seconds: elapsed,
    flows,
    failures,
    failureKinds,
    flowsPerSecond: flows / elapsed,
    serverCpuMsPerFlow: flows > 0 ? cpu / flows : NaN,
    ranOutOfCodes,
    perOperation: [...latencies].map(([operation, values]) => ({
      operation,
      count: values.length,
      p50: percentile(values, 50),
      p99: percentile(values, 99),
    })),
    windowUs: [windowStart, windowEnd],
  }
}

function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n)
}

import type { AddressInfo } from 'node:net'
import { Sessions } from './auth/sessions.ts'
import { createHttpServer } from './http.ts'
import type { Deps } from './deps.ts'
import { DEFAULT_APP_ORIGINS, parseOrigin } from './request-policy.ts'
import { localPools, seedDemoPools, type LocalPool } from './seed.ts'
import { systemClock, type Clock, type TestClock } from './state/clock.ts'
import { loadSnapshot, saveSnapshot } from './state/snapshot.ts'
import { Store } from './state/store.ts'

export type StartOptions = {
  /** 0 picks a free port (tests). */
  port?: number
  /** Persist here (atomic JSON snapshot); without it state lives in memory only. */
  statePath?: string
  clock?: Clock
  /** Enables POST /_local/clock so a browser test can move time. Only with a TestClock. */
  clockControl?: TestClock
  /** Fill an empty state: true (default) seeds the demo pools, a function sets up its own (--template). */
  seed?: boolean | ((deps: Deps) => Promise<void>)
  log?: (line: string) => void
  /**
   * The browser origins served (CORS, ADR 014), e.g. `http://127.0.0.1:5173`; without it, the Vite
   * dev server's and `vite preview`'s default origins. Clients that send no Origin (Node) are always served.
   */
  corsOrigins?: readonly string[]
}

export type RunningEmulator = {
  url: string
  port: number
  store: Store
  clock: Clock
  deps: Deps
  pools(): LocalPool[]
  /** Serves these browser origins too from now on (`npm start` adds the one Vite ended up on). */
  allowOrigins(origins: readonly string[]): void
  close(): Promise<void>
}

/** Starts the local Cognito user pool on 127.0.0.1 only: it is never reachable from other hosts. */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const clock = options.clockControl ?? options.clock ?? systemClock
  // Checked before anything is loaded or listens: a bad origin is a start-up error.
  const allowedOrigins = new Set((options.corsOrigins ?? DEFAULT_APP_ORIGINS).map(parseOrigin))
  const store = new Store(options.statePath ? loadSnapshot(options.statePath) : undefined)
  let baseUrl = ''
  const deps: Deps = {
    store,
    sessions: new Sessions(clock),
    clock,
    issuer: (poolId) => `${baseUrl}/${poolId}`,
    log: options.log ?? ((line) => console.log(`[emulator] ${line}`)),
  }
  let dirty = false
  store.onChange = () => {
    dirty = true
  }
  const flush = () => {
    if (dirty && options.statePath) saveSnapshot(options.statePath, store.toJSON())
    dirty = false
  }
  if (options.seed !== false && store.listPools().length === 0) {
    await (typeof options.seed === 'function' ? options.seed(deps) : seedDemoPools(deps))
  }
  store.pruneRefreshTokens(clock.now())
  flush()

  const server = createHttpServer({
    deps,
    beforeRequest: () => store.begin(),
    afterRequest: () => {
      try {
        flush()
      } catch (error) {
        // The change cannot be saved: the memory goes back to what the file holds, so the 500 the
        // client gets is true (nothing happened) and a later save does not persist it after all.
        store.rollback()
        dirty = false
        throw error
      }
      store.commit()
    },
    testClock: options.clockControl,
    allowedOrigins,
    localConfig: () => ({
      pools: localPools(deps).map(({ name, userPoolId, clientId, mfaConfiguration }) => ({ name, userPoolId, clientId, mfaConfiguration })),
    }),
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 9229, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`
  return {
    url: baseUrl,
    port,
    store,
    clock,
    deps,
    pools: () => localPools(deps),
    allowOrigins: (origins) => {
      for (const origin of origins.map(parseOrigin)) allowedOrigins.add(origin)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

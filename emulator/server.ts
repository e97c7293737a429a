import type { AddressInfo } from 'node:net'
import { RefreshPruner } from './auth/refresh-pruning.ts'
import { Sessions } from './auth/sessions.ts'
import { internalError, type WireResponse } from './handle.ts'
import { UnknownNames } from './auth/unknown-names.ts'
import { createSigningKey } from './domain/tokens.ts'
import { createHttpServer, type ArrivedRequest } from './http.ts'
import type { Deps } from './deps.ts'
import { DEFAULT_POOL_PORT } from './ports.ts'
import { printable } from './printable.ts'
import { DEFAULT_APP_ORIGINS, parseOrigin } from './request-policy.ts'
import { localPools, seedDemoPools, type LocalPool } from './seed.ts'
import { systemClock, type Clock, type TestClock } from './state/clock.ts'
import { StateFiles, type OpenedState } from './state/state-files.ts'
import { Store } from './state/store.ts'
import { SigningKeySupply, type KeyGenerator } from './signing-keys.ts'

export type StartOptions = {
  /** 0 picks a free port (tests); default DEFAULT_POOL_PORT (ports.ts). */
  port?: number
  /** Persist here (a JSON snapshot and its journal, `<statePath>.journal`); without it state lives in memory only. */
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
  /** How pools get their RSA keys (tests inject a slow one); default a new RSA-2048 key. */
  generateSigningKey?: KeyGenerator
  /**
   * For counting a page's calls at the pool (bench/browser-round-trips.ts, the flow tests'
   * operationsDuring): told of each request as it arrives, with its method, path and operation name
   * only. No command-line flag sets it.
   */
  onRequest?: (request: ArrivedRequest) => void
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
  const sink = options.log ?? ((line: string) => console.log(`[emulator] ${line}`))
  // Every line escaped here, whoever wrote it: lines quote usernames, attribute values and paths.
  const log = (line: string) => sink(printable(line))
  const opened = options.statePath ? StateFiles.open(options.statePath) : undefined
  if (opened && opened.leftovers.length > 0) {
    log(`removed ${opened.leftovers.length} temp file(s) a stopped emulator left beside ${options.statePath}`)
  }
  try {
    return await serve(options, clock, log, opened, allowedOrigins)
  } catch (error) {
    // Not started: the lock on the state file goes back.
    opened?.files.close()
    throw error
  }
}

async function serve(
  options: StartOptions,
  clock: Clock,
  log: (line: string) => void,
  opened: OpenedState | undefined,
  allowedOrigins: Set<string>,
): Promise<RunningEmulator> {
  const files = opened?.files
  const store = new Store(opened?.state)
  const sessions = new Sessions(clock)
  let baseUrl = ''
  const deps: Deps = {
    store,
    sessions,
    unknownNames: new UnknownNames(clock),
    clock,
    // One spare made ahead, so a lone CreateUserPool finds its key ready (signing-keys.ts).
    signingKeys: new SigningKeySupply(options.generateSigningKey ?? createSigningKey, 1),
    issuer: (poolId) => `${baseUrl}/${poolId}`,
    log,
  }
  if (options.seed !== false && store.listPools().length === 0) {
    await (typeof options.seed === 'function' ? options.seed(deps) : seedDemoPools(deps))
  }
  const pruner = new RefreshPruner(store, clock)
  pruner.prune()
  // A new snapshot at every start: the journal replayed above (and any torn last line) is folded in.
  files?.compact(store.toJSON())
  store.forgetChanges()

  /** Makes what the request changed durable (one journal line) before it is answered. */
  const save = () => {
    const change = files && store.changes()
    if (change) files.commit(change, () => store.toJSON())
    store.forgetChanges()
  }
  const undo = () => {
    store.rollback()
    sessions.rollback()
  }
  // A journal whose failed line could not be cut back may hold a change the client was told failed:
  // the undone state replaces it at once (and again at close, if the disk refused it now), so no
  // restart replays that line.
  const dropRejectedLine = () => {
    if (!files?.isBroken) return
    try {
      files.compact(store.toJSON())
    } catch (error) {
      console.error('[emulator] the state file could not be rewritten after a failed save (tried again at the next write):', error)
    }
  }
  const afterRequest = (result: WireResponse): WireResponse => {
    // A 500 says nothing happened: whatever a failing operation changed before it broke is undone.
    if (result.status >= 500) {
      undo()
      return result
    }
    // Amortised over the writes: a request that changed something (every sign-in does) also drops the
    // refresh tokens that can no longer matter, in the same journal line (docs/cognito-behaviour.md#refresh-token-records).
    if (store.hasChanges()) pruner.maybePrune()
    try {
      save()
    } catch (error) {
      // The change cannot be saved: memory goes back to what the files hold, so the 500 the client
      // gets is true (nothing happened, it may retry with the same session) and no later save
      // persists it after all. Reads go on being served from memory.
      undo()
      console.error('[emulator] the state could not be saved; the request was undone:', error)
      dropRejectedLine()
      return internalError()
    }
    store.commit()
    sessions.commit()
    if (files?.wantsCompaction()) {
      try {
        files.compact(store.toJSON())
      } catch (error) {
        // The journal still holds every change: nothing is lost, the next write tries again.
        console.error('[emulator] the state file could not be compacted (the journal keeps every change):', error)
      }
    }
    return result
  }

  const server = createHttpServer({
    deps,
    beforeRequest: () => {
      store.begin()
      sessions.begin()
    },
    afterRequest,
    testClock: options.clockControl,
    allowedOrigins,
    onRequest: options.onRequest,
    localConfig: () => ({
      pools: localPools(deps).map(({ name, userPoolId, clientId, mfaConfiguration }) => ({ name, userPoolId, clientId, mfaConfiguration })),
    }),
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_POOL_PORT, '127.0.0.1', () => resolve())
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
        server.close(() => {
          dropRejectedLine()
          files?.close()
          resolve()
        })
      }),
  }
}

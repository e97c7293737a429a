import { parseLocalDiscovery, type PoolConfig } from './app-config.ts'

export type DiscoveryResult = { ok: true; pools: PoolConfig[] } | { ok: false; reason: 'unreachable' | 'no-pools' }

/** Asks the local emulator which pools it serves. */
export async function discoverLocalPools(discoveryUrl: string, endpoint: string, fetchImpl: typeof fetch = fetch): Promise<DiscoveryResult> {
  let json: unknown
  try {
    const response = await fetchImpl(discoveryUrl, { headers: { accept: 'application/json' } })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    json = await response.json()
  } catch (error) {
    console.error(`Local user pool discovery failed at ${discoveryUrl}:`, error)
    return { ok: false, reason: 'unreachable' }
  }
  const pools = parseLocalDiscovery(json, endpoint)
  if (!pools || pools.length === 0) {
    console.error(`Local user pool discovery at ${discoveryUrl} returned no usable pools.`)
    return { ok: false, reason: 'no-pools' }
  }
  return { ok: true, pools }
}

const rememberedPoolKey = 'cognito-totp.local-pool'

export function rememberedLocalPool(): string | null {
  try {
    return localStorage.getItem(rememberedPoolKey)
  } catch {
    return null
  }
}

export function rememberLocalPool(name: string): void {
  try {
    localStorage.setItem(rememberedPoolKey, name)
  } catch {
    // the choice just isn't remembered
  }
}

const discoveryKey = 'cognito-totp.local-pools'

/**
 * The pools the last discovery at this address found, kept so that the next page load can show the
 * sign-in form at once while the discovery confirms them (the local pool keeps its pools across
 * restarts). Anything unreadable is as if nothing were kept.
 */
export function rememberedDiscovery(discoveryUrl: string): PoolConfig[] | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(discoveryKey) ?? 'null') as { url?: unknown; pools?: unknown } | null
    if (!kept || kept.url !== discoveryUrl || !Array.isArray(kept.pools) || kept.pools.length === 0) return undefined
    const pools = kept.pools as PoolConfig[]
    const valid = pools.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        typeof p.userPoolId === 'string' &&
        typeof p.userPoolClientId === 'string' &&
        typeof p.mfa === 'string',
    )
    return valid ? pools : undefined
  } catch {
    return undefined
  }
}

export function rememberDiscovery(discoveryUrl: string, pools: readonly PoolConfig[]): void {
  try {
    localStorage.setItem(discoveryKey, JSON.stringify({ url: discoveryUrl, pools }))
  } catch {
    // the next load waits for the discovery, as the first one did
  }
}

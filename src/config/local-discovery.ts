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

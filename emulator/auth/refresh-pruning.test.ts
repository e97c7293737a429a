// Issue 9, item 9 (growth at run time): refresh token families are dropped while the pool runs,
// amortised over its writes, once they can no longer change an answer
// (docs/cognito-behaviour.md#refresh-token-records), not only when it starts.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { startEmulator, type RunningEmulator } from '../server.ts'
import { createTestClock, type TestClock } from '../state/clock.ts'
import { StateFiles } from '../state/state-files.ts'
import type { AuthResult, Reply } from '../test-support.ts'
import { ACCESS_TOKEN_MAX_MS, PRUNE_INTERVAL_MS } from './refresh-pruning.ts'

const DAY_MS = 86_400_000
const REFRESH_VALIDITY_MS = 30 * DAY_MS // the demo client's

let dir: string
let clock: TestClock
let emulator: RunningEmulator
const statePath = () => join(dir, 'state.json')

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cognito-prune-'))
  clock = createTestClock(Date.UTC(2026, 0, 1))
  emulator = await startEmulator({ port: 0, clock, statePath: statePath(), log: () => {} })
}, 30_000)

afterEach(async () => {
  await emulator.close()
  await rm(dir, { recursive: true, force: true })
})

async function send(operation: string, input: object): Promise<{ status: number; body: Reply }> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(input),
  })
  return { status: response.status, body: (await response.json()) as Reply }
}

async function signIn(): Promise<AuthResult & { RefreshToken: string }> {
  const [pool] = emulator.pools()
  const { body } = await send('AdminInitiateAuth', {
    UserPoolId: pool.userPoolId,
    ClientId: pool.clientId,
    AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice-demo-2026!' },
  })
  return body.AuthenticationResult
}

const refresh = (token: string) => send('GetTokensFromRefreshToken', { ClientId: emulator.pools()[0].clientId, RefreshToken: token })

/** The families the state files hold (snapshot and journal), read after a stop; the pool then starts again. */
async function savedFamilies(): Promise<number> {
  await emulator.close()
  const opened = StateFiles.open(statePath())
  const count = opened.state?.refreshTokens.length ?? 0
  opened.files.close()
  emulator = await startEmulator({ port: 0, clock, statePath: statePath(), log: () => {} })
  return count
}

describe('refresh token families while the pool runs', () => {
  test('a family is dropped from memory and file a day after it expires, at the next write', async () => {
    await signIn()
    clock.advance(REFRESH_VALIDITY_MS + ACCESS_TOKEN_MAX_MS - 1)
    await signIn() // a write: the first family expired, but less than a day ago
    expect(emulator.store.toJSON().refreshTokens).toHaveLength(2)
    clock.advance(PRUNE_INTERVAL_MS) // the next pass: at most one per interval
    const { RefreshToken } = await signIn()
    expect(emulator.store.toJSON().refreshTokens.map((record) => record.token)).toHaveLength(2)
    expect(await savedFamilies()).toBe(2)
    expect(emulator.store.findRefreshToken(RefreshToken)).toBeDefined()
  })

  test('sign-ins every third day for 90 days keep only the families of the last 31 days', async () => {
    for (let day = 0; day < 90; day += 3) {
      await signIn()
      clock.advance(3 * DAY_MS)
    }
    await signIn()
    // On day 90 the families of days 60, 63 … 87 and 90 are kept (expired less than a day ago, or
    // valid); the 20 of days 0 … 57 expired on day 87 at the latest and are gone.
    expect(emulator.store.toJSON().refreshTokens).toHaveLength(11)
    expect(await savedFamilies()).toBe(11)
  }, 30_000)

  test('a revoked family still answers "Refresh Token has been revoked" until it expires', async () => {
    const { RefreshToken } = await signIn()
    await send('RevokeToken', { ClientId: emulator.pools()[0].clientId, Token: RefreshToken })
    clock.advance(REFRESH_VALIDITY_MS - DAY_MS)
    await signIn()
    expect(await refresh(RefreshToken)).toMatchObject({ status: 400, body: { message: 'Refresh Token has been revoked' } })
  })

  test('an access token refreshed just before its family expired stays valid once the family has', async () => {
    const { RefreshToken } = await signIn()
    clock.advance(REFRESH_VALIDITY_MS - 60_000)
    const refreshed = await refresh(RefreshToken)
    expect(refreshed.status).toBe(200)
    clock.advance(2 * 60_000) // the family expired a minute ago
    await signIn() // a write, so a pruning pass
    expect((await send('GetUser', { AccessToken: refreshed.body.AuthenticationResult.AccessToken })).status).toBe(200)
    expect(await refresh(RefreshToken)).toMatchObject({ status: 400, body: { message: 'Refresh Token has expired' } })
  })

  test('reads do not write: a pruning pass rides only on a request that changed something', async () => {
    await signIn()
    clock.advance(REFRESH_VALIDITY_MS + ACCESS_TOKEN_MAX_MS + 1)
    await send('DescribeUserPool', { UserPoolId: emulator.pools()[0].userPoolId })
    expect(emulator.store.toJSON().refreshTokens).toHaveLength(1)
    await signIn()
    expect(emulator.store.toJSON().refreshTokens).toHaveLength(1)
  })
})

// Issue 9, item 10: CreateUserPool's RSA key is made off the request queue, so a slow key generation
// never holds up other requests. The generator is injected and held back by the test: no timings.
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createSigningKey, type SigningKey } from './domain/tokens.ts'
import { startEmulator, type RunningEmulator } from './server.ts'
import { SigningKeySupply } from './signing-keys.ts'

let key: SigningKey
const running: RunningEmulator[] = []

beforeAll(async () => {
  key = await createSigningKey()
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()))
})

/** A key generator that finishes only when the test says so. */
function heldGenerator() {
  const waiting: Array<() => void> = []
  let calls = 0
  return {
    generate: async (): Promise<SigningKey> => {
      calls++
      await new Promise<void>((resolve) => waiting.push(resolve))
      return key
    },
    releaseAll: () => waiting.splice(0).forEach((resolve) => resolve()),
    calls: () => calls,
  }
}

async function send(
  url: string,
  operation: string,
  input: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`, ...headers },
    body: JSON.stringify(input),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('CreateUserPool and the request queue', () => {
  test('requests sent while CreateUserPool waits for its key are answered first', async () => {
    const held = heldGenerator()
    const emulator = await startEmulator({ port: 0, seed: false, generateSigningKey: held.generate, log: () => {} })
    running.push(emulator)
    const order: string[] = []
    const creates = [1, 2, 3].map((n) =>
      send(emulator.url, 'CreateUserPool', { PoolName: `pool ${n}` }).then((reply) => {
        order.push('CreateUserPool')
        return reply
      }),
    )
    const list = send(emulator.url, 'ListUserPools', { MaxResults: 10 }).then((reply) => {
      order.push('ListUserPools')
      return reply
    })
    // Were the key made in the queue, the list would wait behind the first create, whose key comes
    // only once released: release when the list is answered, or after 5 s so the test ends either way.
    let timer: NodeJS.Timeout | undefined
    await Promise.race([list, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))])
    clearTimeout(timer)
    held.releaseAll()
    const replies = await Promise.all(creates)
    expect(order[0]).toBe('ListUserPools')
    expect((await list).body).toEqual({ UserPools: [] })
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200])
    expect(held.calls()).toBeGreaterThanOrEqual(3)
  }, 30_000)

  test('a CreateUserPool the request policy refuses (a foreign page) has no key made for it', async () => {
    let calls = 0
    const emulator = await startEmulator({
      port: 0,
      seed: false,
      generateSigningKey: async () => {
        calls++
        return key
      },
      log: () => {},
    })
    running.push(emulator)
    const refused = await send(emulator.url, 'CreateUserPool', { PoolName: 'from a page' }, { Origin: 'https://evil.example' })
    expect(refused.status).toBe(403)
    expect(calls).toBe(0)
  })
})

describe('SigningKeySupply', () => {
  test('without spares, each take makes one key and nothing is made ahead', async () => {
    let calls = 0
    const supply = new SigningKeySupply(async () => {
      calls++
      return key
    })
    expect(await supply.take()).toBe(key)
    expect(calls).toBe(1)
  })

  test('a key reserved before is handed over by take without making another', async () => {
    let calls = 0
    const supply = new SigningKeySupply(async () => {
      calls++
      return key
    })
    await supply.reserve()
    expect(await supply.take()).toBe(key)
    expect(calls).toBe(1)
  })

  test('with a spare, a key is made ahead after the first take, and the next take uses it', async () => {
    const held = heldGenerator()
    const supply = new SigningKeySupply(held.generate, 1)
    const first = supply.take()
    expect(held.calls()).toBe(2) // the key taken and the spare
    held.releaseAll()
    await first
    const second = supply.take() // the spare (already made), while a new spare is started
    expect(held.calls()).toBe(3)
    expect(await second).toBe(key)
  })

  test('a failed generation fails only the request that takes it, and is never an unhandled rejection', async () => {
    let fail = true
    const supply = new SigningKeySupply(async () => {
      if (fail) throw new Error('no entropy')
      return key
    }, 1)
    await supply.reserve() // swallowed: the spare and the reserved key both failed
    await expect(supply.take()).rejects.toThrow('no entropy')
    fail = false
    expect(await supply.take()).toBe(key)
  })
})

// Issue 9, item 8: a half-valid state file is refused at start with the bad record named (it used to
// start, then answer 500 at the first sign-in); unknown members are refused, not dropped at the first
// save; the temp files a killed emulator left beside the state file are removed at start.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../server.ts'
import type { PersistentState } from './model.ts'
import { CorruptStateError } from './snapshot.ts'

let dir: string
let file: string
let valid: PersistentState & Record<string, unknown>

beforeAll(async () => {
  // One real state (the demo pools, as `npm start` writes them) that each case damages.
  const seedDir = mkdtempSync(join(tmpdir(), 'emulator-schema-seed-'))
  const emulator = await startEmulator({ port: 0, statePath: join(seedDir, 'state.json'), log: () => {} })
  await emulator.close()
  valid = JSON.parse(readFileSync(join(seedDir, 'state.json'), 'utf8')) as typeof valid
  rmSync(seedDir, { recursive: true, force: true })
})

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-schema-'))
  file = join(dir, 'state.json')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

type Damage = (state: Record<string, Array<Record<string, unknown>>>) => void
const without =
  (list: string, index: number, member: string): Damage =>
  (state) => {
    delete state[list][index][member]
  }

async function refusal(damage: Damage): Promise<string> {
  const state = structuredClone(valid) as unknown as Record<string, Array<Record<string, unknown>>>
  damage(state)
  const text = JSON.stringify(state)
  writeFileSync(file, text)
  const started = startEmulator({ port: 0, statePath: file, log: () => {} })
  await expect(started).rejects.toBeInstanceOf(CorruptStateError)
  const error = (await started.catch((reason: unknown) => reason)) as CorruptStateError
  // Refused as it was: not rewritten, no journal or temp file beside it.
  expect(readFileSync(file, 'utf8')).toBe(text)
  expect(readdirSync(dir)).toEqual(['state.json'])
  return error.message
}

describe('a record missing what sign-in needs is named at start', () => {
  test.each([
    ['a user without its SRP verifier', without('users', 0, 'srp'), /users\[0\] \(username "alice", poolId "[^"]+"\): srp: Invalid input/],
    ['a user without its MFA settings', without('users', 1, 'mfa'), /users\[1\] \(username "[^"]+", poolId "[^"]+"\): mfa: /],
    [
      'a user whose verifier is not hex',
      (state: Record<string, Array<Record<string, unknown>>>) => {
        state.users[0].srp = { saltHex: 'ab', verifierHex: 'not hex' }
      },
      /users\[0\] \(username "alice", [^)]*\): srp\.verifierHex: expected hex digits/,
    ],
    ['a pool without its signing key', without('pools', 1, 'signingKey'), /pools\[1\] \(id "[^"]+"\): signingKey: /],
    [
      'a pool whose private key lacks a member',
      (state: Record<string, Array<Record<string, unknown>>>) => {
        const key = state.pools[0].signingKey as { privateJwk: Record<string, unknown> }
        delete key.privateJwk.d
      },
      /pools\[0\] \(id "[^"]+"\): signingKey\.privateJwk\.d: /,
    ],
    [
      'a pool whose private key has every member but is no key',
      (state: Record<string, Array<Record<string, unknown>>>) => {
        const key = state.pools[0].signingKey as { privateJwk: Record<string, unknown> }
        key.privateJwk.n = 'x'
      },
      /pools\[0\] \(id "[^"]+"\): signingKey\.privateJwk: expected an RSA key pair whose private key signs what its public key verifies/,
    ],
    [
      'a user whose TOTP secret is not base32',
      (state: Record<string, Array<Record<string, unknown>>>) => {
        state.users[0].totp = { activeSecret: 'x!' }
      },
      /users\[0\] \(username "alice", [^)]*\): totp\.activeSecret: expected a base32 secret/,
    ],
    ['a client without its flows', without('clients', 0, 'explicitAuthFlows'), /clients\[0\] \(clientId "[^"]+"\): explicitAuthFlows: /],
    [
      'a client of a pool that is not in the file',
      (state: Record<string, Array<Record<string, unknown>>>) => {
        state.clients[0].poolId = 'us-east-1_Gone'
      },
      /clients\[0\] \(clientId "[^"]+"\): poolId: no pool us-east-1_Gone in the file/,
    ],
    [
      'two users with the same username in one pool',
      (state: Record<string, Array<Record<string, unknown>>>) => {
        state.users.push({ ...state.users[0], sub: 'another-sub' })
      },
      /users\[\d+\] \(username "alice", [^)]*\): username: another user of the pool has the same username/,
    ],
    [
      'a refresh token without its family id',
      (state: Record<string, Array<Record<string, unknown>>>) => {
        state.refreshTokens.push({
          token: 't',
          poolId: state.pools[0].id,
          clientId: state.clients[0].clientId,
          sub: 's',
          authTime: 0,
          expiresAt: 0,
          revoked: false,
        })
      },
      /refreshTokens\[0\] \(poolId "[^"]+"\): originJti: /,
    ],
  ])('%s', async (_what, damage, reason) => {
    expect(await refusal(damage)).toMatch(reason)
  })
})

describe('members this emulator does not know', () => {
  // Refused rather than kept: an older emulator that kept what it cannot read would still write
  // records without it, and one that dropped it would lose what a newer one saved (ADR 013).
  test('an unknown top-level member is refused, named', async () => {
    expect(
      await refusal((state) => {
        ;(state as Record<string, unknown>).devices = []
      }),
    ).toMatch(/unknown top-level member devices/)
  })

  test('an unknown member in a record is refused, named', async () => {
    expect(
      await refusal((state) => {
        state.users[0].favouriteColour = 'green'
      }),
    ).toMatch(/users\[0\] \(username "alice", [^)]*\): the record: Unrecognized key: "favouriteColour"/)
  })
})

describe('temp files a killed emulator left', () => {
  test('are removed at start, and only those of this state file', async () => {
    writeFileSync(file, JSON.stringify(valid))
    const ours = ['state.json.4242.tmp', 'state.json.journal.4243.tmp']
    const others = ['other.json.4242.tmp', 'state.json.bak', 'state.json.tmp', 'state.jsonx.4242.tmp']
    for (const name of [...ours, ...others]) writeFileSync(join(dir, name), 'secret', { mode: 0o600 })
    const logs: string[] = []
    const emulator = await startEmulator({ port: 0, statePath: file, log: (line) => logs.push(line) })
    await emulator.close()
    for (const name of ours) expect(existsSync(join(dir, name))).toBe(false)
    for (const name of others) expect(existsSync(join(dir, name))).toBe(true)
    expect(logs).toContain(`removed 2 temp file(s) a stopped emulator left beside ${file}`)
  })
})

import { generateKeyPairSync } from 'node:crypto'
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, fstatSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Sessions } from '../auth/sessions.ts'
import { getUser } from '../operations/get-user.ts'
import { startEmulator } from '../server.ts'
import { PASSWORD, adminSignIn, call, createApp, createTestDeps, createUser, signedIn } from '../test-support.ts'
import type { PersistentState } from './model.ts'
import { CorruptStateError, loadSnapshot, saveSnapshot } from './snapshot.ts'
import { Store } from './store.ts'

let dir: string
let file: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-snapshot-'))
  file = join(dir, 'state.json')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A state the operations really produced: a pool, a client, a user with a refresh token. */
async function realState() {
  const deps = createTestDeps()
  const app = await createApp(deps)
  await createUser(deps, app.poolId, 'alice')
  const tokens = await signedIn(deps, app, 'alice')
  return { deps, app, tokens, state: deps.store.toJSON() }
}

/** A large synthetic state (a few MB), so a write takes long enough to be caught half-way if it were in place. */
// A real key pair: the schema checks at load that the private key signs what the public one verifies.
const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
const signingKey = { kid: 'kid', privateJwk: pair.privateKey.export({ format: 'jwk' }), publicJwk: pair.publicKey.export({ format: 'jwk' }) }

function bigState(tag: string): PersistentState {
  return {
    version: 1,
    pools: [
      {
        id: 'us-east-1_Big',
        name: 'big',
        createdAt: 0,
        lastModifiedAt: 0,
        mfaConfiguration: 'OFF',
        softwareTokenMfaEnabled: false,
        smsMfaEnabled: false,
        passwordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 7,
        },
        usernameAttributes: [],
        aliasAttributes: [],
        autoVerifiedAttributes: [],
        usernameCaseSensitive: false,
        signingKey,
      },
    ],
    clients: [],
    users: Array.from({ length: 20_000 }, (_, i) => ({
      poolId: 'us-east-1_Big',
      username: `${tag}-user-${i}`,
      sub: `sub-${i}`,
      attributes: { email: `user${i}@example.com` },
      status: 'CONFIRMED',
      enabled: true,
      createdAt: 0,
      lastModifiedAt: 0,
      srp: { saltHex: 'ab', verifierHex: 'cd' },
      mfa: { enabled: [] },
      totp: {},
      failedPasswordAttempts: 0,
    })),
    refreshTokens: [],
  }
}

function expectCorrupt(action: () => unknown, path: string): CorruptStateError {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(CorruptStateError)
    const corrupt = error as CorruptStateError
    expect(corrupt.name).toBe('CorruptStateError')
    expect(corrupt.message).toContain(path)
    expect(corrupt.message).toContain('left untouched')
    return corrupt
  }
  throw new Error('expected a CorruptStateError')
}

describe('saveSnapshot / loadSnapshot', () => {
  test('no file yet: nothing to load', () => {
    expect(loadSnapshot(file)).toBeUndefined()
  })

  test('save then load round-trips the state exactly', async () => {
    const { state } = await realState()
    saveSnapshot(file, state)
    expect(loadSnapshot(file)).toEqual(state)
  })

  test("a user's devices and a refresh token's device are saved and loaded with them (issue 13)", async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { input: { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true } } })
    await createUser(deps, app.poolId, 'alice')
    await signedIn(deps, app, 'alice')
    const state = deps.store.toJSON()
    expect(state.users[0].devices).toHaveLength(1)
    expect(state.refreshTokens[0].deviceKey).toBe(state.users[0].devices?.[0].key)
    saveSnapshot(file, state)
    expect(loadSnapshot(file)).toEqual(state)
  })

  test('a store rebuilt from the file keeps passwords (as verifiers), signing keys and refresh tokens working', async () => {
    const { app, tokens, state } = await realState()
    saveSnapshot(file, state)
    const restored = { ...createTestDeps(), store: new Store(loadSnapshot(file)) }
    restored.sessions = new Sessions(restored.clock)
    expect((await call(getUser, { AccessToken: tokens.AccessToken }, restored)).Username).toBe('alice')
    expect((await adminSignIn(restored, app, 'alice', PASSWORD)).AuthenticationResult).toBeDefined()
    expect(JSON.stringify(loadSnapshot(file))).not.toContain(PASSWORD)
  })

  test('creates missing parent folders, and the file is readable by its owner only (it holds signing keys)', async () => {
    const nested = join(dir, 'a', 'b', 'state.json')
    saveSnapshot(nested, (await realState()).state)
    expect(statSync(nested).mode & 0o777).toBe(0o600)
  })

  test('no temp file is left behind after a save', async () => {
    saveSnapshot(file, (await realState()).state)
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false)
  })
})

describe('atomic persistence', () => {
  test('a crash mid-write (a half-written temp file beside the good file) still loads the old state', async () => {
    const { state: good } = await realState()
    saveSnapshot(file, good)
    const next = JSON.stringify(bigState('next'))
    for (const pid of [process.pid, 99_999]) writeFileSync(`${file}.${pid}.tmp`, next.slice(0, next.length / 2))
    expect(loadSnapshot(file)).toEqual(good)
    // The next save simply writes its own temp file again and completes.
    saveSnapshot(file, bigState('after'))
    expect(loadSnapshot(file)?.users[0]).toMatchObject({ username: 'after-user-0' })
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false)
  }, 30_000)

  test('the target is replaced by a rename, never written in place: a reader holding the old file sees it whole', async () => {
    const { state: old } = await realState()
    saveSnapshot(file, old)
    const oldBytes = readFileSync(file)
    const fd = openSync(file, 'r')
    try {
      const oldInode = fstatSync(fd).ino
      saveSnapshot(file, bigState('new'))
      expect(statSync(file).ino).not.toBe(oldInode)
      // The old inode was not touched: still exactly the old, complete JSON.
      const buffer = Buffer.alloc(oldBytes.length + 1)
      const read = readSync(fd, buffer, 0, buffer.length, 0)
      expect(buffer.subarray(0, read).equals(oldBytes)).toBe(true)
    } finally {
      closeSync(fd)
    }
  })

  test('a reader polling the file from another process never sees it missing or unparsable while big states are saved', async () => {
    saveSnapshot(file, bigState('v0'))
    const stopFile = join(dir, 'stop')
    // The reader: parse the file over and over until told to stop, then report.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs')
         const [file, stop] = process.argv.slice(1)
         let reads = 0, torn = 0, firstError = ''
         while (!fs.existsSync(stop)) {
           try { JSON.parse(fs.readFileSync(file, 'utf8')); reads++ } catch (e) { torn++; firstError ||= String(e) }
           if (reads === 1 && torn === 0) process.stdout.write('ready\\n')
         }
         process.stdout.write(JSON.stringify({ reads, torn, firstError }) + '\\n')`,
        file,
        stopFile,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    reader.stdout.setEncoding('utf8')
    const ready = new Promise<void>((resolve) => {
      reader.stdout.on('data', (chunk: string) => {
        output += chunk
        if (output.includes('ready')) resolve()
      })
    })
    const exited = new Promise<void>((resolve) => reader.on('exit', () => resolve()))
    await ready
    for (let i = 1; i <= 15; i++) saveSnapshot(file, bigState(`v${i}`))
    writeFileSync(stopFile, '')
    await exited
    const report = JSON.parse(output.trim().split('\n').pop()!) as { reads: number; torn: number; firstError: string }
    expect(report.firstError).toBe('')
    expect(report.torn).toBe(0)
    expect(report.reads).toBeGreaterThan(1)
    expect(loadSnapshot(file)?.users[0]).toMatchObject({ username: 'v15-user-0' })
  }, 60_000)
})

describe('a damaged state file', () => {
  test.each([
    ['truncated JSON', '{"version":1,"pools":[{"id":"us-east-1_Ab'],
    ['an empty file', ''],
    ['binary garbage', '\u0000\u0001\u0002\uFFFD'],
  ])('%s → CorruptStateError with a clear message, and the file left as it was', (_label, content) => {
    writeFileSync(file, content)
    const before = readFileSync(file)
    const mtime = statSync(file).mtimeMs
    expectCorrupt(() => loadSnapshot(file), file)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(statSync(file).mtimeMs).toBe(mtime)
  })

  test.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '42'],
    ['another version', JSON.stringify({ version: 2, pools: [], clients: [], users: [], refreshTokens: [] })],
  ])('not a state file (%s) → CorruptStateError', (_label, content) => {
    writeFileSync(file, content)
    const corrupt = expectCorrupt(() => loadSnapshot(file), file)
    expect(corrupt.message).toMatch(/not a state file/)
    expect(readFileSync(file, 'utf8')).toBe(content)
  })

  // The shape is checked by the schema (schema.test.ts has a case per kind of record): the error names the place.
  test.each([
    ['a missing list', JSON.stringify({ version: 1, pools: [], clients: [], users: [] }), /refreshTokens: Invalid input: expected array/],
    ['a list that is not a list', JSON.stringify({ version: 1, pools: {}, clients: [], users: [], refreshTokens: [] }), /pools: Invalid input/],
    [
      'records that are not records',
      JSON.stringify({ version: 1, pools: [42], clients: [], users: [], refreshTokens: [] }),
      /pools\[0\]: the record: /,
    ],
    [
      'a user without a username',
      JSON.stringify({ version: 1, pools: [], clients: [], users: [{ poolId: 'p', sub: 's' }], refreshTokens: [] }),
      /users\[0\] \(poolId "p"\): username: /,
    ],
  ])('wrong shape (%s) → CorruptStateError naming the place', (_label, content, reason) => {
    writeFileSync(file, content)
    const corrupt = expectCorrupt(() => loadSnapshot(file), file)
    expect(corrupt.message).toMatch(reason)
    expect(readFileSync(file, 'utf8')).toBe(content)
  })

  test('the emulator refuses to start on it rather than replacing it', async () => {
    writeFileSync(file, '{"version":1,')
    await expect(startEmulator({ port: 0, statePath: file, log: () => {} })).rejects.toBeInstanceOf(CorruptStateError)
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,')
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false)
    expect(existsSync(`${file}.journal`)).toBe(false)
  })
})

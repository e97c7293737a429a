import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, fstatSync } from 'node:fs'
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
function bigState(tag: string): PersistentState {
  return {
    version: 1,
    pools: [],
    clients: [],
    users: Array.from({ length: 20_000 }, (_, i) => ({
      poolId: 'us-east-1_Big',
      username: `${tag}-user-${i}`,
      sub: `sub-${i}`,
      attributes: { email: `user${i}@example.com` },
    })),
    refreshTokens: [],
  } as unknown as PersistentState
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
  })

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
    ['a missing list', JSON.stringify({ version: 1, pools: [], clients: [], users: [] })],
    ['a list that is not a list', JSON.stringify({ version: 1, pools: {}, clients: [], users: [], refreshTokens: [] })],
    ['records that are not records', JSON.stringify({ version: 1, pools: [42], clients: [], users: [], refreshTokens: [] })],
    ['a user without a username', JSON.stringify({ version: 1, pools: [], clients: [], users: [{ poolId: 'p', sub: 's' }], refreshTokens: [] })],
  ])('wrong shape (%s) → CorruptStateError', (_label, content) => {
    writeFileSync(file, content)
    const corrupt = expectCorrupt(() => loadSnapshot(file), file)
    expect(corrupt.message).toMatch(/not a state file/)
    expect(readFileSync(file, 'utf8')).toBe(content)
  })

  test('the emulator refuses to start on it rather than replacing it', async () => {
    writeFileSync(file, '{"version":1,')
    await expect(startEmulator({ port: 0, statePath: file, log: () => {} })).rejects.toBeInstanceOf(CorruptStateError)
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,')
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false)
  })
})

describe('a save that fails', () => {
  const PREFIX = 'AWSCognitoIdentityProviderService.'

  test('answers 500 and leaves the state as it was (as the file still has it); the next save works again', async () => {
    const emulator = await startEmulator({ port: 0, statePath: file, seed: false, log: () => {} })
    const post = async (operation: string, body: object) => {
      const response = await fetch(emulator.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${PREFIX}${operation}` },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const created = await post('CreateUserPool', { PoolName: 'kept' })
      expect(created.status).toBe(200)
      const poolId = (created.body as { UserPool: { Id: string } }).UserPool.Id
      const saved = structuredClone(emulator.store.toJSON())
      expect(loadSnapshot(file)).toEqual(saved)

      // A directory where the file was: the rename that ends every save now fails.
      rmSync(file)
      mkdirSync(file)
      // An update of a stored record and a new record: both must be undone.
      const update = await post('SetUserPoolMfaConfig', {
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      })
      const insert = await post('CreateUserPool', { PoolName: 'lost' })
      for (const failed of [update, insert]) {
        expect(failed).toEqual({ status: 500, body: { __type: 'InternalErrorException', message: 'An internal error occurred.' } })
      }
      expect(errors).toHaveBeenCalledTimes(2)
      expect(emulator.store.toJSON()).toEqual(saved)
      expect((await post('GetUserPoolMfaConfig', { UserPoolId: poolId })).body.MfaConfiguration).toBe('OFF')

      rmSync(file, { recursive: true })
      expect((await post('CreateUserPool', { PoolName: 'after' })).status).toBe(200)
      expect(loadSnapshot(file)?.pools.map((pool) => pool.name)).toEqual(['kept', 'after'])
      expect(loadSnapshot(file)?.pools[0]).toEqual(saved.pools[0])
    } finally {
      errors.mockRestore()
      await emulator.close()
    }
  })
})

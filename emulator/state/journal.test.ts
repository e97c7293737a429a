// Issue 9, item 9 (storage): a write appends one fsynced line to the journal instead of rewriting the
// whole state file, so its cost does not grow with the pool; the journal is replayed at load (a torn
// last line dropped) and compacted into the snapshot at start and when it outgrows it.
import * as fs from 'node:fs'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type RunningEmulator } from '../server.ts'
import { PASSWORD } from '../test-support.ts'
import { frame, JournalWriter } from './journal.ts'
import type { PersistentState, UserRecord } from './model.ts'
import { CorruptStateError } from './snapshot.ts'
import { StateFiles } from './state-files.ts'
import { Store } from './store.ts'

// Writes can be made to fail part-way (a full disk) while `failWrites` is set; all else is the real fs.
const faults = vi.hoisted(() => ({ failWrites: false, failTruncate: false, failFsync: false }))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  return {
    ...real,
    writeSync: (fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
      if (!faults.failWrites) return real.writeSync(fd, buffer, offset, length, position)
      real.writeSync(fd, buffer, offset, Math.floor(length / 2), position) // half of it reached the file
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    },
    // A whole line written, then the flush refused (the disk may or may not hold it).
    fsyncSync: (fd: number) => {
      if (faults.failFsync) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })
      real.fsyncSync(fd)
    },
    ftruncateSync: (fd: number, length: number) => {
      if (faults.failTruncate) throw Object.assign(new Error('EIO: i/o error, ftruncate'), { code: 'EIO' })
      real.ftruncateSync(fd, length)
    },
  }
})

let dir: string
let file: string
let journal: string
const running: RunningEmulator[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-journal-'))
  file = join(dir, 'state.json')
  journal = `${file}.journal`
  faults.failWrites = false
  faults.failTruncate = false
  faults.failFsync = false
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()))
  rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, statePath: file, log: () => {} })
  running.push(emulator)
  return emulator
}

const lines = () => readFileSync(journal, 'utf8').split('\n').filter(Boolean)
/** What a new emulator would start from (snapshot + journal), without compacting. */
const reloaded = () => StateFiles.open(file).state

/** `count` more users in the first pool, copies of alice: a big pool without computing thousands of verifiers. */
function withUsers(state: PersistentState, count: number): PersistentState {
  const alice = state.users.find((user) => user.username === 'alice')!
  const extra: UserRecord[] = Array.from({ length: count }, (_, i) => ({ ...alice, username: `user-${i}`, sub: `sub-${i}` }))
  return { ...state, users: [...state.users, ...extra] }
}

test('a write appends one line to the journal and leaves the snapshot as it was; a restart replays it', async () => {
  const emulator = await start()
  const pool = emulator.pools()[0]
  const snapshot = { bytes: readFileSync(file), ino: statSync(file).ino }
  expect(lines()).toHaveLength(1) // the header

  await fetch(emulator.url, {
    method: 'POST',
    headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminCreateUser' },
    body: JSON.stringify({ UserPoolId: pool.userPoolId, Username: 'journal-user', TemporaryPassword: PASSWORD, MessageAction: 'SUPPRESS' }),
  })
  expect(lines()).toHaveLength(2)
  expect(readFileSync(file).equals(snapshot.bytes)).toBe(true)
  expect(statSync(file).ino).toBe(snapshot.ino)
  expect(reloaded()).toEqual(emulator.store.toJSON())

  // A restart folds the journal into a new snapshot and starts an empty journal.
  await emulator.close()
  running.splice(0)
  const again = await start()
  expect(again.store.toJSON()).toEqual(emulator.store.toJSON())
  expect(lines()).toHaveLength(1)
})

test("a write's cost does not grow with the pool: a sign-in adds the same bytes with 3 users or 3,000, the snapshot is not rewritten", async () => {
  const growth = async (users: number) => {
    const seed = await start()
    const pool = seed.pools()[0]
    const state = seed.store.toJSON()
    await seed.close()
    running.splice(0)
    writeFileSync(file, JSON.stringify(withUsers(state, users)))
    rmSync(journal)
    const emulator = await start()
    const before = { journal: statSync(journal).size, snapshot: statSync(file).mtimeMs }
    const signIn = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminInitiateAuth' },
      body: JSON.stringify({
        UserPoolId: pool.userPoolId,
        ClientId: pool.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD: pool.users[0].password },
      }),
    })
    expect(signIn.status).toBe(200)
    expect(statSync(file).mtimeMs).toBe(before.snapshot)
    const added = statSync(journal).size - before.journal
    await emulator.close()
    running.splice(0)
    rmSync(file)
    rmSync(journal)
    return added
  }
  const small = await growth(0)
  const large = await growth(3_000)
  expect(small).toBeGreaterThan(0)
  // The same record (a refresh token family) either way; only its random ids differ in length by a few bytes.
  expect(Math.abs(large - small)).toBeLessThan(small * 0.1)
}, 60_000)

describe('replay', () => {
  async function stateWithJournal(): Promise<PersistentState> {
    const emulator = await start()
    const pool = emulator.pools()[0]
    for (const username of ['j1', 'j2']) {
      await fetch(emulator.url, {
        method: 'POST',
        headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminCreateUser' },
        body: JSON.stringify({ UserPoolId: pool.userPoolId, Username: username, TemporaryPassword: PASSWORD, MessageAction: 'SUPPRESS' }),
      })
    }
    await fetch(emulator.url, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminDeleteUser' },
      body: JSON.stringify({ UserPoolId: pool.userPoolId, Username: 'j1' }),
    })
    expect(lines()).toHaveLength(4)
    const state = emulator.store.toJSON()
    await emulator.close()
    running.splice(0)
    return state
  }

  test('puts and removes are replayed in order over the snapshot', async () => {
    const state = await stateWithJournal()
    expect(state.users.map((user) => user.username)).toContain('j2')
    expect(state.users.map((user) => user.username)).not.toContain('j1')
    expect(reloaded()).toEqual(state)
  })

  test('a last line cut short (a kill while it was written) is dropped: it was never acknowledged', async () => {
    const state = await stateWithJournal()
    const unacknowledged = frame({ put: { users: [{ ...state.users[0], username: 'torn' }] }, remove: {} })
    const acknowledged = lines()
    appendFileSync(journal, unacknowledged.slice(0, unacknowledged.length / 2))
    const opened = StateFiles.open(file)
    expect(opened.tornTail).toBe(true)
    expect(opened.state).toEqual(state)
    // A whole last line whose bytes did not all reach the disk (checksum wrong): dropped too.
    writeFileSync(journal, acknowledged.join('\n') + '\n' + unacknowledged.replace('torn', 'tore'))
    const reopened = StateFiles.open(file)
    expect(reopened.tornTail).toBe(true)
    expect(reopened.state).toEqual(state)
    // And the emulator starts on it, folding the good lines in.
    const emulator = await start()
    expect(emulator.store.toJSON()).toEqual(state)
    expect(lines()).toHaveLength(1)
  })

  test('a damaged line before the last is a CorruptStateError naming it, and the files are left as they were', async () => {
    await stateWithJournal()
    const damaged = lines()
    damaged[1] = damaged[1].replace('j1', 'jX') // the checksum no longer matches
    writeFileSync(journal, damaged.join('\n') + '\n')
    const before = { snapshot: readFileSync(file, 'utf8'), journal: readFileSync(journal, 'utf8') }
    expect(() => StateFiles.open(file)).toThrow(CorruptStateError)
    await expect(start()).rejects.toThrow(/state\.json\.journal cannot be read \(line 2 is damaged/)
    expect(readFileSync(file, 'utf8')).toBe(before.snapshot)
    expect(readFileSync(journal, 'utf8')).toBe(before.journal)
  })

  test('a journal line whose record is half-valid is named', async () => {
    const state = await stateWithJournal()
    const { srp: _srp, ...noVerifier } = state.users[0]
    appendFileSync(journal, frame({ put: { users: [noVerifier] }, remove: {} }))
    expect(() => StateFiles.open(file)).toThrow(/line 5: put users\[0\] \(username "alice", poolId "[^"]+"\): srp: Invalid input/)
  })

  test('a journal left from before a compaction (another id) is ignored: the snapshot holds its changes', async () => {
    const state = await stateWithJournal()
    const stale = [frame({ journal: 1, id: 'an-older-journal' }), frame({ put: {}, remove: { pools: state.pools.map((pool) => pool.id) } })]
    writeFileSync(journal, stale.join(''))
    // Its lines would remove every pool; the snapshot, which already holds what they said, wins.
    const { journalId: _id, ...snapshot } = JSON.parse(readFileSync(file, 'utf8')) as PersistentState & { journalId: string }
    expect(snapshot.pools).toHaveLength(state.pools.length)
    expect(StateFiles.open(file).state).toEqual(snapshot)
  })
})

describe('compaction', () => {
  test('when the journal outgrows the snapshot it is folded into a new snapshot and starts again', async () => {
    const seed = await start()
    const initial = seed.store.toJSON()
    await seed.close()
    running.splice(0)

    const { files, state } = StateFiles.open(file, { minBytes: 4096, ratio: 0.5 })
    const store = new Store(state)
    files.compact(store.toJSON())
    const alice = store.findUser(store.requirePool(initial.users[0].poolId), 'alice')!
    let writes = 0
    while (!files.wantsCompaction()) {
      store.updateUser(alice, { failedPasswordAttempts: ++writes })
      files.commit(store.changes()!, () => store.toJSON())
      store.forgetChanges()
    }
    expect(writes).toBeGreaterThan(1)
    files.compact(store.toJSON())
    files.close()
    expect(lines()).toHaveLength(1)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      users: expect.arrayContaining([expect.objectContaining({ failedPasswordAttempts: writes })]),
    })
    expect(reloaded()).toEqual(store.toJSON())
  })
})

describe('a journal write that fails', () => {
  async function opened() {
    const seed = await start()
    await seed.close()
    running.splice(0)
    const { files, state } = StateFiles.open(file)
    const store = new Store(state)
    files.compact(store.toJSON())
    const alice = store.findUser(store.requirePool(store.listPools()[0].id), 'alice')!
    const write = (attempts: number) => {
      store.updateUser(alice, { failedPasswordAttempts: attempts })
      files.commit(store.changes()!, () => store.toJSON())
      store.forgetChanges()
    }
    return { files, store, write }
  }

  test('half a line that reached the file is cut off again, so the next line is whole and nothing rejected is replayed', async () => {
    const { files, write } = await opened()
    write(1)
    const good = readFileSync(journal, 'utf8')
    faults.failWrites = true
    expect(() => write(2)).toThrow(/ENOSPC/)
    faults.failWrites = false
    expect(readFileSync(journal, 'utf8')).toBe(good)
    write(3)
    files.close()
    expect(lines()).toHaveLength(3)
    expect(reloaded()?.users.find((user) => user.username === 'alice')?.failedPasswordAttempts).toBe(3)
  })

  test('a compaction whose new journal cannot be made still keeps the write: the snapshot holds it, and the next write compacts again', async () => {
    const { files, store, write } = await opened()
    faults.failWrites = true
    faults.failTruncate = true
    expect(() => write(2)).toThrow(/ENOSPC/)
    faults.failWrites = false
    faults.failTruncate = false
    // The write after that rewrites the snapshot, then cannot make the journal: it was saved all the same.
    vi.spyOn(JournalWriter, 'create').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, open'), { code: 'ENOSPC' })
    })
    expect(() => write(4)).not.toThrow()
    expect(reloaded()).toEqual(store.toJSON())
    write(5)
    files.close()
    expect(reloaded()).toEqual(store.toJSON())
    vi.restoreAllMocks()
  })

  test('a whole line answered 500 (flush and cut refused) is never replayed: the undone state replaces the journal', async () => {
    const seed = await start()
    await seed.close()
    running.splice(0)
    const emulator = await start()
    const [pool] = emulator.pools()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    faults.failFsync = true
    faults.failTruncate = true
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.SignUp' },
      body: JSON.stringify({ ClientId: pool.clientId, Username: 'mallory', Password: PASSWORD }),
    })
    expect(response.status).toBe(500)
    // The disk works again, but no other write comes before the stop.
    faults.failFsync = false
    faults.failTruncate = false
    await emulator.close()
    running.splice(0)
    expect(reloaded()?.users.map((user) => user.username)).not.toContain('mallory')
    expect(errors).toHaveBeenCalled()
    errors.mockRestore()
  })

  test('when even the cut fails, the next write replaces the journal by a new snapshot (the half line never counts)', async () => {
    const { files, store, write } = await opened()
    faults.failWrites = true
    faults.failTruncate = true
    expect(() => write(2)).toThrow(/ENOSPC/)
    faults.failWrites = false
    faults.failTruncate = false
    expect(fs.readFileSync(journal, 'utf8').split('\n')).toEqual([expect.any(String), expect.stringMatching(/^[0-9a-f]{8} \{/)]) // header, half a line
    write(4)
    files.close()
    expect(lines()).toHaveLength(1)
    expect(reloaded()).toEqual(store.toJSON())
  })
})

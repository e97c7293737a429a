// One emulator per state file (ADR 013): a second one would compact the snapshot and replace the
// journal under the first, whose later writes would then be lost. The lock names its owner's pid; a
// lock left by a killed emulator is taken over.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../server.ts'
import { StateInUseError } from './state-files.ts'

let dir: string
let file: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-lock-'))
  file = join(dir, 'state.json')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

test('a state file locked by a running process is refused, and nothing of it is touched', async () => {
  const first = await startEmulator({ port: 0, statePath: file, log: () => {} })
  await first.close()
  const before = { snapshot: readFileSync(file, 'utf8'), journal: readFileSync(`${file}.journal`, 'utf8') }
  // The parent of this test runner: a live process other than this one, as another emulator would be.
  writeFileSync(`${file}.lock`, `${process.ppid}\n`)
  const started = startEmulator({ port: 0, statePath: file, log: () => {} })
  await expect(started).rejects.toBeInstanceOf(StateInUseError)
  await expect(started).rejects.toThrow(`in use by another emulator (process ${process.ppid}`)
  expect(readFileSync(file, 'utf8')).toBe(before.snapshot)
  expect(readFileSync(`${file}.journal`, 'utf8')).toBe(before.journal)
  expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.ppid}\n`)
})

test('a lock left by a killed emulator (its process gone) is taken over, and given back at close', async () => {
  const gone = spawnSync(process.execPath, ['-e', '0']).pid
  writeFileSync(`${file}.lock`, `${gone}\n`)
  const emulator = await startEmulator({ port: 0, statePath: file, log: () => {} })
  expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`)
  await emulator.close()
  expect(existsSync(`${file}.lock`)).toBe(false)
})

test('a start that fails gives the lock back', async () => {
  writeFileSync(file, '{"version":1,')
  await expect(startEmulator({ port: 0, statePath: file, log: () => {} })).rejects.toThrow(/cannot be read/)
  expect(existsSync(`${file}.lock`)).toBe(false)
})

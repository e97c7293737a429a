// Issue 9: kill -9 at random moments while clients write, restart on the same state file, and check
// that every acknowledged write is there (users created stay, users deleted stay gone, refresh tokens
// handed out still refresh), that the state loads, and that no temp file is left. The emulator runs as
// `npm start` runs it: a child process with --state.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'

const CYCLES = 4
const WORKERS = 4
const PASSWORD = 'Kill-test-2026!'

let dir: string
let child: ChildProcessByStdio<null, Readable, Readable> | undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cognito-totp-kill-'))
})

afterEach(async () => {
  child?.kill('SIGKILL')
  await rm(dir, { recursive: true, force: true })
})

async function startChild(statePath: string): Promise<string> {
  const started = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', '0', '--state', statePath], {
    cwd: new URL('../..', import.meta.url),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = started
  let output = ''
  return new Promise<string>((resolve, reject) => {
    started.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text
      const ready = /^READY (\S+)$/m.exec(output)
      if (ready) resolve(ready[1])
    })
    started.stderr.setEncoding('utf8').on('data', (text: string) => (output += text))
    started.once('exit', (code, signal) => reject(new Error(`the emulator exited (${code ?? signal}) before READY:\n${output}`)))
  })
}

function killChild(): Promise<void> {
  const running = child!
  child = undefined
  return new Promise((resolve) => {
    running.once('exit', () => resolve())
    running.kill('SIGKILL')
  })
}

type Reply = { status: number; body: Record<string, unknown> }

async function call(url: string, operation: string, body: object): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const random = (below: number) => Math.floor(Math.random() * below)

test(`${CYCLES} kill -9 restarts under concurrent writes lose no acknowledged write`, async () => {
  const statePath = join(dir, 'state.json')
  let url = await startChild(statePath)
  const { body: pools } = await call(url, 'ListUserPools', { MaxResults: 10 })
  const poolId = (pools.UserPools as Array<{ Id: string }>)[0].Id
  const { body: clients } = await call(url, 'ListUserPoolClients', { UserPoolId: poolId })
  const clientId = (clients.UserPoolClients as Array<{ ClientId: string }>)[0].ClientId
  const create = (username: string) =>
    call(url, 'AdminCreateUser', { UserPoolId: poolId, Username: username, TemporaryPassword: PASSWORD, MessageAction: 'SUPPRESS' })
  expect((await create('keeper')).status).toBe(200)
  expect((await call(url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'keeper', Password: PASSWORD, Permanent: true })).status).toBe(200)

  // What the server acknowledged (a 200 came back), and what was in flight at a kill (either outcome is right).
  const present = new Set<string>(['keeper'])
  const deleted = new Set<string>()
  const refreshTokens: string[] = []
  const unsure = new Set<string>()
  let next = 0
  let acknowledged = 0

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    let killed = false
    const worker = async () => {
      while (!killed) {
        const pick = random(10)
        const deletable = [...present].filter((name) => name !== 'keeper')
        let name = ''
        try {
          if (pick < 3 && deletable.length > 0) {
            name = deletable[random(deletable.length)]
            present.delete(name)
            unsure.add(name)
            const reply = await call(url, 'AdminDeleteUser', { UserPoolId: poolId, Username: name })
            expect(reply.status).toBe(200)
            deleted.add(name)
          } else if (pick < 6) {
            const reply = await call(url, 'AdminInitiateAuth', {
              UserPoolId: poolId,
              ClientId: clientId,
              AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: 'keeper', PASSWORD },
            })
            expect(reply.status).toBe(200)
            refreshTokens.push((reply.body.AuthenticationResult as { RefreshToken: string }).RefreshToken)
          } else {
            name = `user-${cycle}-${next++}`
            unsure.add(name)
            expect((await create(name)).status).toBe(200)
            present.add(name)
          }
          unsure.delete(name)
          acknowledged++
        } catch (error) {
          // Only a request cut off by the kill may fail; then its outcome is unknown.
          if (!killed) throw error
        }
      }
    }
    const workers = Array.from({ length: WORKERS }, worker)
    await new Promise((resolve) => setTimeout(resolve, 200 + random(800)))
    killed = true
    await killChild()
    await Promise.all(workers)

    url = await startChild(statePath)
    // Every acknowledged write is there; none of the temp files a kill can leave remain.
    for (const name of present) {
      if (unsure.has(name)) continue
      const reply = await call(url, 'AdminGetUser', { UserPoolId: poolId, Username: name })
      expect(reply.status, `${name} was acknowledged as created`).toBe(200)
    }
    for (const name of deleted) {
      if (unsure.has(name)) continue
      const reply = await call(url, 'AdminGetUser', { UserPoolId: poolId, Username: name })
      expect(reply.body.__type, `${name} was acknowledged as deleted`).toBe('UserNotFoundException')
    }
    for (const token of refreshTokens.splice(0)) {
      const reply = await call(url, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: token } })
      expect(reply.status, 'a refresh token handed out before the kill').toBe(200)
    }
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
    unsure.clear()
  }
  expect(acknowledged).toBeGreaterThan(CYCLES * 5)
  expect((await stat(statePath)).mode & 0o777).toBe(0o600)
  await killChild()
}, 60_000)

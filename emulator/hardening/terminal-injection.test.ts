// Issue 9, item 5: nothing a request supplies can write a line of its own to the emulator's
// terminal, such as a forged `READY http://…` (the line test harnesses wait for), or send the
// terminal escape sequences (docs/cognito-behaviour.md#input-limits).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { printable, printableError } from '../printable.ts'
import { startEmulator, type RunningEmulator } from '../server.ts'

const TARGET = 'AWSCognitoIdentityProviderService'
const FORGED = 'READY http://evil.example'
// C0 and C1 controls, DEL, line and paragraph separators, bidi overrides, lone surrogates.
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/

async function call(emulator: RunningEmulator, operation: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.${operation}` },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('printable', () => {
  test.each([
    ['a line break', 'a\nREADY http://x', 'a\\nREADY http://x'],
    ['a carriage return', 'a\rb', 'a\\rb'],
    ['ESC (an ANSI colour)', '\u001b[31mred', '\\u001b[31mred'],
    ['a C1 control (CSI)', 'a\u009b2J', 'a\\u009b2J'],
    ['DEL', 'a\u007f', 'a\\u007f'],
    ['the line separator', 'a\u2028b', 'a\\u2028b'],
    ['a bidi override', '\u202eevil', '\\u202eevil'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
  ])('escapes %s', (_what, text, expected) => {
    expect(printable(text)).toBe(expected)
  })

  test('is idempotent: a line escaped where it was written is not escaped again by the log', () => {
    const once = printable('a\nb\u001b\\x9b')
    expect(printable(once)).toBe(once)
  })

  test('keeps what prints as itself: Japanese, accents, emoji (a surrogate pair), spaces', () => {
    const text = 'ユーザー josé 😀 a b'
    expect(printable(text)).toBe(text)
  })

  test('an error with a forged line in its message prints the message on one line, the stack frames under it', () => {
    const output = printableError(new Error(`user x\n${FORGED}`))
    expect(output.split('\n')[0]).toBe(`Error: user x\\n${FORGED}`)
    expect(
      output
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('    at ')),
    ).toBe(true)
  })
})

describe('deps.log lines (confirmation codes and the like)', () => {
  let emulator: RunningEmulator
  const lines: string[] = []

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, log: (line) => lines.push(line) })
  })

  afterAll(async () => {
    await emulator.close()
  })

  test('a username carrying a line break or an escape sequence is refused, so never printed', async () => {
    const pool = emulator.pools()[0]
    for (const username of [`evil\n${FORGED}`, '\u001b]0;title\u0007', 'a\u009b2J']) {
      const result = await call(emulator, 'SignUp', { ClientId: pool.clientId, Username: username, Password: 'Escape-2026!' })
      expect(result.json.__type).toBe('InvalidParameterException')
    }
    expect(lines.some((line) => line.includes('READY'))).toBe(false)
  })

  test('an email attribute with escape sequences is printed escaped in the confirmation-code line', async () => {
    const pool = emulator.pools()[0]
    const email = 'a\u001b[2J\u009b31m@evil.example'
    const result = await call(emulator, 'SignUp', {
      ClientId: pool.clientId,
      Username: 'escaped',
      Password: 'Escape-2026!',
      UserAttributes: [{ Name: 'email', Value: email }],
    })
    expect(result.status).toBe(200)
    const line = lines.find((candidate) => candidate.startsWith('Confirmation code for escaped'))
    expect(line).toContain('a\\u001b[2J\\u009b31m@evil.example')
    for (const logged of lines) expect(logged).not.toMatch(RAW_CONTROL)
  })

  test('a verified email with escape sequences is printed escaped in the password-reset-code line', async () => {
    const pool = emulator.pools()[0]
    const email = 'b\u001b[2J\u009b31m@evil.example'
    const created = await call(emulator, 'AdminCreateUser', {
      UserPoolId: pool.userPoolId,
      Username: 'escaped-reset',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    })
    expect(created.status).toBe(200)
    await call(emulator, 'AdminSetUserPassword', {
      UserPoolId: pool.userPoolId,
      Username: 'escaped-reset',
      Password: 'Escape-2026!',
      Permanent: true,
    })
    expect((await call(emulator, 'ForgotPassword', { ClientId: pool.clientId, Username: 'escaped-reset' })).status).toBe(200)
    const line = lines.find((candidate) => candidate.startsWith('Password reset code for escaped-reset'))
    expect(line).toContain('b\\u001b[2J\\u009b31m@evil.example')
    for (const logged of lines) expect(logged).not.toMatch(RAW_CONTROL)
  })
})

describe('the start-up listing of `npm run emulator`', () => {
  let directory: string

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'emulator-escape-'))
  })

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true })
  })

  test('a pool whose name carries a line break cannot put a forged READY line on stdout', { timeout: 60_000 }, async () => {
    const statePath = join(directory, 'state.json')
    // PoolName's pattern allows white space, line breaks included (but no ':' or '/').
    const forgedPoolName = 'Evil\nREADY evil.example'
    const setUp = await startEmulator({ port: 0, statePath, log: () => {} })
    const created = await call(setUp, 'CreateUserPool', { PoolName: forgedPoolName })
    expect(created.status).toBe(200)
    const poolId = (created.json.UserPool as { Id: string }).Id
    expect((await call(setUp, 'CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'app' })).status).toBe(200)
    await setUp.close()

    const lines = await startUpLines(['--port', '0', '--state', statePath])
    const ready = lines.filter((line) => line.startsWith('READY'))
    expect(ready).toHaveLength(1)
    expect(ready[0]).toMatch(/^READY http:\/\/127\.0\.0\.1:\d+$/)
    expect(lines).toContain(`${printable(forgedPoolName)} (MFA OFF)`)
  })
})

/** stdout of `emulator/main.ts` up to and including its READY line; the process is then stopped. */
function startUpLines(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
      const lines = output.split('\n')
      if (lines.some((line) => /^READY http:\/\/127\.0\.0\.1:\d+$/.test(line))) {
        child.kill('SIGTERM')
        resolve(lines)
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`emulator exited (${code}) before READY:\n${output}`)))
  })
}

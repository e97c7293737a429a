// `npm run emulator -- --no-seed` (issue 12, item 4): an empty local pool for suites that create and count
// their own pools; the app's local mode then finds no pool to offer (GET /_local/config).
import { spawn } from 'node:child_process'
import { CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider'
import { sdkClient } from './harness.ts'

/** Runs emulator/main.ts with `args` until it prints READY; returns its URL, what it printed, and how to stop it. */
async function runEmulator(args: string[]): Promise<{ url: string; output: () => string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts', '--port', '0', ...args], {
    cwd: new URL('../..', import.meta.url),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text
      const ready = /^READY (\S+)$/m.exec(output)
      if (ready) resolve(ready[1])
    })
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text))
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}):\n${output}`)))
  })
  return { url, output: () => output, stop: () => child.kill() }
}

test('--no-seed starts with no pools: ListUserPools counts only the pools a suite creates, and the app finds none to offer', async () => {
  const emulator = await runEmulator(['--no-seed'])
  try {
    expect(emulator.output()).toContain('No pools (--no-seed)')
    const sdk = sdkClient(emulator.url)
    expect((await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools).toEqual([])
    expect(await (await fetch(`${emulator.url}/_local/config`)).json()).toEqual({ pools: [] })
    await sdk.send(new CreateUserPoolCommand({ PoolName: 'mine' }))
    expect((await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.map((pool) => pool.Name)).toEqual(['mine'])
  } finally {
    emulator.stop()
  }
}, 30_000)

test('--no-seed with --template is refused before anything listens', async () => {
  await expect(runEmulator(['--no-seed', '--template', 'infra/user-pool.yaml'])).rejects.toThrow(
    '--no-seed and --template both say what an empty state starts with: give one',
  )
}, 30_000)

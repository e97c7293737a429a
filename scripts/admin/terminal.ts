// The real terminal for `npm run admin`. Passwords and codes are read with Node's own readline
// with its output muted while the answer is typed: no dependency (and no install) for one muted
// prompt, and the same code reads a piped stdin (no TTY) line by line.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { existsSync, readFileSync } from 'node:fs'
import { createInterface, type Interface } from 'node:readline'
import { Writable } from 'node:stream'
import type { AdminDeps, AdminIo, ClientOptions } from './run.ts'

type Streams = { input: NodeJS.ReadableStream & { isTTY?: boolean }; output: NodeJS.WritableStream }

/**
 * Prompts on `output` (stderr, so `--json` on stdout stays clean), reading answers from `input`
 * through one readline for the whole run, so answers piped in on several lines are all read.
 * While a secret is typed, what the terminal would echo is dropped.
 */
export function terminalPrompt({ input, output }: Streams): { prompt: AdminIo['prompt']; close: () => void } {
  let muted = false
  let readline: Interface | undefined
  // Lines that arrived before their prompt (piped input comes all at once), and prompts waiting.
  const early: string[] = []
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = []
  let ended = false
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) output.write(chunk)
      done()
    },
  })
  const open = (): Interface => {
    if (readline) return readline
    readline = createInterface({ input, output: sink, terminal: input.isTTY === true })
    readline.on('line', (line) => {
      const next = waiting.shift()
      if (next) next.resolve(line)
      else early.push(line)
    })
    readline.on('close', () => {
      ended = true
      for (const next of waiting.splice(0)) next.reject(new Error('no answer: the input ended'))
    })
    return readline
  }
  return {
    prompt: async (question, { secret }) => {
      const lines = open()
      lines.setPrompt(question)
      lines.prompt()
      // The question is written by now; mute the echo of the answer.
      muted = secret
      try {
        return await new Promise<string>((resolve, reject) => {
          const line = early.shift()
          if (line !== undefined) resolve(line)
          else if (ended) reject(new Error('no answer: the input ended'))
          else waiting.push({ resolve, reject })
        })
      } finally {
        muted = false
        if (secret) output.write('\n')
      }
    },
    close: () => readline?.close(),
  }
}

export function terminalDeps(): AdminDeps & { close: () => void } {
  const { prompt, close } = terminalPrompt({ input: process.stdin, output: process.stderr })
  return {
    io: {
      stdout: (text) => process.stdout.write(`${text}\n`),
      stderr: (text) => process.stderr.write(`${text}\n`),
      prompt,
    },
    createClient: createSdkClient,
    readAmplifyOutputs: () => (existsSync('amplify_outputs.json') ? readFileSync('amplify_outputs.json', 'utf8') : undefined),
    close,
  }
}

/**
 * The SDK client with its default credential chain and region. Against another endpoint (the
 * local pool) with no credentials configured, fixed ones: the local pool does not check
 * signatures, but the SDK will not send an unsigned admin call.
 */
export function createSdkClient({ endpoint, region }: ClientOptions): CognitoIdentityProviderClient {
  const configured = Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_PROFILE)
  return new CognitoIdentityProviderClient({
    region: region ?? (endpoint ? 'us-east-1' : undefined),
    endpoint,
    ...(endpoint && !configured ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  })
}

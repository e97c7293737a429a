// The real terminal for `npm run admin`. Passwords and codes are read with Node's own readline
// with its output muted while the answer is typed: no dependency for one muted prompt, and it
// also reads a piped stdin (no TTY) line by line.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import { existsSync, readFileSync } from 'node:fs'
import { createInterface, type Interface } from 'node:readline/promises'
import { Writable } from 'node:stream'
import type { AdminDeps, ClientOptions } from './run.ts'

/** One readline for the whole run, so answers piped in on several lines are all read. */
export function terminalDeps(): AdminDeps & { close: () => void } {
  let muted = false
  let readline: Interface | undefined
  // Prompts go to stderr, so `--json` output on stdout stays clean.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    },
  })
  return {
    io: {
      stdout: (text) => process.stdout.write(`${text}\n`),
      stderr: (text) => process.stderr.write(`${text}\n`),
      prompt: async (question, { secret }) => {
        readline ??= createInterface({ input: process.stdin, output: sink, terminal: process.stdin.isTTY === true })
        const answer = readline.question(question)
        // The question is written by now; mute what the terminal would echo of the answer.
        muted = secret
        try {
          return await answer
        } finally {
          muted = false
          if (secret) process.stderr.write('\n')
        }
      },
    },
    createClient: createSdkClient,
    readAmplifyOutputs: () => (existsSync('amplify_outputs.json') ? readFileSync('amplify_outputs.json', 'utf8') : undefined),
    close: () => readline?.close(),
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

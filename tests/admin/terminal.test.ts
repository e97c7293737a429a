import { PassThrough } from 'node:stream'
import { stripVTControlCharacters } from 'node:util'
import { terminalPrompt } from '../../scripts/admin/terminal.ts'

/** A fake terminal: typed keys go in, everything the prompt writes (echo included) is recorded. */
function fakeTerminal(isTTY: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY })
  const output = new PassThrough()
  let written = ''
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')))
  return { input, output, written: () => stripVTControlCharacters(written) }
}

describe('terminalPrompt', () => {
  test('on a TTY a secret is not echoed; a plain answer is', async () => {
    const terminal = fakeTerminal(true)
    const { prompt, close } = terminalPrompt(terminal)
    const password = prompt('Password for alice: ', { secret: true })
    terminal.input.write('Hunter2-secret\r')
    expect(await password).toBe('Hunter2-secret')
    const confirm = prompt('Sure? [y/N] ', { secret: false })
    terminal.input.write('yes\r')
    expect(await confirm).toBe('yes')
    close()
    expect(terminal.written()).toContain('Password for alice: ')
    expect(terminal.written()).not.toContain('Hunter2')
    expect(terminal.written()).toContain('Sure? [y/N] yes')
  })

  test('piped input (no TTY): one line per prompt, none lost between prompts', async () => {
    const terminal = fakeTerminal(false)
    const { prompt, close } = terminalPrompt(terminal)
    terminal.input.write('Hunter2-secret\n123456\n')
    expect(await prompt('Password: ', { secret: true })).toBe('Hunter2-secret')
    expect(await prompt('Code: ', { secret: true })).toBe('123456')
    close()
    expect(terminal.written()).not.toMatch(/Hunter2|123456/)
  })
})

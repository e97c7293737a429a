// Journey 3: entering codes at sign-in as people do — a wrong code, then the right one; a code
// typed with a space; a pasted code with a dash; it submits by itself at the sixth digit, once.
import { phoneCode } from '../support/phone-totp.ts'
import { setupE2E } from './harness.ts'
import { isFocused, ui, visible, wrongCode } from './steps.ts'

const e2e = setupE2E()

/** The codes the pool would accept right now (it allows one 30-second step either side). */
async function acceptedCodes(setupKey: string): Promise<string[]> {
  const now = await e2e.emulator.now()
  return [-30_000, 0, 30_000].map((offset) => phoneCode(setupKey, now + offset))
}

describe('journey 3', () => {
  test('a wrong code is refused and cleared, then the right one typed with a space signs in; no submit before the sixth digit', async () => {
    const session = await e2e.openApp()
    const app = ui(session)
    const { page, guard } = session
    // The refused codes are HTTP 400 answers, which Chromium reports in the console.
    guard.allowConsoleError(/status of 400/)
    const user = await e2e.emulator.createUserWithTotp('liam')

    await app.signIn(user)
    await visible(app.totpHeading())
    const field = app.totpField()
    // Ready to type: focused, the phone's numeric keypad, and one-time-code autofill.
    expect(await isFocused(field)).toBe(true)
    expect(await field.getAttribute('inputmode')).toBe('numeric')
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code')
    await visible(app.textOf('signIn.totp.autoSubmit'))

    const wrong = wrongCode(await acceptedCodes(user.setupKey))
    const answersBefore = guard.count('RespondToAuthChallenge')
    await field.pressSequentially(wrong.slice(0, 5))
    await page.waitForTimeout(300)
    expect(guard.count('RespondToAuthChallenge')).toBe(answersBefore)
    await field.press(wrong[5])

    await visible(app.alert('failure.wrong-code'))
    expect(guard.count('RespondToAuthChallenge')).toBe(answersBefore + 1)
    expect(await field.inputValue()).toBe('')
    expect(await isFocused(field)).toBe(true)

    // A second wrong code brings the help about the phone's clock and the app's settings.
    await field.pressSequentially(wrongCode(await acceptedCodes(user.setupKey)))
    await visible(app.textOf('signIn.totp.clockHelp'))
    expect(guard.count('RespondToAuthChallenge')).toBe(answersBefore + 2)

    // The right code, typed as the phone groups it ("123 456"), in the same sign-in.
    const code = await e2e.nextCode(user.setupKey)
    await field.pressSequentially(`${code.slice(0, 3)} ${code.slice(3)}`)
    await app.expectSignedIn(user)
    expect(guard.count('RespondToAuthChallenge')).toBe(answersBefore + 3)
  })

  test('a code pasted with a dash signs in', async () => {
    const session = await e2e.openApp()
    const app = ui(session)
    const { page, context } = session
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e2e.appUrl).origin })
    const user = await e2e.emulator.createUserWithTotp('olivia')

    await app.signIn(user)
    await visible(app.totpHeading())
    const code = await e2e.nextCode(user.setupKey)
    await page.evaluate((text) => navigator.clipboard.writeText(text), `${code.slice(0, 3)}-${code.slice(3)}`)
    await app.totpField().press('ControlOrMeta+V')

    await app.expectSignedIn(user)
  })
})

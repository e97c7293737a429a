// Journey 4: the challenge session runs out (Cognito's AuthSessionValidity, 3 minutes here).
// Time is moved, not waited for: the pool's clock through the emulator, the page's with
// Playwright's clock. The user is told plainly, lands on sign-in with the username kept, and
// can sign in again.
import { phoneCode } from '../support/phone-totp.ts'
import { setupE2E } from './harness.ts'
import { ui, visible, type Ui } from './steps.ts'

const e2e = setupE2E()

const SESSION_MS = 3 * 60_000

async function expectBackAtSignIn(app: Ui, username: string) {
  await visible(app.alert('failure.session-expired'))
  await visible(app.signInHeading())
  expect(await app.usernameField().inputValue()).toBe(username)
}

describe('journey 4', () => {
  test('the user waits too long at the code step: the countdown runs out, then they sign in again', async () => {
    const session = await e2e.openApp({ browserClock: true })
    const app = ui(session)
    const { page } = session
    const user = await e2e.emulator.createUserWithTotp('mia')

    await app.signIn(user)
    await visible(app.totpHeading())
    const timer = await visible(page.getByRole('timer'))
    expect(await timer.textContent()).toMatch(/[23]:\d\d/)

    // Three minutes pass, for the pool and for the page.
    await e2e.emulator.advanceClock(SESSION_MS + 1_000)
    await page.clock.fastForward(SESSION_MS + 1_000)
    await expectBackAtSignIn(app, user.username)

    await app.signIn(user)
    await visible(app.totpHeading())
    await app.totpField().pressSequentially(await e2e.nextCode(user.setupKey))
    await app.expectSignedIn(user)
  })

  test('the pool ends the session before the screen expects it: the code is refused as timed out, then sign-in works again', async () => {
    const session = await e2e.openApp()
    const app = ui(session)
    session.guard.allowConsoleError(/status of 400/)
    const user = await e2e.emulator.createUserWithTotp('lucas')

    await app.signIn(user)
    await visible(app.totpHeading())
    const now = await e2e.emulator.advanceClock(SESSION_MS + 1_000)
    await app.totpField().pressSequentially(phoneCode(user.setupKey, now))
    await expectBackAtSignIn(app, user.username)

    await app.signIn(user)
    await visible(app.totpHeading())
    await app.totpField().pressSequentially(await e2e.nextCode(user.setupKey))
    await app.expectSignedIn(user)
  })

  test('setting up during sign-in takes too long: the user is told and signs in again to set up', async () => {
    const session = await e2e.openApp({ browserClock: true })
    const app = ui(session)
    const { page } = session
    const user = await e2e.emulator.createUser('hana', 'required')

    await app.signIn(user, { pool: 'required' })
    await visible(app.setupDuringSignInHeading())
    await visible(app.qrCode(user.username))
    await app.readSetupKey()

    await e2e.emulator.advanceClock(SESSION_MS + 1_000)
    await page.clock.fastForward(SESSION_MS + 1_000)
    await expectBackAtSignIn(app, user.username)

    await app.signIn(user)
    await visible(app.setupDuringSignInHeading())
    const setupKey = await app.readSetupKey()
    await app.setupCodeField().pressSequentially(await e2e.currentCode(setupKey))
    await app.expectSignedIn(user)
  })
})

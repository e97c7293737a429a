// `node --import tsx scripts/attempt-rate.ts`: how many wrong codes an attacker gets checked per
// hour, and the expected time to guess one, on five paths (issue 9, item 3; ADR 011; issue 11):
//   - sign-in with the password known, answering SOFTWARE_TOKEN_MFA with wrong codes;
//   - VerifySoftwareToken with an access token, against a pending secret;
//   - ConfirmSignUp with wrong codes, asking for a new code whenever one is spent.
//   - ConfirmForgotPassword with wrong codes (the attacker does not see the mailbox), asking for a new
//     code whenever one is spent or has expired;
//   - sign-in with the password known and the mailbox held, answering SOFTWARE_TOKEN_MFA with wrong
//     codes and ending every lockout with a password reset (docs/cognito-behaviour.md#lockout).
// The attacker runs flat out against the operations in process (no HTTP, so faster than over the
// wire) on a test clock that moves by the real time each request takes, and waits out every
// lockout or limit to the millisecond. A path stops after 24 simulated hours or 5 real seconds,
// whichever comes first.
import { initiateAuth } from '../emulator/operations/initiate-auth.ts'
import { associateSoftwareToken } from '../emulator/operations/associate-software-token.ts'
import { confirmForgotPassword } from '../emulator/operations/confirm-forgot-password.ts'
import { confirmSignUp } from '../emulator/operations/confirm-sign-up.ts'
import { forgotPassword } from '../emulator/operations/forgot-password.ts'
import { resendConfirmationCode } from '../emulator/operations/resend-confirmation-code.ts'
import { respondToAuthChallenge } from '../emulator/operations/respond-to-auth-challenge.ts'
import { signUp } from '../emulator/operations/sign-up.ts'
import { verifySoftwareToken } from '../emulator/operations/verify-software-token.ts'
import { CognitoError } from '../emulator/errors.ts'
import {
  PASSWORD,
  STEP_MS,
  createApp,
  createTestDeps,
  createUser,
  enrolTotp,
  lastConfirmationCode,
  lastResetCode,
  signedIn,
  storedUser,
  wrongCode,
  type App,
  type TestDeps,
} from '../emulator/test-support.ts'

const HOUR_MS = 3600_000
const SIMULATED_MS = 24 * HOUR_MS
const REAL_MS = 5_000

type Outcome = { path: string; checked: number[]; start: number; end: number; validCodes: number }

/** Runs `request`, then moves the clock on by the real time it took; returns the Cognito error name, or undefined. */
async function timed(deps: TestDeps, request: () => Promise<unknown>): Promise<string | undefined> {
  const started = performance.now()
  try {
    await request()
    return undefined
  } catch (error) {
    if (error instanceof CognitoError) return error.name
    throw error
  } finally {
    deps.clock.advance(performance.now() - started)
  }
}

/** Sets the clock to `until` when that is later: the attacker waits exactly as long as needed. */
function waitUntil(deps: TestDeps, until: number | undefined): void {
  if (until !== undefined && until > deps.clock.now()) deps.clock.set(until)
}

async function attack(path: string, validCodes: number, deps: TestDeps, step: (checked: number[]) => Promise<void>): Promise<Outcome> {
  const start = deps.clock.now()
  const realStart = performance.now()
  const checked: number[] = []
  while (deps.clock.now() < start + SIMULATED_MS && performance.now() - realStart < REAL_MS) await step(checked)
  return { path, checked, start, end: Math.min(deps.clock.now(), start + SIMULATED_MS), validCodes }
}

async function signInWithPassword(): Promise<Outcome> {
  const deps = createTestDeps()
  const app: App = await createApp(
    deps,
    { mfa: 'OPTIONAL' },
    { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'] },
  )
  await createUser(deps, app.poolId, 'alice')
  const secret = await enrolTotp(deps, (await signedIn(deps, app, 'alice')).AccessToken)
  deps.clock.advance(STEP_MS)
  // ±1 step: three codes are accepted at any moment (docs/cognito-behaviour.md#totp-codes).
  return attack('sign-in, password known (SOFTWARE_TOKEN_MFA)', 3, deps, async (checked) => {
    waitUntil(deps, storedUser(deps, app.poolId, 'alice').lockedUntil)
    let session: string | undefined
    const refused = await timed(deps, async () => {
      const reply = await initiateAuth(
        { ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } },
        deps,
      )
      session = reply.Session
    })
    if (refused || !session) return
    for (;;) {
      const at = deps.clock.now()
      const answer = { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: wrongCode(deps, secret) }
      const error = await timed(deps, () =>
        respondToAuthChallenge({ ClientId: app.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session, ChallengeResponses: answer }, deps),
      )
      if (error !== 'CodeMismatchException') return
      checked.push(at)
    }
  })
}

async function verifyWithAccessToken(): Promise<Outcome> {
  const deps = createTestDeps()
  const app = await createApp(deps, { mfa: 'OPTIONAL' })
  await createUser(deps, app.poolId, 'alice')
  // Stolen tokens, not the password (with the password and no MFA yet, the attacker could simply
  // sign in and set up an authenticator of their own: there would be nothing to guess).
  const stolen = await signedIn(deps, app, 'alice')
  let accessToken = stolen.AccessToken
  const { SecretCode: secret } = await associateSoftwareToken({ AccessToken: accessToken }, deps)
  return attack('VerifySoftwareToken, stolen tokens', 3, deps, async (checked) => {
    waitUntil(deps, storedUser(deps, app.poolId, 'alice').lockedUntil)
    const at = deps.clock.now()
    const error = await timed(deps, () => verifySoftwareToken({ AccessToken: accessToken, UserCode: wrongCode(deps, secret!) }, deps))
    if (error === 'EnableSoftwareTokenMFAException') checked.push(at)
    // The access token lasts an hour: the refresh token gives the next one.
    else if (error === 'NotAuthorizedException' && (storedUser(deps, app.poolId, 'alice').lockedUntil ?? 0) <= deps.clock.now()) {
      const refreshed = await initiateAuth(
        { ClientId: app.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: stolen.RefreshToken! } },
        deps,
      )
      accessToken = refreshed.AuthenticationResult!.AccessToken!
    }
  })
}

async function confirmationCodes(): Promise<Outcome> {
  const deps = createTestDeps()
  const app = await createApp(deps)
  await signUp(
    { ClientId: app.clientId, Username: 'carol', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] },
    deps,
  )
  const hourEnds = () => {
    const attempts = storedUser(deps, app.poolId, 'carol').confirmationAttempts
    return attempts ? attempts.since + HOUR_MS : undefined
  }
  // One code is valid at a time.
  return attack('ConfirmSignUp, new codes on demand', 1, deps, async (checked) => {
    const code = lastConfirmationCode(deps)
    const at = deps.clock.now()
    const error = await timed(deps, () =>
      confirmSignUp({ ClientId: app.clientId, Username: 'carol', ConfirmationCode: code === '000000' ? '000001' : '000000' }, deps),
    )
    if (error === 'CodeMismatchException') checked.push(at)
    else if (error === 'LimitExceededException') waitUntil(deps, hourEnds())
    else if (error === 'ExpiredCodeException') {
      const refused = await timed(deps, () => resendConfirmationCode({ ClientId: app.clientId, Username: 'carol' }, deps))
      if (refused === 'LimitExceededException') waitUntil(deps, hourEnds())
    }
  })
}

async function resetCodes(): Promise<Outcome> {
  const deps = createTestDeps()
  const app = await createApp(deps)
  await createUser(deps, app.poolId, 'dana', { attributes: { email_verified: 'true' } })
  const hourEnds = () => {
    const attempts = storedUser(deps, app.poolId, 'dana').passwordResetAttempts
    return attempts ? attempts.since + HOUR_MS : undefined
  }
  const ask = () => timed(deps, () => forgotPassword({ ClientId: app.clientId, Username: 'dana' }, deps))
  await ask()
  // One code is valid at a time.
  return attack('ConfirmForgotPassword, new codes on demand', 1, deps, async (checked) => {
    const code = lastResetCode(deps) // read only to be sure to guess wrong: the attacker never sees it
    const at = deps.clock.now()
    const error = await timed(deps, () =>
      confirmForgotPassword(
        { ClientId: app.clientId, Username: 'dana', ConfirmationCode: code === '000000' ? '000001' : '000000', Password: 'Att4cker-pass!' },
        deps,
      ),
    )
    if (error === 'CodeMismatchException') checked.push(at)
    else if (error === 'LimitExceededException') waitUntil(deps, hourEnds())
    else if (error === 'ExpiredCodeException' && (await ask()) === 'LimitExceededException') waitUntil(deps, hourEnds())
  })
}

async function mailboxAndPassword(): Promise<Outcome> {
  const deps = createTestDeps()
  const app: App = await createApp(
    deps,
    { mfa: 'OPTIONAL' },
    { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'] },
  )
  await createUser(deps, app.poolId, 'erin', { attributes: { email_verified: 'true' } })
  const secret = await enrolTotp(deps, (await signedIn(deps, app, 'erin')).AccessToken)
  deps.clock.advance(STEP_MS)
  const resetHourEnds = () => {
    const attempts = storedUser(deps, app.poolId, 'erin').passwordResetAttempts
    return attempts ? attempts.since + HOUR_MS : undefined
  }
  // The mailbox ends a lockout: a reset with the code it receives, whenever the hourly limit allows one.
  const reset = async () => {
    if ((await timed(deps, () => forgotPassword({ ClientId: app.clientId, Username: 'erin' }, deps))) === 'LimitExceededException') {
      waitUntil(deps, Math.min(resetHourEnds() ?? Infinity, storedUser(deps, app.poolId, 'erin').lockedUntil ?? Infinity))
      return
    }
    const code = lastResetCode(deps)
    await timed(deps, () => confirmForgotPassword({ ClientId: app.clientId, Username: 'erin', ConfirmationCode: code, Password: PASSWORD }, deps))
  }
  return attack('sign-in, password and mailbox (resets end lockouts)', 3, deps, async (checked) => {
    if ((storedUser(deps, app.poolId, 'erin').lockedUntil ?? 0) > deps.clock.now()) await reset()
    let session: string | undefined
    const refused = await timed(deps, async () => {
      const reply = await initiateAuth(
        { ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'erin', PASSWORD } },
        deps,
      )
      session = reply.Session
    })
    if (refused || !session) return
    for (;;) {
      const at = deps.clock.now()
      const answer = { USERNAME: 'erin', SOFTWARE_TOKEN_MFA_CODE: wrongCode(deps, secret) }
      const error = await timed(deps, () =>
        respondToAuthChallenge({ ClientId: app.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session, ChallengeResponses: answer }, deps),
      )
      if (error !== 'CodeMismatchException') return
      checked.push(at)
    }
  })
}

function duration(ms: number): string {
  const minutes = ms / 60_000
  if (minutes < 120) return `${minutes.toFixed(1)} min`
  const hours = minutes / 60
  if (hours < 48) return `${hours.toFixed(1)} h`
  const days = hours / 24
  return days < 730 ? `${days.toFixed(0)} days` : `${(days / 365.25).toFixed(1)} years`
}

function report({ path, checked, start, end, validCodes }: Outcome): Record<string, string | number> {
  const span = end - start
  const firstHour = checked.filter((at) => at < start + HOUR_MS).length
  // The rate an attacker keeps up: over the whole run, or after the first hour when the run is long
  // enough to have one (the first hour holds the free tries).
  const later =
    span > 2 * HOUR_MS ? checked.filter((at) => at >= start + HOUR_MS).length / ((span - HOUR_MS) / HOUR_MS) : checked.length / (span / HOUR_MS)
  // Each guess hits with probability validCodes / 10^6: 10^6 / validCodes guesses on average.
  const guesses = 1_000_000 / validCodes
  return {
    path,
    'wrong codes checked': checked.length,
    'simulated time': duration(span),
    'in the first hour': span >= HOUR_MS ? firstHour : `${Math.round(checked.length / (span / HOUR_MS))} (extrapolated)`,
    'per hour after it': Math.round(later * 10) / 10,
    'expected time to guess': duration((guesses / later) * HOUR_MS),
  }
}

const outcomes = [
  await signInWithPassword(),
  await verifyWithAccessToken(),
  await confirmationCodes(),
  await resetCodes(),
  await mailboxAndPassword(),
]
console.table(outcomes.map(report))

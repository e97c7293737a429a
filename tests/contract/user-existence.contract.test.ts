// Real aws-amplify v6 signIn (SRP) against an email-username pool whose app client has
// PreventUserExistenceErrors ENABLED: a real address with a wrong password and an address the pool does
// not know get the same wire exchange and the same errors, lockout included (docs/cognito-behaviour.md#unknown-users).
import { CreateUserPoolClientCommand, CreateUserPoolCommand, ResendConfirmationCodeCommand } from '@aws-sdk/client-cognito-identity-provider'
import { Amplify } from 'aws-amplify'
import { signIn } from 'aws-amplify/auth'
import { ConsoleLogger } from 'aws-amplify/utils'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock } from '../../emulator/state/clock.ts'
import { createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient } from './harness.ts'

// Amplify warns on every configure that the endpoint is custom; that is the point here.
ConsoleLogger.LOG_LEVEL = 'ERROR'

const clock = createTestClock(Date.now()) // frozen: lockouts end only when a test moves the clock
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const REAL = 'dana@example.com'
const UNKNOWN = 'nobody@example.com'
failOnConsoleError()
let emulator: RunningEmulator
let sdk: ReturnType<typeof sdkClient>
let clientId = ''

type WireCall = { operation: string; body: Record<string, unknown>; reply: Record<string, unknown> }
let wire: WireCall[] = []
const realFetch = globalThis.fetch

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, clock, seed: false, log: () => {} })
  sdk = sdkClient(emulator.url)
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'existence', UsernameAttributes: ['email'] }))
  const userPoolId = UserPool?.Id ?? ''
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
    }),
  )
  clientId = UserPoolClient?.ClientId ?? ''
  await createConfirmedUser(sdk, userPoolId, REAL, 'Dana-pass-2026!', REAL)
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId: clientId, userPoolEndpoint: emulator.url } } })
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init)
    const target = new Headers(init?.headers).get('x-amz-target')
    if (target) {
      wire.push({
        operation: target.split('.').pop()!,
        body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>,
        reply: (await response.clone().json()) as Record<string, unknown>,
      })
    }
    return response
  }
})

afterAll(async () => {
  globalThis.fetch = realFetch
  await emulator.close()
})

/** A wrong-password sign-in: what Amplify sent and received, and the error it threw. */
async function wrongPassword(username: string) {
  wire = []
  const error = await rejectionOf(signIn({ username, password: 'Wrong-pass-2026!' }))
  const challenge = (wire[0]?.reply.ChallengeParameters ?? {}) as Record<string, string>
  return {
    error: { name: error.name, message: error.message },
    operations: wire.map((call) => call.operation),
    salt: challenge.SALT,
    userIdForSrp: challenge.USER_ID_FOR_SRP,
    sentUsername: (wire[1]?.body.ChallengeResponses as Record<string, string> | undefined)?.USERNAME,
  }
}

test('SRP: the same exchange and error for a wrong password and an unknown address; salt and UUID stay the same', async () => {
  const real = [await wrongPassword(REAL), await wrongPassword(REAL)]
  const unknown = [await wrongPassword(UNKNOWN), await wrongPassword(UNKNOWN)]
  for (const [first, second] of [real, unknown]) {
    expect(first.operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge'])
    expect(first.error).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' })
    expect(first.userIdForSrp).toMatch(UUID)
    expect(first.sentUsername).toBe(first.userIdForSrp)
    expect([second.salt, second.userIdForSrp]).toEqual([first.salt, first.userIdForSrp])
  }
  // Five wrong passwords in a row lock either out for a second (docs/cognito-behaviour.md#lockout).
  for (const username of [REAL, UNKNOWN]) {
    for (let i = 0; i < 3; i++) await wrongPassword(username)
    expect((await wrongPassword(username)).error).toEqual({ name: 'NotAuthorizedException', message: 'Password attempts exceeded' })
  }
  clock.advance(1000)
}, 60_000) // a dozen SRP exchanges, each with the client's 3072-bit arithmetic

test('ResendConfirmationCode through the SDK: delivery details for an unknown address, masked like a real one', async () => {
  const reply = await sdk.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: UNKNOWN }))
  expect(reply.CodeDeliveryDetails).toEqual({ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' })
})

// Every `npm run admin` command against the local pool, through runAdmin with its terminal
// replaced: output and prompts are recorded, answers are given in order.
import {
  AccessDeniedException,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  CognitoIdentityProviderServiceException,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  SetUserPoolMfaConfigCommand,
  UpdateDeviceStatusCommand,
  VerifySoftwareTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider'
import { CredentialsProviderError } from '@smithy/core/config'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createVerifier, padHex } from '../../emulator/domain/srp.ts'
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts'
import { createTestClock } from '../../emulator/state/clock.ts'
import { runAdmin, type AdminDeps } from '../../scripts/admin/run.ts'
import { createSdkClient } from '../../scripts/admin/terminal.ts'
import {
  awsCliEnv,
  createConfirmedUser,
  createTemporaryUser,
  failOnConsoleError,
  rejectionOf,
  sdkClient,
  TOTP_STEP_MS,
  uniqueName,
  wrongCode,
} from '../contract/harness.ts'
import { phoneCode } from '../support/phone-totp.ts'

const clock = createTestClock(Date.now()) // frozen: only the tests move time
const PASSWORD = 'Corr3ct-Horse-2026!'
failOnConsoleError()
let emulator: RunningEmulator
let sdk: CognitoIdentityProviderClient
type App = { poolId: string; clientId: string }
// As infra/user-pool.yaml makes it (with the article's ADMIN_USER_PASSWORD_AUTH), MFA OPTIONAL and ON.
let optional: App
let required: App

async function setUpPool(mfa: 'OPTIONAL' | 'ON'): Promise<App> {
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: `admin ${mfa}`, MfaConfiguration: 'OFF' }))
  const poolId = UserPool!.Id!
  await sdk.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: mfa, SoftwareTokenMfaConfiguration: { Enabled: true } }))
  const { UserPoolClient } = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    }),
  )
  return { poolId, clientId: UserPoolClient!.ClientId! }
}

beforeAll(async () => {
  // The real client factory with no credentials configured: against --endpoint it signs with fixed ones.
  vi.stubEnv('AWS_ACCESS_KEY_ID', '')
  vi.stubEnv('AWS_PROFILE', '')
  emulator = await startEmulator({ port: 0, clock, seed: false, log: () => {} })
  sdk = sdkClient(emulator.url)
  optional = await setUpPool('OPTIONAL')
  required = await setUpPool('ON')
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await emulator.close()
})

type Run = { code: number; stdout: string; stderr: string; prompts: { question: string; secret: boolean }[] }

async function admin(
  argv: string[],
  {
    answers = [],
    amplifyOutputs,
    createClient = createSdkClient,
  }: { answers?: string[]; amplifyOutputs?: string; createClient?: AdminDeps['createClient'] } = {},
): Promise<Run> {
  const stdout: string[] = []
  const stderr: string[] = []
  const prompts: Run['prompts'] = []
  const queue = [...answers]
  const deps: AdminDeps = {
    io: {
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      prompt: async (question, { secret }) => {
        prompts.push({ question, secret })
        const answer = queue.shift()
        if (answer === undefined) throw new Error(`unexpected prompt: ${question}`)
        return answer
      },
    },
    createClient,
    readAmplifyOutputs: () => amplifyOutputs,
  }
  const code = await runAdmin(argv, deps)
  expect(queue).toEqual([]) // every answer was asked for
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), prompts }
}

const at = (app: App) => ['--pool-id', app.poolId, '--endpoint', emulator.url]

async function newUser(app: App, { phone = false }: { phone?: boolean } = {}): Promise<string> {
  const username = uniqueName('user')
  if (!phone) {
    await createConfirmedUser(sdk, app.poolId, username, PASSWORD)
    return username
  }
  // With a phone number, so SMS MFA can be turned on as well.
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: app.poolId,
      Username: username,
      TemporaryPassword: PASSWORD,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'phone_number', Value: '+15555550123' },
        { Name: 'phone_number_verified', Value: 'true' },
      ],
    }),
  )
  await sdk.send(new AdminSetUserPasswordCommand({ UserPoolId: app.poolId, Username: username, Password: PASSWORD, Permanent: true }))
  return username
}

async function signedIn(app: App, username: string): Promise<AuthenticationResultType> {
  const { AuthenticationResult } = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: app.poolId,
      ClientId: app.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  )
  if (!AuthenticationResult) throw new Error('expected tokens')
  return AuthenticationResult
}

/**
 * A user with a verified, preferred authenticator; returns the setup key (the phone). In an ON
 * pool the first sign-in is the MFA_SETUP challenge, so the setup runs with its Session.
 */
async function enrolledUser(app: App, options: { phone?: boolean } = {}): Promise<{ username: string; secret: string }> {
  const username = await newUser(app, options)
  const started = await sdk.send(
    new AdminInitiateAuthCommand({
      UserPoolId: app.poolId,
      ClientId: app.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  )
  let secret: string
  if (started.ChallengeName === 'MFA_SETUP') {
    const associated = await sdk.send(new AssociateSoftwareTokenCommand({ Session: started.Session }))
    secret = associated.SecretCode!
    const verified = await sdk.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: phoneCode(secret, clock.now()) }))
    await sdk.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: app.poolId,
        ClientId: app.clientId,
        ChallengeName: 'MFA_SETUP',
        ChallengeResponses: { USERNAME: username },
        Session: verified.Session,
      }),
    )
  } else {
    const AccessToken = started.AuthenticationResult!.AccessToken
    const associated = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }))
    secret = associated.SecretCode!
    await sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: phoneCode(secret, clock.now()) }))
  }
  await sdk.send(
    new AdminSetUserMFAPreferenceCommand({
      UserPoolId: app.poolId,
      Username: username,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  )
  clock.advance(TOTP_STEP_MS) // the verification used this step's code
  return { username, secret }
}

async function mfaStatus(app: App, username: string): Promise<Record<string, unknown>> {
  const run = await admin(['mfa-status', username, ...at(app), '--json'])
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as Record<string, unknown>
}

/** An SDK client for the local pool that fails every call the way `failure` says, before sending. */
function failingClient(failure: () => Error): AdminDeps['createClient'] {
  return () => {
    const client = sdkClient(emulator.url)
    client.middlewareStack.add(
      () => async () => {
        throw failure()
      },
      { step: 'initialize', name: 'failForTest' },
    )
    return client
  }
}

/** An SDK client for the local pool whose `command` (e.g. `AdminDeleteSoftwareTokenCommand`) fails the way `failure` says; every other call is sent. */
function failingCommand(command: string, failure: () => Error): AdminDeps['createClient'] {
  return () => {
    const client = sdkClient(emulator.url)
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === command) throw failure()
        return next(args)
      },
      { step: 'initialize', name: 'failOneCommandForTest' },
    )
    return client
  }
}

// The AWS CLI runs the printed fixes (awsCliEnv: dummy credentials, no user config, no pager, no retries).
const runCli = promisify(execFile)

describe('check-pool', () => {
  test('a pool set up like the template: one ✔ line per requirement, exit 0', async () => {
    const run = await admin(['check-pool', ...at(optional), '--client-id', optional.clientId, '--mfa', 'optional'])
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe(`User pool ${optional.poolId} (admin OPTIONAL), app client ${optional.clientId} (web)`)
    const checks = lines.filter((line) => /^[✔✖–] /.test(line))
    expect(checks).toHaveLength(10)
    expect(checks.every((line) => line.startsWith('✔ '))).toBe(true)
    expect(lines.at(-1)).toBe('The app can work on this pool.')
    expect(run.stderr).toBe('')
  })

  test("--json for scripts; amplify_outputs.json gives the client and the app's MFA when no flag does", async () => {
    const outputs = JSON.stringify({ auth: { user_pool_id: required.poolId, user_pool_client_id: required.clientId, mfa_configuration: 'OPTIONAL' } })
    const run = await admin(['check-pool', '--endpoint', emulator.url, '--json'], { amplifyOutputs: outputs })
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { poolId: string; clientId: string; usable: boolean; checks: { requirement: string; status: string }[] }
    expect(report).toMatchObject({ poolId: required.poolId, clientId: required.clientId, usable: false })
    expect(report.checks.filter((check) => check.status !== 'ok')).toEqual([
      expect.objectContaining({
        requirement: "MFA mode matches the app's configuration",
        status: 'failed',
        actual: 'pool ON, app optional (OPTIONAL)',
      }),
    ])
  })

  test('a broken pool: ✖ lines with their fixes, exit 1; running the printed AWS CLI fixes makes it pass', async () => {
    const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: 'broken', MfaConfiguration: 'OFF' }))
    const poolId = UserPool!.Id!
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'broken web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        EnableTokenRevocation: false,
        AccessTokenValidity: 1,
        TokenValidityUnits: { AccessToken: 'days' },
      }),
    )
    const argv = ['check-pool', '--pool-id', poolId, '--client-id', UserPoolClient!.ClientId!, '--mfa', 'optional', '--endpoint', emulator.url]
    const run = await admin(argv)
    expect(run.code).toBe(1)
    const failed = run.stdout.split('\n').filter((line) => line.startsWith('✖ '))
    expect(failed.map((line) => line.slice(2).split('  ')[0].trim())).toEqual([
      'TOTP (software token MFA) enabled',
      'MFA on the pool (OPTIONAL or ON)',
      "MFA mode matches the app's configuration",
      'SRP sign-in allowed (ALLOW_USER_SRP_AUTH)',
      'token revocation on (sign-out revokes the refresh token) (advised)',
      'user-existence errors prevented (advised)',
      'token lifetimes (access and ID ≤ 1 h, refresh longer) (advised)',
    ])
    expect(run.stdout).toContain('    template: AWS::Cognito::UserPool MfaConfiguration: OPTIONAL')
    expect(run.stdout).toContain('    template: AWS::Cognito::UserPoolClient EnableTokenRevocation: true')
    expect(run.stdout.split('\n').at(-1)).toBe('The app cannot work on this pool: 4 problems to fix, and 3 advised changes.')

    // Each client fix keeps the other settings, so they can be run one after another, as printed.
    const report = JSON.parse((await admin([...argv, '--json'])).stdout) as { checks: { fix?: { cli?: string } }[] }
    const commands = [...new Set(report.checks.flatMap((check) => (check.fix?.cli ? [check.fix.cli] : [])))]
    for (const command of commands) {
      await runCli('sh', ['-c', `${command} --endpoint-url ${emulator.url} --output json`], { env: awsCliEnv, timeout: 60_000 })
    }
    expect(commands).toHaveLength(2) // the pool's MFA, and one update of the client carrying all its fixes
    const after = await admin(argv)
    expect(after.stdout.split('\n').filter((line) => line.startsWith('✖ '))).toEqual([])
    expect(after.code).toBe(0)
  }, 120_000)

  test('an unknown pool and an unknown client are named', async () => {
    const pool = await admin(['check-pool', '--pool-id', 'us-east-1_NoSuchPool', '--endpoint', emulator.url])
    expect(pool).toMatchObject({ code: 1, stdout: '' })
    expect(pool.stderr).toBe(
      `No user pool "us-east-1_NoSuchPool" at ${emulator.url}. Check --pool-id and the region (a pool id starts with its region, e.g. eu-west-1_AbC123).`,
    )
    const client = await admin(['check-pool', ...at(optional), '--client-id', 'nosuchclient'])
    expect(client.code).toBe(1)
    expect(client.stderr).toBe(
      `No app client "nosuchclient" in user pool ${optional.poolId} at ${emulator.url}. Check --client-id (the pool's clients: aws cognito-idp list-user-pool-clients --user-pool-id ${optional.poolId}).`,
    )
  })

  test('missing credentials: what to set, before anything is sent', async () => {
    const noCredentials = () =>
      new CognitoIdentityProviderClient({
        region: 'us-east-1',
        endpoint: emulator.url,
        credentials: () => Promise.reject(new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false })),
      })
    const run = await admin(['check-pool', ...at(optional)], { createClient: noCredentials })
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      [
        'No AWS credentials found (the default credential chain came up empty).',
        'Sign in with `aws sso login --profile <name>` and set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
        'For the local pool pass --endpoint http://127.0.0.1:8329 (any credentials are accepted there).',
      ].join('\n'),
    )
  })

  test("AccessDenied names the IAM action: from AWS's message, else the operation called", async () => {
    const denied = (message: string) => () => new AccessDeniedException({ message, $metadata: { httpStatusCode: 400 } })
    const named = await admin(['check-pool', ...at(optional)], {
      createClient: failingClient(
        denied(
          'User: arn:aws:iam::123456789012:user/support is not authorized to perform: cognito-idp:DescribeUserPool on resource: arn:aws:cognito-idp:us-east-1:123456789012:userpool/x because no identity-based policy allows the cognito-idp:DescribeUserPool action',
        ),
      ),
    })
    expect(named.code).toBe(1)
    expect(named.stderr.split('\n').slice(0, 2)).toEqual([
      `Access denied: these credentials may not call cognito-idp:DescribeUserPool on pool ${optional.poolId}.`,
      'Add "cognito-idp:DescribeUserPool" to the IAM policy of the identity you use (see README, "Checking an existing pool", for the full list).',
    ])
    const user = await newUser(optional)
    const unnamed = await admin(['sign-out', user, ...at(optional)], { createClient: failingClient(denied('Access denied')) })
    expect(unnamed.stderr).toContain('may not call cognito-idp:AdminUserGlobalSignOut')
  })
})

describe('usage', () => {
  test('an unknown command, a missing USER or pool id, a bad --mfa: usage on stderr, exit 2', async () => {
    for (const [argv, first] of [
      [['frobnicate'], 'Unknown command "frobnicate".'],
      [['mfa-status', ...at(optional)], 'mfa-status needs a USER (username, alias or sub)'],
      [['mfa-status', 'alice', '--endpoint', emulator.url], 'mfa-status needs --pool-id (or an amplify_outputs.json in this directory)'],
      [['check-pool', ...at(optional), '--mfa', 'sometimes'], '--mfa must be optional or required, got "sometimes"'],
      [
        ['check-pool', '--nope'],
        "Unknown option '--nope'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--nope\"",
      ],
    ] as const) {
      const run = await admin([...argv])
      expect(run.code, argv.join(' ')).toBe(2)
      expect(run.stderr.split('\n')[0]).toBe(first)
      expect(run.stderr).toContain('Usage: npm run admin -- <command> [options]')
    }
    const help = await admin(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('reset-totp USER')
  })
})

describe('mfa-status', () => {
  test('reports status, TOTP and preference; --json for scripts', async () => {
    const { username } = await enrolledUser(optional)
    const run = await admin(['mfa-status', username, ...at(optional)])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      [
        `User ${username} in ${optional.poolId}`,
        '  status:        CONFIRMED',
        '  TOTP:          enabled (authenticator verified)',
        '  MFA enabled:   SOFTWARE_TOKEN_MFA',
        '  preferred MFA: SOFTWARE_TOKEN_MFA',
      ].join('\n'),
    )
    expect(await mfaStatus(optional, await newUser(optional))).toEqual({
      username: expect.any(String) as string,
      userStatus: 'CONFIRMED',
      enabled: true,
      totpEnabled: false,
      mfaEnabled: [],
      preferredMfa: null,
    })
  })

  test('an unknown user is named', async () => {
    const run = await admin(['mfa-status', 'nobody-here', ...at(optional)])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `No user "nobody-here" in user pool ${optional.poolId}. Usernames are case-sensitive unless the pool says otherwise; list users with aws cognito-idp list-users --user-pool-id ${optional.poolId}.`,
    )
  })
})

describe('reset-totp', () => {
  const nextOptional = 'they sign in with the password alone (no code is asked) and set up a new authenticator on the Security page'
  const nextRequired = 'at their next sign-in they are asked to set up a new authenticator (MFA_SETUP) before they get in'

  test('asks first; "no" changes nothing, "y" removes the authenticator: the next sign-in asks no code, the old codes never verify again', async () => {
    const { username, secret } = await enrolledUser(optional)
    const declined = await admin(['reset-totp', username, ...at(optional)], { answers: ['n'] })
    expect(declined).toMatchObject({ code: 1, stderr: 'Nothing changed.', stdout: '' })
    expect(declined.prompts).toEqual([
      {
        question: `Reset the authenticator of ${username} in ${optional.poolId}? The authenticator app is removed from the account and its remembered browsers are forgotten, then ${nextOptional}. [y/N] `,
        secret: false,
      },
    ])
    expect((await mfaStatus(optional, username)).totpEnabled).toBe(true)

    const confirmed = await admin(['reset-totp', username, ...at(optional)], { answers: ['y'] })
    expect(confirmed.code).toBe(0)
    expect(confirmed.stdout.split('\n')).toEqual([
      `The authenticator of ${username} is removed (AdminDeleteSoftwareToken): codes from the old app no longer work.`,
      `Next: ${nextOptional}.`,
      'Until they do, their password alone signs them in.',
      `To end the sessions still open on the lost phone: npm run admin -- sign-out ${username} --pool-id ${optional.poolId}`,
    ])
    expect(await mfaStatus(optional, username)).toMatchObject({ totpEnabled: false, mfaEnabled: [], preferredMfa: null })
    // The next sign-in asks for no code, and nothing is left that a session could switch back on.
    const { AccessToken } = await signedIn(optional, username)
    const preferred = await admin(['prefer-totp', username, ...at(optional)])
    expect(preferred.code).toBe(1)
    expect(preferred.stderr).toMatch(/has no verified authenticator/)
    const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }))
    expect((await rejectionOf(sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: phoneCode(secret, clock.now()) })))).name).toBe(
      'EnableSoftwareTokenMFAException',
    )
    expect((await sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: phoneCode(SecretCode!, clock.now()) }))).Status).toBe('SUCCESS')
  })

  test('with SMS MFA on as well, it says sign-in asks for the SMS code, not "the password alone" or a setup', async () => {
    for (const app of [optional, required]) {
      const { username } = await enrolledUser(app, { phone: true })
      await sdk.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: app.poolId, Username: username, SMSMfaSettings: { Enabled: true } }))
      const next = 'they sign in with their other MFA, a code by text message (SMS_MFA), and can set up a new authenticator on the Security page'
      const run = await admin(['reset-totp', username, ...at(app)], { answers: ['y'] })
      expect(run.prompts[0].question).toContain(`then ${next}. [y/N]`)
      expect(run.code).toBe(0)
      expect(run.stdout.split('\n')).toEqual([
        `The authenticator of ${username} is removed (AdminDeleteSoftwareToken): codes from the old app no longer work.`,
        `Next: ${next}.`,
        `To end the sessions still open on the lost phone: npm run admin -- sign-out ${username} --pool-id ${app.poolId}`,
      ])
    }
  })

  test('--yes does not ask; --json for scripts; an unknown user fails before anyone is asked', async () => {
    const { username } = await enrolledUser(optional)
    const run = await admin(['reset-totp', username, ...at(optional), '--yes', '--json'])
    expect(run).toMatchObject({ code: 0, prompts: [] })
    expect(JSON.parse(run.stdout)).toEqual({
      username,
      totpEnabled: false,
      tokenDeleted: true,
      poolMfa: 'OPTIONAL',
      via: 'AdminDeleteSoftwareToken',
      devicesForgotten: 0,
    })
    const unknown = await admin(['reset-totp', 'nobody-here', ...at(optional)])
    expect(unknown).toMatchObject({ code: 1, prompts: [] })
    expect(unknown.stderr).toContain('No user "nobody-here"')
  })

  test('in an MFA-required pool it works too: the next sign-in is MFA_SETUP', async () => {
    const { username } = await enrolledUser(required)
    const run = await admin(['reset-totp', username, ...at(required)], { answers: ['yes'] })
    expect(run.prompts[0].question).toContain(`then ${nextRequired}. [y/N] `)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      `The authenticator of ${username} is removed (AdminDeleteSoftwareToken): codes from the old app no longer work.`,
      `Next: ${nextRequired}.`,
    ])
    expect(run.stdout).not.toContain('password alone')
    expect((await mfaStatus(required, username)).totpEnabled).toBe(false)
    const next = await sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: required.poolId,
        ClientId: required.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    )
    expect(next.ChallengeName).toBe('MFA_SETUP')
  })

  test("the pool's MFA mode cannot be read: the app's --mfa words the next step, else both cases", async () => {
    const { username } = await enrolledUser(required)
    const denied = failingCommand('GetUserPoolMfaConfigCommand', () => new AccessDeniedException({ message: 'Access denied', $metadata: {} }))
    const told = await admin(['reset-totp', username, ...at(required), '--mfa', 'required', '--yes'], { createClient: denied })
    expect(told.stdout.split('\n')[1]).toBe(`Next: ${nextRequired}.`)
    const other = (await enrolledUser(optional)).username
    const guessed = await admin(['reset-totp', other, ...at(optional), '--yes'], { createClient: denied })
    expect(guessed.stdout.split('\n')[1]).toBe(
      'Next: if the pool requires MFA they set up a new authenticator at their next sign-in; if MFA is optional they sign in without a code and set it up again on the Security page.',
    )
    expect(guessed.stdout).not.toContain('Until they do')
  })

  describe('a region without AdminDeleteSoftwareToken yet', () => {
    const unknownOperation = failingCommand(
      'AdminDeleteSoftwareTokenCommand',
      () =>
        new CognitoIdentityProviderServiceException({
          name: 'UnknownOperationException',
          $fault: 'client',
          message: 'Unknown operation AdminDeleteSoftwareToken.',
          $metadata: { httpStatusCode: 400 },
        }),
    )

    test('OPTIONAL pool: falls back to turning TOTP off, and says the old token stays registered', async () => {
      const { username } = await enrolledUser(optional)
      const run = await admin(['reset-totp', username, ...at(optional), '--yes'], { createClient: unknownOperation })
      expect(run.code).toBe(0)
      expect(run.stdout.split('\n').slice(0, 3)).toEqual([
        'Note: AdminDeleteSoftwareToken is not available for this pool yet (Cognito said: Unknown operation AdminDeleteSoftwareToken.), so TOTP was turned off with AdminSetUserMFAPreference instead.',
        `The old authenticator stays registered: until ${username} sets up a new one, anyone signed in as them could turn it back on.`,
        `TOTP is off for ${username}: ${nextOptional}; the old one stops working once they do.`,
      ])
      expect(await mfaStatus(optional, username)).toMatchObject({ totpEnabled: false, preferredMfa: null })
      // What the note warns of: the old token is still there to turn back on.
      expect((await admin(['prefer-totp', username, ...at(optional)])).code).toBe(0)
      const json = await admin(['reset-totp', username, ...at(optional), '--yes', '--json'], { createClient: unknownOperation })
      expect(JSON.parse(json.stdout)).toEqual({
        username,
        totpEnabled: false,
        tokenDeleted: false,
        poolMfa: 'OPTIONAL',
        via: 'AdminSetUserMFAPreference',
        devicesForgotten: 0,
      })
    })

    test("ON pool: Cognito refuses to turn off a user's last factor: said in words", async () => {
      const { username } = await enrolledUser(required)
      const run = await admin(['reset-totp', username, ...at(required), '--yes'], { createClient: unknownOperation })
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(
        new RegExp(
          `^Cognito refused to turn TOTP off for ${username}: .+\nIn a pool with MFA required \\(ON\\) a user's last MFA factor cannot be turned off, and this region does not offer AdminDeleteSoftwareToken yet`,
        ),
      )
      expect((await mfaStatus(required, username)).totpEnabled).toBe(true)
    })

    test('any other failure is not a reason to fall back', async () => {
      const { username } = await enrolledUser(optional)
      const denied = failingCommand('AdminDeleteSoftwareTokenCommand', () => new AccessDeniedException({ message: 'Access denied', $metadata: {} }))
      const run = await admin(['reset-totp', username, ...at(optional), '--yes'], { createClient: denied })
      expect(run.code).toBe(1)
      expect(run.stderr).toContain('may not call cognito-idp:AdminDeleteSoftwareToken')
      expect((await mfaStatus(optional, username)).totpEnabled).toBe(true)
    })
  })
})

describe('prefer-totp', () => {
  test('makes a verified authenticator the preferred MFA', async () => {
    const { username } = await enrolledUser(optional)
    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: optional.poolId,
        Username: username,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false },
      }),
    )
    expect((await mfaStatus(optional, username)).preferredMfa).toBeNull()
    const run = await admin(['prefer-totp', username, ...at(optional)])
    expect(run).toMatchObject({ code: 0, stdout: `TOTP is enabled and preferred for ${username}.` })
    expect((await mfaStatus(optional, username)).preferredMfa).toBe('SOFTWARE_TOKEN_MFA')
  })

  test('a user without an authenticator is told what to do', async () => {
    const username = await newUser(optional)
    const run = await admin(['prefer-totp', username, ...at(optional)])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(new RegExp(`^${username} has no verified authenticator, so TOTP cannot be preferred: .* Cognito said: .+`))
  })
})

describe('sign-out', () => {
  test('revokes every session of the user', async () => {
    const username = await newUser(optional)
    const tokens = await signedIn(optional, username)
    const run = await admin(['sign-out', username, ...at(optional)])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      `Signed ${username} out everywhere: every refresh token is revoked, and Cognito refuses the access tokens issued with them.`,
    )
    expect((await rejectionOf(sdk.send(new GetUserCommand({ AccessToken: tokens.AccessToken })))).message).toBe('Access Token has been revoked')
    expect(
      (await rejectionOf(sdk.send(new GetTokensFromRefreshTokenCommand({ ClientId: optional.clientId, RefreshToken: tokens.RefreshToken })))).message,
    ).toBe('Refresh Token has been revoked')
  })

  test('an unknown user is named', async () => {
    const run = await admin(['sign-out', 'nobody-here', ...at(optional)])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`No user "nobody-here" in user pool ${optional.poolId}.`)
  })
})

describe('test-sign-in', () => {
  const signIn = (app: App, username: string, answers: string[], extra: string[] = []) =>
    admin(['test-sign-in', username, ...at(app), '--client-id', app.clientId, ...extra], { answers })

  test('password and code, both asked without echo: reports the outcome, prints no token, revokes the test session', async () => {
    const { username, secret } = await enrolledUser(optional)
    const run = await signIn(optional, username, [PASSWORD, phoneCode(secret, clock.now())], ['--json'])
    expect(run.code).toBe(0)
    expect(run.prompts).toEqual([
      { question: `Password for ${username}: `, secret: true },
      { question: 'Authenticator code: ', secret: true },
    ])
    expect(JSON.parse(run.stdout)).toEqual({ username, outcome: 'signed-in-with-totp', testSessionRevoked: true })
    expect(run.stdout + run.stderr).not.toMatch(/eyJ/) // no JWT anywhere
    clock.advance(TOTP_STEP_MS)
  })

  test('a wrong code and a wrong password are refused with what Cognito said', async () => {
    const { username, secret } = await enrolledUser(optional)
    const code = await signIn(optional, username, [PASSWORD, wrongCode(secret, clock.now())])
    expect(code).toMatchObject({ code: 1, stdout: '' })
    expect(code.stderr).toBe('Sign-in refused at AdminRespondToAuthChallenge: CodeMismatchException: Invalid code received for user')
    const password = await signIn(optional, username, ['wrong-Password-1'])
    expect(password.stderr).toBe('Sign-in refused at AdminInitiateAuth: NotAuthorizedException: Incorrect username or password.')
  })

  test('a user without an authenticator: MFA_SETUP in an ON pool, tokens in an OPTIONAL one', async () => {
    const bob = await newUser(required)
    const setup = await signIn(required, bob, [PASSWORD])
    expect(setup).toMatchObject({
      code: 0,
      stdout: `The password is right; ${bob} has no authenticator and will be asked to set one up at sign-in (MFA_SETUP).`,
    })
    const carol = await newUser(optional)
    const plain = await signIn(optional, carol, [PASSWORD])
    expect(plain.stdout).toBe(
      `${carol} signed in with the password alone: no MFA was asked (the user has no authenticator, or the pool's MFA is off).`,
    )
  })

  test('a client without ADMIN_USER_PASSWORD_AUTH, an unknown client, a missing --client-id', async () => {
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: optional.poolId,
        ClientName: 'srp only',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    )
    const username = await newUser(optional)
    const srpOnly = await signIn({ poolId: optional.poolId, clientId: UserPoolClient!.ClientId! }, username, [PASSWORD])
    expect(srpOnly.code).toBe(1)
    expect(srpOnly.stderr).toContain('The client does not allow ADMIN_USER_PASSWORD_AUTH')
    expect(srpOnly.stderr).toContain('AllowAdminUserPasswordAuth=true')
    const unknown = await signIn({ poolId: optional.poolId, clientId: 'nosuchclient' }, username, [PASSWORD])
    expect(unknown.stderr).toContain(`No app client "nosuchclient" in user pool ${optional.poolId}`)
    const missing = await admin(['test-sign-in', username, ...at(optional)])
    expect(missing).toMatchObject({ code: 2, prompts: [] })
    expect(missing.stderr.split('\n')[0]).toBe('test-sign-in needs --client-id (or amplify_outputs.json)')
  })
})

// docs/cognito-behaviour.md#adminresetuserpassword
describe('reset-password', () => {
  const signIn = (username: string) =>
    sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: optional.poolId,
        ClientId: optional.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    )

  test('asks first; then the password stops working until the user resets it, and the authenticator stays', async () => {
    const { username } = await enrolledUser(optional)
    const declined = await admin(['reset-password', username, ...at(optional)], { answers: ['n'] })
    expect(declined).toMatchObject({ code: 1, stderr: 'Nothing changed.' })
    expect(await mfaStatus(optional, username)).toMatchObject({ userStatus: 'CONFIRMED' })

    const run = await admin(['reset-password', username, ...at(optional)], { answers: ['y'] })
    expect(run.prompts[0].question).toContain(`Reset the password of ${username} in ${optional.poolId}?`)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')).toEqual([
      `The password of ${username} is reset (AdminResetUserPassword): sign-in answers "password reset required" until they choose a new one.`,
      'Cognito sent them a reset code (to their verified email or phone number), which they enter with a new password. Their authenticator stays: the next sign-in still asks for its code.',
      `Sessions already open stay open; to end them: npm run admin -- sign-out ${username} --pool-id ${optional.poolId}`,
    ])
    expect(await mfaStatus(optional, username)).toMatchObject({ userStatus: 'RESET_REQUIRED', totpEnabled: true })
    expect((await rejectionOf(signIn(username))).name).toBe('PasswordResetRequiredException')
  })

  test('--yes --json for scripts; a user who never chose a password is refused, with what to do instead', async () => {
    const username = await newUser(optional)
    const run = await admin(['reset-password', username, ...at(optional), '--yes', '--json'])
    expect(run).toMatchObject({ code: 0, prompts: [] })
    expect(JSON.parse(run.stdout)).toEqual({ username, userStatus: 'RESET_REQUIRED', codeSent: true })

    const temporary = uniqueName('temp')
    await createTemporaryUser(sdk, optional.poolId, temporary, PASSWORD)
    const refused = await admin(['reset-password', temporary, ...at(optional), '--yes'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^\S+ cannot be reset in status FORCE_CHANGE_PASSWORD: a user who never chose a password needs/)
  })
})

describe('devices and forget-devices', () => {
  let tracking: App

  beforeAll(async () => {
    const { UserPool } = await sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'admin devices',
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
      }),
    )
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'web',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
      }),
    )
    tracking = { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! }
  })

  /** A sign-in, then ConfirmDevice as a browser's Amplify sends it, named `name`; remembered if asked. */
  async function device(username: string, name: string, remembered: boolean): Promise<{ key: string; refreshToken: string }> {
    const tokens = await signedIn(tracking, username)
    const { DeviceKey, DeviceGroupKey } = tokens.NewDeviceMetadata!
    const { saltHex, verifierHex } = createVerifier(DeviceGroupKey!, DeviceKey!, 'browser secret')
    await sdk.send(
      new ConfirmDeviceCommand({
        AccessToken: tokens.AccessToken,
        DeviceKey,
        DeviceName: name,
        DeviceSecretVerifierConfig: {
          PasswordVerifier: Buffer.from(verifierHex, 'hex').toString('base64'),
          Salt: Buffer.from(padHex(BigInt(`0x${saltHex}`)), 'hex').toString('base64'),
        },
      }),
    )
    if (remembered)
      await sdk.send(new UpdateDeviceStatusCommand({ AccessToken: tokens.AccessToken, DeviceKey, DeviceRememberedStatus: 'remembered' }))
    return { key: DeviceKey!, refreshToken: tokens.RefreshToken! }
  }

  test('devices lists name, remembered or not and last sign-in, remembered first; a name cannot drive the terminal', async () => {
    const username = await newUser(tracking)
    const laptop = await device(username, 'Firefox on Linux', false)
    clock.advance(60_000)
    const phone = await device(username, 'Safari\u001b[2J on iPhone', true)

    const run = await admin(['devices', username, ...at(tracking)])
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe(`${username} has 2 tracked devices, 1 remembered (a remembered one signs in without the authenticator code):`)
    expect(lines[1]).toBe(`  remembered      last sign-in ${new Date(clock.now()).toISOString()}  Safari\\u001b[2J on iPhone  (${phone.key})`)
    expect(lines[2]).toBe(`  not remembered  last sign-in ${new Date(clock.now() - 60_000).toISOString()}  Firefox on Linux  (${laptop.key})`)

    const json = JSON.parse((await admin(['devices', username, ...at(tracking), '--json'])).stdout) as {
      devices: { key: string; remembered: boolean }[]
    }
    expect(json.devices.map(({ key, remembered }) => ({ key, remembered }))).toEqual([
      { key: laptop.key, remembered: false },
      { key: phone.key, remembered: true },
    ])
  })

  test('reset-totp forgets every device too: a browser remembered with the lost authenticator asks for the new one', async () => {
    const username = await newUser(tracking)
    const laptop = await device(username, 'Firefox on Linux', true)
    await device(username, 'Chrome on Windows', false)
    // TOTP optional in this pool: its other users have no authenticator, so their sign-ins ask nothing.
    await sdk.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: tracking.poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    )
    const { AccessToken } = await signedIn(tracking, username)
    const { SecretCode } = await sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }))
    await sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: phoneCode(SecretCode!, clock.now()) }))
    await sdk.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: tracking.poolId,
        Username: username,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    )

    const run = await admin(['reset-totp', username, ...at(tracking), '--yes'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      `The authenticator of ${username} is removed (AdminDeleteSoftwareToken): codes from the old app no longer work.`,
      `Forgot 2 devices of ${username} (AdminForgetDevice): no browser skips the authenticator code any more, and their refresh tokens stop working.`,
    ])
    expect((await admin(['devices', username, ...at(tracking), '--json'])).stdout).not.toContain(laptop.key)
    const again = await admin(['reset-totp', username, ...at(tracking), '--yes', '--json'])
    expect(JSON.parse(again.stdout)).toMatchObject({ devicesForgotten: 0 })
  })

  test('forget-devices asks first; "y" forgets every device, whose refresh tokens then stop working', async () => {
    const username = await newUser(tracking)
    const laptop = await device(username, 'Firefox on Linux', true)
    await device(username, 'Chrome on Windows', false)

    const no = await admin(['forget-devices', username, ...at(tracking)], { answers: ['n'] })
    expect(no.code).toBe(1)
    expect(no.prompts[0].question).toBe(
      `Forget the 2 devices of ${username} in ${tracking.poolId} (1 remembered)? The next sign-in on each asks for the authenticator code. [y/N] `,
    )
    expect((await admin(['devices', username, ...at(tracking), '--json'])).stdout).toContain(laptop.key)

    const yes = await admin(['forget-devices', username, ...at(tracking)], { answers: ['y'] })
    expect(yes.code).toBe(0)
    expect(yes.stdout).toContain(`Forgot 2 devices of ${username}`)
    expect((await admin(['devices', username, ...at(tracking)])).stdout).toBe(
      `${username} has no tracked devices: every sign-in asks for the authenticator code.`,
    )
    const refresh = sdk.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: tracking.clientId, RefreshToken: laptop.refreshToken, DeviceKey: laptop.key }),
    )
    expect((await rejectionOf(refresh)).message).toBe('Invalid Refresh Token')
  })

  test('--yes --json for scripts; nothing to forget; an unknown user is named', async () => {
    const username = await newUser(tracking)
    expect(JSON.parse((await admin(['forget-devices', username, ...at(tracking), '--yes', '--json'])).stdout)).toEqual({ username, forgotten: 0 })
    await device(username, 'Firefox on Linux', true)
    expect(JSON.parse((await admin(['forget-devices', username, ...at(tracking), '--yes', '--json'])).stdout)).toEqual({ username, forgotten: 1 })
    const unknown = await admin(['devices', 'nobody-here', ...at(tracking)])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain(`No user "nobody-here" in user pool ${tracking.poolId}.`)
  })
})

// Changing a user's attributes through real clients (issue 12, wider surface): the AWS SDK for the
// administrator's and the user's own operations, the AWS CLI for AdminUpdateUserAttributes, and aws-amplify
// v6's updateUserAttributes / confirmUserAttribute / sendUserAttributeVerificationCode. The pool prints the
// codes it would send, which stand in for the inbox here (docs/cognito-behaviour.md#attribute-updates,
// docs/cognito-behaviour.md#attribute-verification).
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import {
  AdminDeleteUserAttributesCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminUpdateUserAttributesCommand,
  DeleteUserAttributesCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider'
import { Amplify } from 'aws-amplify'
import { confirmUserAttribute, fetchUserAttributes, sendUserAttributeVerificationCode, signIn, signOut, updateUserAttributes } from 'aws-amplify/auth'
import { ConsoleLogger } from 'aws-amplify/utils'
import { awsCliEnv, createConfirmedUser, failOnConsoleError, rejectionOf, sdkClient, uniqueName, useLocalPool } from './harness.ts'

// Amplify warns on every configure that the endpoint is custom; that is the point here.
ConsoleLogger.LOG_LEVEL = 'ERROR'

const run = promisify(execFile)
const logLines: string[] = []
failOnConsoleError()
// The demo pool with MFA OPTIONAL auto-verifies email (infra/user-pool.yaml): a new user without TOTP gets tokens at once.
const local = useLocalPool((pools) => pools.find((pool) => pool.mfaConfiguration === 'OPTIONAL')!, { log: (line) => logLines.push(line) })
const sdk = () => sdkClient(local.emulator.url)

async function newUser(prefix: string): Promise<{ username: string; password: string }> {
  const username = uniqueName(prefix)
  const password = `${prefix}-Pass-2026!`
  await createConfirmedUser(sdk(), local.pool.userPoolId, username, password)
  return { username, password }
}

async function accessTokenOf(username: string, password: string): Promise<string> {
  const { AuthenticationResult } = await sdk().send(
    new AdminInitiateAuthCommand({
      UserPoolId: local.pool.userPoolId,
      ClientId: local.pool.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  )
  return AuthenticationResult?.AccessToken ?? ''
}

const asRecord = (attributes: AttributeType[] | undefined) => Object.fromEntries((attributes ?? []).map(({ Name, Value }) => [Name, Value]))

/** The last attribute verification code the pool printed for `address`. */
function lastCodeFor(address: string): string {
  const code = /: (\d{6})$/.exec(logLines.findLast((line) => line.startsWith('Verification code for ') && line.includes(`<${address}>`)) ?? '')?.[1]
  if (!code) throw new Error(`no verification code was printed for ${address}`)
  return code
}

describe('through the AWS SDK', () => {
  test('AdminUpdateUserAttributes and AdminDeleteUserAttributes; AdminGetUser reflects both; sub is never writable', async () => {
    const { username } = await newUser('ada')
    const UserPoolId = local.pool.userPoolId
    await sdk().send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId,
        Username: username,
        UserAttributes: [
          { Name: 'given_name', Value: 'Ada' },
          { Name: 'email', Value: 'ada@new.example' },
        ],
      }),
    )
    let user = await sdk().send(new AdminGetUserCommand({ UserPoolId, Username: username }))
    expect(asRecord(user.UserAttributes)).toMatchObject({ given_name: 'Ada', email: 'ada@new.example', email_verified: 'false' })
    expect(lastCodeFor('ada@new.example')).toMatch(/^\d{6}$/)
    await sdk().send(new AdminDeleteUserAttributesCommand({ UserPoolId, Username: username, UserAttributeNames: ['given_name'] }))
    user = await sdk().send(new AdminGetUserCommand({ UserPoolId, Username: username }))
    expect(asRecord(user.UserAttributes)).not.toHaveProperty('given_name')
    const sub = await rejectionOf(
      sdk().send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username: username, UserAttributes: [{ Name: 'sub', Value: 'x' }] })),
    )
    expect([sub.name, sub.message]).toEqual(['InvalidParameterException', 'user.sub: Attribute cannot be updated.'])
  })

  test('the user changes their email, is sent a code, verifies it; GetUser shows each step; deletes an attribute', async () => {
    const { username, password } = await newUser('ben')
    const AccessToken = await accessTokenOf(username, password)
    const changed = await sdk().send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: 'ben@new.example' }] }))
    expect(changed.CodeDeliveryDetailsList).toEqual([{ Destination: 'b***@n***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }])
    expect(asRecord((await sdk().send(new GetUserCommand({ AccessToken }))).UserAttributes)).toMatchObject({
      email: 'ben@new.example',
      email_verified: 'false',
    })
    const wrong = await rejectionOf(sdk().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: '12345x' })))
    expect(wrong.name).toBe('CodeMismatchException')
    const again = await sdk().send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }))
    expect(again.CodeDeliveryDetails).toEqual({ Destination: 'b***@n***', DeliveryMedium: 'EMAIL', AttributeName: 'email' })
    await sdk().send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: lastCodeFor('ben@new.example') }))
    expect(asRecord((await sdk().send(new GetUserCommand({ AccessToken }))).UserAttributes)).toMatchObject({ email_verified: 'true' })

    await sdk().send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'nickname', Value: 'Benny' }] }))
    await sdk().send(new DeleteUserAttributesCommand({ AccessToken, UserAttributeNames: ['nickname'] }))
    expect(asRecord((await sdk().send(new GetUserCommand({ AccessToken }))).UserAttributes)).not.toHaveProperty('nickname')
    const flag = await rejectionOf(
      sdk().send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email_verified', Value: 'true' }] })),
    )
    expect([flag.name, flag.message]).toEqual(['NotAuthorizedException', 'A client attempted to write unauthorized attribute'])
  })
})

// The CLI takes seconds to start on a busy machine.
test('through the AWS CLI: admin-update-user-attributes marks a new email verified, as an administrator may', { timeout: 60_000 }, async () => {
  const { username } = await newUser('cal')
  const cli = (...args: string[]) =>
    run(
      'aws',
      [
        'cognito-idp',
        ...args,
        '--user-pool-id',
        local.pool.userPoolId,
        '--username',
        username,
        '--endpoint-url',
        local.emulator.url,
        '--output',
        'json',
      ],
      {
        env: awsCliEnv,
        timeout: 60_000,
      },
    )
  await cli('admin-update-user-attributes', '--user-attributes', 'Name=email,Value=cal@new.example', 'Name=email_verified,Value=true')
  const { stdout } = await cli('admin-get-user')
  const user = JSON.parse(stdout) as { UserAttributes: AttributeType[] }
  expect(asRecord(user.UserAttributes)).toMatchObject({ email: 'cal@new.example', email_verified: 'true' })
  expect(logLines.some((line) => line.includes('<cal@new.example>'))).toBe(false)
})

describe('through aws-amplify v6', () => {
  beforeEach(() => {
    Amplify.configure({
      Auth: { Cognito: { userPoolId: local.pool.userPoolId, userPoolClientId: local.pool.clientId, userPoolEndpoint: local.emulator.url } },
    })
  })
  afterEach(async () => {
    await signOut()
  })

  test('updateUserAttributes asks to confirm the new email; confirmUserAttribute with the printed code verifies it', async () => {
    const { username, password } = await newUser('dee')
    expect((await signIn({ username, password })).nextStep.signInStep).toBe('DONE')
    const result = await updateUserAttributes({ userAttributes: { email: 'dee@new.example', nickname: 'Dee' } })
    expect(result.nickname).toEqual({ isUpdated: true, nextStep: { updateAttributeStep: 'DONE' } })
    expect(result.email).toEqual({
      isUpdated: false,
      nextStep: {
        updateAttributeStep: 'CONFIRM_ATTRIBUTE_WITH_CODE',
        codeDeliveryDetails: { attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'd***@n***' },
      },
    })
    expect(await fetchUserAttributes()).toMatchObject({ email: 'dee@new.example', email_verified: 'false', nickname: 'Dee' })
    const resent = await sendUserAttributeVerificationCode({ userAttributeKey: 'email' })
    expect(resent).toEqual({ attributeName: 'email', deliveryMedium: 'EMAIL', destination: 'd***@n***' })
    const code = lastCodeFor('dee@new.example')
    expect(code).toMatch(/^\d{6}$/)
    await confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: code })
    expect(await fetchUserAttributes()).toMatchObject({ email: 'dee@new.example', email_verified: 'true' })
  })
})

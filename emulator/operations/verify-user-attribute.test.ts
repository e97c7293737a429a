import type { PoolRecord } from '../state/model.ts'
import { MINUTE_MS, call, createApp, createTestDeps, createUser, failure, signedIn, storedUser, type App, type TestDeps } from '../test-support.ts'
import { getUserAttributeVerificationCode } from './get-user-attribute-verification-code.ts'
import { updateUserAttributes } from './update-user-attributes.ts'
import { verifyUserAttribute } from './verify-user-attribute.ts'

/** The attribute verification code the emulator "sent": the last one it printed. */
function lastVerificationCode(deps: TestDeps): string {
  const code = deps.logs.findLast((line) => line.startsWith('Verification code'))?.match(/: (\d{6})$/)?.[1]
  if (!code) throw new Error('no verification code was printed')
  return code
}

describe('GetUserAttributeVerificationCode and VerifyUserAttribute', () => {
  let deps: TestDeps
  let app: App
  let accessToken: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OFF', input: { AutoVerifiedAttributes: ['email'] } })
    await createUser(deps, app.poolId, 'alice', { attributes: { email_verified: 'true', phone_number: '+15555550100' } })
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
    await call(updateUserAttributes, { AccessToken: accessToken, UserAttributes: [{ Name: 'email', Value: 'alice@new.example' }] }, deps)
  })

  const verify = (code: string, AttributeName = 'email') => call(verifyUserAttribute, { AccessToken: accessToken, AttributeName, Code: code }, deps)
  const wrong = () => (lastVerificationCode(deps) === '000000' ? '000001' : '000000')

  test('the printed code verifies the changed email', async () => {
    expect(await verify(lastVerificationCode(deps))).toEqual({})
    const user = storedUser(deps, app.poolId, 'alice')
    expect(user.attributes).toMatchObject({ email: 'alice@new.example', email_verified: 'true' })
    expect(user.attributeCodes).toBeUndefined()
  })

  test('a wrong code is CodeMismatchException; a used one, or none asked for, ExpiredCodeException', async () => {
    expect(await failure(verify(wrong()))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    })
    const code = lastVerificationCode(deps)
    await verify(code)
    expect(await failure(verify(code))).toEqual({ name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' })
    expect((await failure(verify('123456', 'phone_number'))).name).toBe('ExpiredCodeException')
  })

  test('a code lasts 24 hours', async () => {
    deps.clock.advance(24 * 60 * MINUTE_MS)
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken // the first one lasted an hour
    expect((await failure(verify(lastVerificationCode(deps)))).name).toBe('ExpiredCodeException')
  })

  test('GetUserAttributeVerificationCode sends a new code (SMS for a phone number), which replaces the last', async () => {
    const first = lastVerificationCode(deps)
    const reply = await call(getUserAttributeVerificationCode, { AccessToken: accessToken, AttributeName: 'phone_number' }, deps)
    expect(reply).toEqual({ CodeDeliveryDetails: { Destination: '+*******0100', DeliveryMedium: 'SMS', AttributeName: 'phone_number' } })
    await verify(lastVerificationCode(deps), 'phone_number')
    expect(storedUser(deps, app.poolId, 'alice').attributes.phone_number_verified).toBe('true')
    // The email's code is its own.
    expect(await verify(first)).toEqual({})
  })

  test('only email and phone_number can be verified, and only when the user has one', async () => {
    expect((await failure(call(getUserAttributeVerificationCode, { AccessToken: accessToken, AttributeName: 'nickname' }, deps))).name).toBe(
      'InvalidParameterException',
    )
    const other = await createApp(deps, { mfa: 'OFF' })
    await createUser(deps, other.poolId, 'bob', { email: '' })
    const bobToken = (await signedIn(deps, other, 'bob')).AccessToken
    expect((await failure(call(getUserAttributeVerificationCode, { AccessToken: bobToken, AttributeName: 'email' }, deps))).name).toBe(
      'InvalidParameterException',
    )
  })

  test('five new codes and ten wrong codes an hour, then LimitExceededException', async () => {
    const ask = () => call(getUserAttributeVerificationCode, { AccessToken: accessToken, AttributeName: 'email' }, deps)
    for (let i = 0; i < 5; i++) await ask()
    expect((await failure(ask())).name).toBe('LimitExceededException')
    for (let i = 0; i < 10; i++) expect((await failure(verify(wrong()))).name).toBe('CodeMismatchException')
    expect(await failure(verify(lastVerificationCode(deps)))).toEqual({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    })
    deps.clock.advance(60 * MINUTE_MS)
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
    expect(await verify(lastVerificationCode(deps))).toEqual({})
  })
})

describe('a waiting value someone else signs in with meanwhile (AttributesRequireVerificationBeforeUpdate, email alias)', () => {
  test('VerifyUserAttribute refuses it with AliasExistsException and keeps the current value', async () => {
    const deps = createTestDeps()
    const app = await createApp(deps, { mfa: 'OFF', input: { AliasAttributes: ['email'], AutoVerifiedAttributes: ['email'] } })
    const pool = deps.store.requirePool(app.poolId)
    deps.store.savePool({
      ...pool,
      settings: { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } },
    } as PoolRecord)
    await createUser(deps, app.poolId, 'alice', { attributes: { email_verified: 'true' } })
    const accessToken = (await signedIn(deps, app, 'alice')).AccessToken
    await call(updateUserAttributes, { AccessToken: accessToken, UserAttributes: [{ Name: 'email', Value: 'shared@example.com' }] }, deps)
    const code = lastVerificationCode(deps)
    await createUser(deps, app.poolId, 'bob', { email: 'shared@example.com', attributes: { email_verified: 'true' } })
    expect(await failure(call(verifyUserAttribute, { AccessToken: accessToken, AttributeName: 'email', Code: code }, deps))).toEqual({
      name: 'AliasExistsException',
      message: 'An account with the given email already exists.',
    })
    expect(storedUser(deps, app.poolId, 'alice').attributes.email).toBe('alice@example.com')
    expect(storedUser(deps, app.poolId, 'bob').attributes.email).toBe('shared@example.com')
  })
})

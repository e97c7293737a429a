import { call, createApp, createTestDeps, createUser, failure, signedIn, storedUser, type App, type TestDeps } from '../test-support.ts'
import type { PoolRecord } from '../state/model.ts'
import { adminUpdateUserAttributes } from './admin-update-user-attributes.ts'
import { deleteUserAttributes } from './delete-user-attributes.ts'
import { getUser } from './get-user.ts'
import { updateUserAttributes } from './update-user-attributes.ts'
import { verifyUserAttribute } from './verify-user-attribute.ts'

describe("UpdateUserAttributes and DeleteUserAttributes (the user's own)", () => {
  let deps: TestDeps
  let app: App
  let accessToken: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OFF', input: { AutoVerifiedAttributes: ['email'] } })
    await createUser(deps, app.poolId, 'alice', { attributes: { email_verified: 'true' } })
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
  })

  const update = (attributes: Record<string, string>) =>
    call(
      updateUserAttributes,
      { AccessToken: accessToken, UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) },
      deps,
    )
  const attributesOf = async () => {
    const { UserAttributes } = await call(getUser, { AccessToken: accessToken }, deps)
    return Object.fromEntries((UserAttributes as Array<{ Name: string; Value: string }>).map(({ Name, Value }) => [Name, Value]))
  }

  test('an attribute without verification: changed at once, an empty delivery list', async () => {
    expect(await update({ nickname: 'Al' })).toEqual({ CodeDeliveryDetailsList: [] })
    expect(await attributesOf()).toMatchObject({ nickname: 'Al' })
  })

  test('a new email: unverified, a code printed, and its delivery listed', async () => {
    expect(await update({ email: 'alice@new.example' })).toEqual({
      CodeDeliveryDetailsList: [{ Destination: 'a***@n***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }],
    })
    expect(await attributesOf()).toMatchObject({ email: 'alice@new.example', email_verified: 'false' })
    expect(deps.logs.at(-1)).toMatch(/^Verification code for alice <alice@new\.example>: \d{6}$/)
  })

  test('the same email again changes nothing about its verification', async () => {
    expect(await update({ email: 'alice@example.com' })).toEqual({ CodeDeliveryDetailsList: [] })
    expect(await attributesOf()).toMatchObject({ email_verified: 'true' })
  })

  test('a client may not write email_verified or phone_number_verified', async () => {
    for (const flag of ['email_verified', 'phone_number_verified']) {
      expect(await failure(update({ [flag]: 'true' }))).toEqual({
        name: 'NotAuthorizedException',
        message: 'A client attempted to write unauthorized attribute',
      })
    }
    expect(await failure(call(deleteUserAttributes, { AccessToken: accessToken, UserAttributeNames: ['email_verified'] }, deps))).toMatchObject({
      name: 'NotAuthorizedException',
    })
  })

  test('sub is not writable', async () => {
    expect(await failure(update({ sub: 'mine' }))).toEqual({ name: 'InvalidParameterException', message: 'user.sub: Attribute cannot be updated.' })
  })

  test("DeleteUserAttributes removes the user's own attributes", async () => {
    await update({ nickname: 'Al', given_name: 'Alice' })
    expect(await call(deleteUserAttributes, { AccessToken: accessToken, UserAttributeNames: ['nickname'] }, deps)).toEqual({})
    expect(storedUser(deps, app.poolId, 'alice').attributes).toEqual({ email: 'alice@example.com', email_verified: 'true', given_name: 'Alice' })
  })

  test('without a valid access token both are NotAuthorizedException', async () => {
    expect((await failure(call(updateUserAttributes, { AccessToken: 'a.b.c', UserAttributes: [] }, deps))).name).toBe('NotAuthorizedException')
    expect((await failure(call(deleteUserAttributes, { AccessToken: 'a.b.c', UserAttributeNames: ['nickname'] }, deps))).name).toBe(
      'NotAuthorizedException',
    )
  })
})

describe('a pool that keeps the original email until the new one is verified (AttributesRequireVerificationBeforeUpdate)', () => {
  let deps: TestDeps
  let app: App
  let accessToken: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OFF', input: { AutoVerifiedAttributes: ['email'] } })
    // The setting as CreateUserPool / UpdateUserPool keep it among the pool's settings.
    const pool = deps.store.requirePool(app.poolId)
    deps.store.savePool({
      ...pool,
      settings: { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } },
    } as PoolRecord)
    await createUser(deps, app.poolId, 'alice', { attributes: { email_verified: 'true' } })
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
  })

  const emailOf = async () => {
    const { UserAttributes } = await call(getUser, { AccessToken: accessToken }, deps)
    const record = Object.fromEntries((UserAttributes as Array<{ Name: string; Value: string }>).map(({ Name, Value }) => [Name, Value]))
    return [record.email, record.email_verified]
  }
  const lastCode = () => deps.logs.findLast((line) => line.startsWith('Verification code'))?.match(/: (\d{6})$/)?.[1] ?? ''

  test('the old, verified address stays until the code sent to the new one comes back', async () => {
    const reply = await call(
      updateUserAttributes,
      { AccessToken: accessToken, UserAttributes: [{ Name: 'email', Value: 'alice@new.example' }] },
      deps,
    )
    expect(reply.CodeDeliveryDetailsList).toEqual([{ Destination: 'a***@n***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }])
    expect(deps.logs.at(-1)).toContain('<alice@new.example>')
    expect(await emailOf()).toEqual(['alice@example.com', 'true'])
    await call(verifyUserAttribute, { AccessToken: accessToken, AttributeName: 'email', Code: lastCode() }, deps)
    expect(await emailOf()).toEqual(['alice@new.example', 'true'])
    expect(storedUser(deps, app.poolId, 'alice').pendingAttributes).toBeUndefined()
  })

  test('an administrator who marks the new address verified changes it at once', async () => {
    await call(
      adminUpdateUserAttributes,
      {
        UserPoolId: app.poolId,
        Username: 'alice',
        UserAttributes: [
          { Name: 'email', Value: 'alice@new.example' },
          { Name: 'email_verified', Value: 'true' },
        ],
      },
      deps,
    )
    expect(await emailOf()).toEqual(['alice@new.example', 'true'])
  })
})

import { T0, call, createClient, createTestDeps, failure, type TestDeps } from '../test-support.ts'
import { createUserPool } from './create-user-pool.ts'
import { describeUserPool } from './describe-user-pool.ts'
import { listUserPools } from './list-user-pools.ts'
import { signUp } from './sign-up.ts'

describe('CreateUserPool', () => {
  let deps: TestDeps

  beforeEach(() => {
    deps = createTestDeps()
  })

  test('a pool with AWS-shaped id and ARN, MFA OFF and the default password policy', async () => {
    const { UserPool } = await call(createUserPool, { PoolName: 'app users' }, deps)
    expect(UserPool).toMatchObject({
      Id: expect.stringMatching(/^us-east-1_[0-9a-zA-Z]{9}$/),
      Name: 'app users',
      CreationDate: T0 / 1000,
      LastModifiedDate: T0 / 1000,
      MfaConfiguration: 'OFF',
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } },
      UsernameConfiguration: { CaseSensitive: true },
    })
    expect(UserPool.Arn).toBe(`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${UserPool.Id}`)
    expect((await call(describeUserPool, { UserPoolId: UserPool.Id }, deps)).UserPool).toMatchObject({ Id: UserPool.Id, EstimatedNumberOfUsers: 0 })
  })

  test.each(['ON', 'OPTIONAL'])('MfaConfiguration %s without an SmsConfiguration is refused (TOTP is set afterwards)', async (mfa) => {
    expect((await failure(createUserPool({ PoolName: 'p', MfaConfiguration: mfa }, deps))).name).toBe('InvalidParameterException')
    expect(deps.store.listPools()).toEqual([])
  })

  test('MfaConfiguration ON with an SmsConfiguration is accepted: SMS on, TOTP still off', async () => {
    const { UserPool } = await call(
      createUserPool,
      { PoolName: 'p', MfaConfiguration: 'ON', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms' } },
      deps,
    )
    expect(UserPool.MfaConfiguration).toBe('ON')
    expect(deps.store.requirePool(UserPool.Id)).toMatchObject({ smsMfaEnabled: true, softwareTokenMfaEnabled: false })
  })

  test("the pool's password policy applies to its users", async () => {
    const { UserPool } = await call(createUserPool, { PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 12 } } }, deps)
    const clientId = await createClient(deps, UserPool.Id)
    expect(await failure(signUp({ ClientId: clientId, Username: 'u', Password: 'short' }, deps))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    })
    // Only the length was asked for.
    expect((await call(signUp, { ClientId: clientId, Username: 'u', Password: 'longenoughpassword' }, deps)).UserConfirmed).toBe(false)
  })

  test('UsernameAttributes and AliasAttributes together are refused; unknown attribute names too', async () => {
    expect((await failure(createUserPool({ PoolName: 'p', UsernameAttributes: ['email'], AliasAttributes: ['email'] }, deps))).name).toBe(
      'InvalidParameterException',
    )
    expect((await failure(createUserPool({ PoolName: 'p', UsernameAttributes: ['nickname'] }, deps))).name).toBe('InvalidParameterException')
  })

  test('PoolName is required', async () => {
    expect(await failure(createUserPool({}, deps))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null",
    })
  })

  test('ListUserPools pages through the pools', async () => {
    for (const name of ['a', 'b', 'c']) await createUserPool({ PoolName: name }, deps)
    const first = await call(listUserPools, { MaxResults: 2 }, deps)
    expect(first.UserPools.map((pool: { Name: string }) => pool.Name)).toEqual(['a', 'b'])
    const second = await call(listUserPools, { MaxResults: 2, NextToken: first.NextToken }, deps)
    expect(second.UserPools.map((pool: { Name: string }) => pool.Name)).toEqual(['c'])
    expect(second.NextToken).toBeUndefined()
  })
})

import { call, createPool, createTestDeps, failure, type TestDeps } from '../test-support.ts'
import { createUserPool } from './create-user-pool.ts'
import { describeUserPool } from './describe-user-pool.ts'
import { getUserPoolMfaConfig } from './get-user-pool-mfa-config.ts'
import { updateUserPool } from './update-user-pool.ts'

describe('UpdateUserPool (issue 12, item 3)', () => {
  let deps: TestDeps

  beforeEach(() => {
    deps = createTestDeps()
  })

  const describe_ = async (id: string) => (await call(describeUserPool, { UserPoolId: id }, deps)).UserPool

  test('sets what it is given; every member it leaves out goes back to its default, as AWS documents', async () => {
    const { UserPool } = await call(
      createUserPool,
      {
        PoolName: 'p',
        AutoVerifiedAttributes: ['email'],
        DeletionProtection: 'ACTIVE',
        UserPoolTags: { team: 'identity' },
        Policies: { PasswordPolicy: { MinimumLength: 12 } },
        UsernameAttributes: ['email'],
        Schema: [{ Name: 'tenant', AttributeDataType: 'String' }],
      },
      deps,
    )
    deps.clock.advance(60_000)
    expect(await call(updateUserPool, { UserPoolId: UserPool.Id, SmsVerificationMessage: 'Code {####}' }, deps)).toEqual({})
    const updated = await describe_(UserPool.Id)
    expect(updated).toMatchObject({
      Name: 'p',
      SmsVerificationMessage: 'Code {####}',
      DeletionProtection: 'INACTIVE',
      UserPoolTags: {},
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireSymbols: true } },
      MfaConfiguration: 'OFF',
      // What UpdateUserPool has no member for stays.
      UsernameAttributes: ['email'],
      SchemaAttributes: UserPool.SchemaAttributes,
      LastModifiedDate: UserPool.LastModifiedDate + 60,
      CreationDate: UserPool.CreationDate,
    })
    expect(updated.AutoVerifiedAttributes).toBeUndefined()
  })

  test('MfaConfiguration left out turns MFA off; ON or OPTIONAL needs TOTP already on the pool or an SMS configuration', async () => {
    const poolId = await createPool(deps, { mfa: 'OPTIONAL' })
    await call(updateUserPool, { UserPoolId: poolId, MfaConfiguration: 'ON' }, deps)
    expect(await call(getUserPoolMfaConfig, { UserPoolId: poolId }, deps)).toMatchObject({
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    })
    await call(updateUserPool, { UserPoolId: poolId }, deps)
    expect((await call(getUserPoolMfaConfig, { UserPoolId: poolId }, deps)).MfaConfiguration).toBe('OFF')
    expect(await failure(updateUserPool({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL' }, deps))).toEqual({
      name: 'InvalidParameterException',
      message: "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
    })
    await call(
      updateUserPool,
      { UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms' } },
      deps,
    )
    expect(deps.store.requirePool(poolId)).toMatchObject({ mfaConfiguration: 'OPTIONAL', smsMfaEnabled: true, softwareTokenMfaEnabled: false })
  })

  test('AttributesRequireVerificationBeforeUpdate must be auto-verified; refused members are refused here too', async () => {
    const poolId = await createPool(deps, { mfa: 'OFF' })
    expect(
      await failure(
        updateUserPool({ UserPoolId: poolId, UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } }, deps),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes',
    })
    await call(
      updateUserPool,
      {
        UserPoolId: poolId,
        AutoVerifiedAttributes: ['email'],
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      },
      deps,
    )
    expect(
      (await failure(updateUserPool({ UserPoolId: poolId, LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:f' } }, deps)))
        .message,
    ).toBe('Lambda triggers are not supported by the local pool.')
    expect((await failure(updateUserPool({ UserPoolId: 'us-east-1_missing' }, deps))).name).toBe('ResourceNotFoundException')
  })
})

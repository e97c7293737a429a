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

describe('CreateUserPool: Schema and the members kept or refused (issue 12, difference 4)', () => {
  let deps: TestDeps

  beforeEach(() => {
    deps = createTestDeps()
  })

  test('a new pool returns the standard attributes Cognito lists, sub first and immutable', async () => {
    const { UserPool } = await call(createUserPool, { PoolName: 'p' }, deps)
    const names = UserPool.SchemaAttributes.map((attribute: { Name: string }) => attribute.Name)
    expect(names).toEqual([
      'sub',
      'name',
      'given_name',
      'family_name',
      'middle_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
      'website',
      'email',
      'email_verified',
      'gender',
      'birthdate',
      'zoneinfo',
      'locale',
      'phone_number',
      'phone_number_verified',
      'address',
      'updated_at',
    ])
    expect(UserPool.SchemaAttributes[0]).toEqual({
      Name: 'sub',
      AttributeDataType: 'String',
      DeveloperOnlyAttribute: false,
      Mutable: false,
      Required: true,
      StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' },
    })
    const described = (await call(describeUserPool, { UserPoolId: UserPool.Id }, deps)).UserPool
    expect(described.SchemaAttributes).toEqual(UserPool.SchemaAttributes)
  })

  test('a custom attribute is added as custom:<name>; a standard one can be made required', async () => {
    const { UserPool } = await call(
      createUserPool,
      {
        PoolName: 'p',
        Schema: [
          { Name: 'tenant', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '64' } },
          { Name: 'level', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '0', MaxValue: '9' } },
          { Name: 'given_name', Required: true },
        ],
      },
      deps,
    )
    const byName = new Map(UserPool.SchemaAttributes.map((attribute: { Name: string }) => [attribute.Name, attribute]))
    expect(byName.get('custom:tenant')).toEqual({
      Name: 'custom:tenant',
      AttributeDataType: 'String',
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
      StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
    })
    expect(byName.get('custom:level')).toMatchObject({ AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '0', MaxValue: '9' } })
    expect(byName.get('given_name')).toMatchObject({ Required: true, AttributeDataType: 'String' })
    expect(UserPool.SchemaAttributes).toHaveLength(22)
  })

  test.each([
    [{ Name: 'tenant', AttributeDataType: 'String', Required: true }, 'Required custom attributes are not supported currently.'],
    [{ Name: 'username', Required: true }, 'Invalid AttributeDataType input, consider using the provided AttributeDataType enum.'],
    [
      { Name: 'email', AttributeDataType: 'Number' },
      'You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email',
    ],
    [
      { Name: 'a'.repeat(21), AttributeDataType: 'String' },
      "1 validation error detected: Value 'aaaaaaaaaaaaaaaaaaaaa' at 'schema.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 20",
    ],
    [
      { Name: 'x', AttributeDataType: 'Date' },
      "1 validation error detected: Value 'Date' at 'schema.1.member.attributeDataType' failed to satisfy constraint: Member must satisfy enum value set: [String, Number, DateTime, Boolean]",
    ],
    [
      { Name: 'x', AttributeDataType: 'String', StringAttributeConstraints: { MaxLength: '4096' } },
      'user.custom:x: String attributes cannot have a length of more than 2048',
    ],
    [
      { Name: 'x', AttributeDataType: 'String', StringAttributeConstraints: { MinLength: '9', MaxLength: '3' } },
      'user.custom:x: Max length cannot be less than min length.',
    ],
    [
      { Name: 'x', AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: 'ten' } },
      'Invalid NumberAttributeConstraints for schema attribute custom:x',
    ],
  ])('Schema entry %j is refused: %s', async (entry, message) => {
    expect(await failure(createUserPool({ PoolName: 'p', Schema: [entry] }, deps))).toEqual({ name: 'InvalidParameterException', message })
    expect(deps.store.listPools()).toEqual([])
  })

  test('at most 50 Schema entries', async () => {
    const schema = Array.from({ length: 51 }, (_, index) => ({ Name: `a${index}`, AttributeDataType: 'String' }))
    expect((await failure(createUserPool({ PoolName: 'p', Schema: schema }, deps))).message).toContain(
      'Member must have length less than or equal to 50',
    )
    await call(createUserPool, { PoolName: 'p', Schema: schema.slice(0, 50) }, deps)
  })

  test('messages, tags, recovery and deletion protection are kept and returned; defaults as Cognito returns them', async () => {
    const kept = {
      DeletionProtection: 'ACTIVE',
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE', EmailMessage: 'Your code is {####}', EmailSubject: 'Code' },
      SmsVerificationMessage: 'Code {####}',
      EmailVerificationMessage: 'Your code is {####}',
      EmailVerificationSubject: 'Code',
      UserPoolTags: { team: 'identity' },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true, UnusedAccountValidityDays: 3 },
    }
    const { UserPool } = await call(createUserPool, { PoolName: 'p', ...kept }, deps)
    expect(UserPool).toMatchObject(kept)
    expect((await call(describeUserPool, { UserPoolId: UserPool.Id }, deps)).UserPool).toMatchObject({ ...kept, LambdaConfig: {} })
    const plain = (await call(createUserPool, { PoolName: 'plain' }, deps)).UserPool
    expect(plain).toMatchObject({
      DeletionProtection: 'INACTIVE',
      LambdaConfig: {},
      VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE' },
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
      UserPoolTags: {},
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
    })
  })

  test.each([
    [{ LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:f' } }, 'Lambda triggers are not supported by the local pool.'],
    [
      { UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } },
      'AdvancedSecurityMode ENFORCED is not supported by the local pool (it has no threat protection); use OFF.',
    ],
    [
      { SmsVerificationMessage: 'no placeholder' },
      "1 validation error detected: Value 'no placeholder' at 'smsVerificationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\\{####\\}.*",
    ],
    [
      { DeletionProtection: 'ON' },
      "1 validation error detected: Value 'ON' at 'deletionProtection' failed to satisfy constraint: Member must satisfy enum value set: [ACTIVE, INACTIVE]",
    ],
  ])('%j is refused, never dropped', async (member, message) => {
    expect(await failure(createUserPool({ PoolName: 'p', ...member }, deps))).toEqual({ name: 'InvalidParameterException', message })
  })

  test('DeviceConfiguration is kept and returned (it turns device tracking on); a pool without it returns none', async () => {
    const DeviceConfiguration = { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true }
    const { UserPool } = await call(createUserPool, { PoolName: 'p', DeviceConfiguration }, deps)
    expect((await call(describeUserPool, { UserPoolId: UserPool.Id }, deps)).UserPool.DeviceConfiguration).toEqual(DeviceConfiguration)
    expect((await call(createUserPool, { PoolName: 'plain' }, deps)).UserPool).not.toHaveProperty('DeviceConfiguration')
    expect((await failure(createUserPool({ PoolName: 'p', DeviceConfiguration: { ChallengeRequiredOnNewDevice: 'yes' } }, deps))).name).toBe(
      'InvalidParameterException',
    )
  })

  test('an empty LambdaConfig (what DescribeUserPool returns) is accepted', async () => {
    expect((await call(createUserPool, { PoolName: 'p', LambdaConfig: {} }, deps)).UserPool.LambdaConfig).toEqual({})
  })

  test('the pool id and ARN carry the region the request was signed for', async () => {
    const { UserPool } = await call(createUserPool, { PoolName: 'p' }, { ...deps, region: 'eu-west-2' })
    expect(UserPool.Id).toMatch(/^eu-west-2_[0-9a-zA-Z]{9}$/)
    expect(UserPool.Arn).toBe(`arn:aws:cognito-idp:eu-west-2:000000000000:userpool/${UserPool.Id}`)
  })
})

import { call, createPool, createTestDeps, failure, type TestDeps } from '../test-support.ts'
import { getUserPoolMfaConfig } from './get-user-pool-mfa-config.ts'
import { setUserPoolMfaConfig } from './set-user-pool-mfa-config.ts'

const OFF_WITH_FACTOR = {
  name: 'InvalidParameterException',
  message: "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
}
const NO_FACTOR = {
  name: 'InvalidParameterException',
  message: "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
}
const SMS = { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms' } }

describe('SetUserPoolMfaConfig', () => {
  let deps: TestDeps
  let poolId: string

  beforeEach(async () => {
    deps = createTestDeps()
    poolId = await createPool(deps, { mfa: 'OFF' })
  })

  const configure = (input: Record<string, unknown>) => call(setUserPoolMfaConfig, { UserPoolId: poolId, ...input }, deps)
  const current = () => call(getUserPoolMfaConfig, { UserPoolId: poolId }, deps)

  test('turns TOTP on with OPTIONAL, echoes the configuration, and GetUserPoolMfaConfig reads it back', async () => {
    const reply = await configure({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } })
    expect(reply).toEqual({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } })
    expect(await current()).toEqual(reply)
    expect(deps.store.requirePool(poolId)).toMatchObject({ mfaConfiguration: 'OPTIONAL', softwareTokenMfaEnabled: true, smsMfaEnabled: false })
  })

  test('ON with TOTP', async () => {
    expect(await configure({ MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } })).toEqual({
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    })
  })

  test.each([
    ['TOTP enabled', { SoftwareTokenMfaConfiguration: { Enabled: true } }],
    ['TOTP block with Enabled false', { SoftwareTokenMfaConfiguration: { Enabled: false } }],
    ['SMS', { SmsMfaConfiguration: SMS }],
  ])('OFF together with a factor block (%s) is refused', async (_label, blocks) => {
    expect(await failure(configure({ MfaConfiguration: 'OFF', ...blocks }))).toEqual(OFF_WITH_FACTOR)
    expect(deps.store.requirePool(poolId).mfaConfiguration).toBe('OFF')
  })

  test.each([
    ['ON', { SoftwareTokenMfaConfiguration: { Enabled: false } }],
    ['OPTIONAL', { SoftwareTokenMfaConfiguration: { Enabled: false } }],
    ['ON', {}],
    ['OPTIONAL', {}],
  ])('%s with no factor enabled is refused', async (mfa, blocks) => {
    expect(await failure(configure({ MfaConfiguration: mfa, ...blocks }))).toEqual(NO_FACTOR)
    expect(await current()).toEqual({ MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: false } })
  })

  test('switching TOTP off while SMS stays on is allowed; switching the last factor off is not', async () => {
    await configure({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true }, SmsMfaConfiguration: SMS })
    expect(await configure({ SoftwareTokenMfaConfiguration: { Enabled: false } })).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: false },
      SmsMfaConfiguration: expect.any(Object),
    })
    expect(await failure(configure({ SmsMfaConfiguration: {} }))).toEqual(NO_FACTOR)
  })

  test('OFF alone turns MFA and TOTP off', async () => {
    await configure({ MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } })
    expect(await configure({ MfaConfiguration: 'OFF' })).toEqual({ MfaConfiguration: 'OFF', SoftwareTokenMfaConfiguration: { Enabled: false } })
  })

  test('absent MfaConfiguration keeps the current one', async () => {
    await configure({ MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } })
    expect((await configure({ SoftwareTokenMfaConfiguration: { Enabled: true } })).MfaConfiguration).toBe('ON')
  })

  test('email MFA and unknown values are InvalidParameterException', async () => {
    expect((await failure(configure({ MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: { Message: 'x' } }))).name).toBe(
      'InvalidParameterException',
    )
    expect((await failure(configure({ MfaConfiguration: 'SOMETIMES' }))).name).toBe('InvalidParameterException')
  })

  test('an unknown pool is ResourceNotFoundException', async () => {
    expect((await failure(setUserPoolMfaConfig({ UserPoolId: 'us-east-1_Nope', MfaConfiguration: 'OFF' }, deps))).name).toBe(
      'ResourceNotFoundException',
    )
    expect((await failure(getUserPoolMfaConfig({ UserPoolId: 'us-east-1_Nope' }, deps))).name).toBe('ResourceNotFoundException')
  })
})

// CreateUserPool and CreateUserPoolClient through the AWS SDK as another team's client uses them
// (issue 12, difference 4): the region the client is configured for is the pool's, the schema is
// Cognito's, and what the local pool cannot honour is refused instead of dropped.
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { rejectionOf, useLocalPool } from './harness.ts'

const local = useLocalPool()

function sdkIn(region: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region,
    endpoint: local.emulator.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
}

describe('CreateUserPool through the AWS SDK', () => {
  test('a client configured for eu-west-2 gets an eu-west-2 pool id and ARN, whose SchemaAttributes DescribeUserPool returns', async () => {
    const sdk = sdkIn('eu-west-2')
    const { UserPool } = await sdk.send(
      new CreateUserPoolCommand({
        PoolName: 'region-pool',
        Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
        DeletionProtection: 'ACTIVE',
        UserPoolTags: { team: 'identity' },
      }),
    )
    expect(UserPool?.Id).toMatch(/^eu-west-2_[0-9A-Za-z]{9}$/)
    expect(UserPool?.Arn).toBe(`arn:aws:cognito-idp:eu-west-2:000000000000:userpool/${UserPool?.Id}`)
    const described = (await sdk.send(new DescribeUserPoolCommand({ UserPoolId: UserPool?.Id }))).UserPool
    expect(described?.SchemaAttributes?.map((attribute) => attribute.Name)).toEqual(expect.arrayContaining(['sub', 'email', 'custom:tenant']))
    expect(described?.SchemaAttributes?.find((attribute) => attribute.Name === 'custom:tenant')).toMatchObject({
      AttributeDataType: 'String',
      Required: false,
    })
    expect(described).toMatchObject({ DeletionProtection: 'ACTIVE', UserPoolTags: { team: 'identity' }, LambdaConfig: {} })
  })

  test('a required custom attribute, a Lambda trigger and a callback URL are refused with InvalidParameterException', async () => {
    const sdk = sdkIn('us-east-1')
    const required = await rejectionOf(
      sdk.send(new CreateUserPoolCommand({ PoolName: 'p', Schema: [{ Name: 'tenant', AttributeDataType: 'String', Required: true }] })),
    )
    expect([required.name, required.message]).toEqual(['InvalidParameterException', 'Required custom attributes are not supported currently.'])
    const lambda = await rejectionOf(
      sdk.send(new CreateUserPoolCommand({ PoolName: 'p', LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:pre' } })),
    )
    expect([lambda.name, lambda.message]).toEqual(['InvalidParameterException', 'Lambda triggers are not supported by the local pool.'])
    const callback = await rejectionOf(
      sdk.send(new CreateUserPoolClientCommand({ UserPoolId: local.pool.userPoolId, ClientName: 'web', CallbackURLs: ['https://app.example.com/'] })),
    )
    expect([callback.name, callback.message]).toEqual([
      'InvalidParameterException',
      'CallbackURLs is not supported by the local pool: it has no hosted UI or OAuth.',
    ])
  })
})

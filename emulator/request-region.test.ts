import { requestRegion } from './request-region.ts'

describe('requestRegion', () => {
  const signed = (scope: string) =>
    `AWS4-HMAC-SHA256 Credential=local/20260115/${scope}/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc`

  test.each([
    ['eu-west-2/cognito-idp', 'eu-west-2'],
    ['ap-northeast-1/cognito-idp', 'ap-northeast-1'],
    ['us-gov-west-1/cognito-idp', 'us-gov-west-1'],
  ])('the credential scope %s names %s', (scope, region) => {
    expect(requestRegion(signed(scope))).toBe(region)
  })

  test.each([undefined, '', 'Bearer x', signed('eu-west-2/s3'), signed('EU-WEST-2/cognito-idp'), signed('../etc/cognito-idp')])(
    'without a Cognito credential scope (%j): us-east-1',
    (header) => {
      expect(requestRegion(header)).toBe('us-east-1')
    },
  )
})

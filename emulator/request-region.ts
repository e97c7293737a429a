// The AWS region a request names, for the ids and ARNs of the pools it creates (ADR 022,
// docs/cognito-behaviour.md#pool-region). Every AWS client signs with SigV4, whose Authorization
// header carries the region in its credential scope; the Host cannot name one here (the local pool
// answers only to loopback names, request-policy.ts), so a request without a signature gets us-east-1.

export const DEFAULT_REGION = 'us-east-1'

// `Credential=<key id>/<yyyymmdd>/<region>/cognito-idp/aws4_request`; region names as AWS spells them
// (us-east-1, eu-central-2, us-gov-west-1, cn-north-1 …), at most 32 characters.
const CREDENTIAL_SCOPE = /Credential=[^/,\s]{1,128}\/\d{8}\/([a-z]{2}(?:-[a-z]{1,16}){1,3}-\d{1,2})\/cognito-idp\/aws4_request/

/** The region of the SigV4 credential scope in `authorization`, or us-east-1. */
export function requestRegion(authorization: string | undefined): string {
  if (authorization === undefined || authorization.length > 4096) return DEFAULT_REGION
  return CREDENTIAL_SCOPE.exec(authorization)?.[1] ?? DEFAULT_REGION
}

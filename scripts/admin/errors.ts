// Turns what the AWS SDK throws into one sentence support staff can act on. Pure: the commands
// pass the operation they called and what they named, tests pass error objects of the SDK's shapes.
import { DEFAULT_POOL_URL } from '../../emulator/ports.ts'

export type ErrorContext = {
  /** The Cognito operation that failed, e.g. `DescribeUserPool` (its IAM action is `cognito-idp:<operation>`). */
  operation: string
  poolId?: string
  clientId?: string
  username?: string
  region?: string
  endpoint?: string
}

function nameOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : ''
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The message for a failed AWS call. */
export function describeAwsError(error: unknown, context: ErrorContext): string {
  const name = nameOf(error)
  const message = messageOf(error)
  const where = context.endpoint ? ` at ${context.endpoint}` : context.region ? ` in ${context.region}` : ''
  // The default credential chain found nothing (no environment variables, profile, SSO session
  // or instance role); the SDK throws this before sending anything.
  if (name === 'CredentialsProviderError') {
    return [
      'No AWS credentials found (the default credential chain came up empty).',
      'Sign in with `aws sso login --profile <name>` and set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
      `For the local pool pass --endpoint ${DEFAULT_POOL_URL} (any credentials are accepted there).`,
    ].join('\n')
  }
  if (message.startsWith('Region is missing')) {
    return 'No AWS region: set AWS_REGION (or a region in your profile), or pass --region.'
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnauthorizedOperation') {
    // AWS names the action in its message ("… is not authorized to perform: cognito-idp:X …");
    // when it does not, the action is the operation we called.
    const action = /\b(cognito-idp:\w+)/.exec(message)?.[1] ?? `cognito-idp:${context.operation}`
    return [
      `Access denied: these credentials may not call ${action}${context.poolId ? ` on pool ${context.poolId}` : ''}.`,
      `Add "${action}" to the IAM policy of the identity you use (see README, "Checking an existing pool", for the full list).`,
      `AWS said: ${message}`,
    ].join('\n')
  }
  if (name === 'ResourceNotFoundException') {
    if (context.clientId && /client/i.test(message)) {
      return `No app client "${context.clientId}" in user pool ${context.poolId ?? ''}${where}. Check --client-id (the pool's clients: aws cognito-idp list-user-pool-clients --user-pool-id ${context.poolId ?? '<pool>'}).`
    }
    return `No user pool "${context.poolId ?? ''}"${where}. Check --pool-id and the region (a pool id starts with its region, e.g. eu-west-1_AbC123).`
  }
  if (name === 'UserNotFoundException') {
    return `No user "${context.username ?? ''}" in user pool ${context.poolId ?? ''}. Usernames are case-sensitive unless the pool says otherwise; list users with aws cognito-idp list-users --user-pool-id ${context.poolId ?? '<pool>'}.`
  }
  if (name === 'TooManyRequestsException' || name === 'ThrottlingException') {
    return `AWS is throttling ${context.operation}; wait a moment and run the command again.`
  }
  return `${context.operation} failed: ${name || 'Error'}: ${message}`
}

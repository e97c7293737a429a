import type { CreateUserPoolClientRequest } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import type { Untrusted } from '../validate.ts'

// CreateUserPoolClient / UpdateUserPoolClient members the local pool has no behaviour for (ADR 022,
// docs/cognito-behaviour.md#pool-settings): refused with why, never accepted and dropped. An absent,
// null, false or empty value asks for nothing and passes (a client may send back what Describe gave).

const UNSUPPORTED: Readonly<Partial<Record<keyof CreateUserPoolClientRequest, string>>> = {
  CallbackURLs: 'hosted UI or OAuth',
  LogoutURLs: 'hosted UI or OAuth',
  DefaultRedirectURI: 'hosted UI or OAuth',
  AllowedOAuthFlows: 'hosted UI or OAuth',
  AllowedOAuthScopes: 'hosted UI or OAuth',
  AllowedOAuthFlowsUserPoolClient: 'hosted UI or OAuth',
  SupportedIdentityProviders: 'hosted UI or federation',
  ReadAttributes: 'per-client attribute permissions (every client reads every attribute)',
  WriteAttributes: 'per-client attribute permissions (every client writes every attribute)',
  AnalyticsConfiguration: 'Amazon Pinpoint analytics',
  EnablePropagateAdditionalUserContextData: 'threat protection',
  RefreshTokenRotation: 'refresh token rotation',
}

/** Throws InvalidParameterException naming the first member set that the local pool cannot honour. */
export function refuseUnsupportedClientMembers(input: Untrusted<Partial<CreateUserPoolClientRequest>>): void {
  for (const [name, feature] of Object.entries(UNSUPPORTED)) {
    const value = Object.hasOwn(input, name) ? input[name] : undefined
    if (value === undefined || value === null || value === false || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue
    throw invalidParameter(`${name} is not supported by the local pool: it has no ${feature}.`)
  }
}

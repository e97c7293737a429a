import type { CreateUserPoolClientRequest, ExplicitAuthFlowsType, TimeUnitsType } from '@aws-sdk/client-cognito-identity-provider'
import { invalidParameter } from '../errors.ts'
import { isLegacyFlow } from '../auth/client-flows.ts'
import { EXPLICIT_AUTH_FLOWS, type ClientRecord } from '../state/model.ts'
import { optionalBoolean, optionalEnum, optionalEnumList, optionalNumber, optionalObject, type Untrusted } from '../validate.ts'
import { refuseUnsupportedClientMembers } from './client-unsupported.ts'

export const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 }
const UNITS = ['seconds', 'minutes', 'hours', 'days'] as const

// When ExplicitAuthFlows is omitted AWS allows these (docs/cognito-behaviour.md#app-client-defaults).
const DEFAULT_FLOWS: readonly ExplicitAuthFlowsType[] = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH']

/** What CreateUserPoolClient and UpdateUserPoolClient share (GenerateSecret is CreateUserPoolClient's alone). */
type SettingsRequest = Omit<CreateUserPoolClientRequest, 'UserPoolId' | 'ClientName'>

type Settings = Omit<ClientRecord, 'clientId' | 'poolId' | 'name' | 'createdAt' | 'lastModifiedAt' | 'clientSecret'>

/**
 * The settings of CreateUserPoolClient and UpdateUserPoolClient. Like AWS, a member left
 * out gets its default, also on update.
 */
export function clientSettings(input: Untrusted<SettingsRequest>): Settings {
  // OAuth, per-client attribute permissions … are refused, not dropped (client-unsupported.ts).
  refuseUnsupportedClientMembers(input)
  const checked = optionalEnumList(input, 'ExplicitAuthFlows', EXPLICIT_AUTH_FLOWS)
  // Kept as given: a list of legacy names has its own meaning at sign-in (auth/client-flows.ts), and
  // AWS refuses to mix them with ALLOW_ names (docs/cognito-behaviour.md#app-client-defaults).
  if (checked?.some(isLegacyFlow) && !checked.every(isLegacyFlow)) {
    throw invalidParameter('ExplicitAuthFlows values with the ALLOW_ prefix cannot be used together with values without it.')
  }
  const explicitAuthFlows = checked ? [...new Set(checked)] : DEFAULT_FLOWS
  const unitsInput = optionalObject(input, 'TokenValidityUnits') ?? {}
  const tokenValidityUnits = {
    AccessToken: optionalEnum(unitsInput, 'AccessToken', UNITS) ?? 'hours',
    IdToken: optionalEnum(unitsInput, 'IdToken', UNITS) ?? 'hours',
    RefreshToken: optionalEnum(unitsInput, 'RefreshToken', UNITS) ?? 'days',
  }
  const seconds = (
    name: 'AccessTokenValidity' | 'IdTokenValidity' | 'RefreshTokenValidity',
    unit: TimeUnitsType,
    fallbackSeconds: number,
    min: number,
    max: number,
  ) => {
    const value = optionalNumber(input, name)
    const result = value === undefined ? fallbackSeconds : value * UNIT_SECONDS[unit]
    if (result < min || result > max) throw invalidParameter(`Invalid range for ${name}: it must be between ${min} and ${max} seconds.`)
    return result
  }
  return {
    explicitAuthFlows,
    authSessionValidityMinutes: optionalNumber(input, 'AuthSessionValidity', { min: 3, max: 15 }) ?? 3,
    accessTokenValiditySeconds: seconds('AccessTokenValidity', tokenValidityUnits.AccessToken, 3600, 300, 86400),
    idTokenValiditySeconds: seconds('IdTokenValidity', tokenValidityUnits.IdToken, 3600, 300, 86400),
    refreshTokenValiditySeconds: seconds('RefreshTokenValidity', tokenValidityUnits.RefreshToken, 30 * 86400, 3600, 315360000),
    tokenValidityUnits,
    enableTokenRevocation: optionalBoolean(input, 'EnableTokenRevocation') ?? true,
    preventUserExistenceErrors: optionalEnum(input, 'PreventUserExistenceErrors', ['LEGACY', 'ENABLED'] as const) ?? 'LEGACY',
  }
}

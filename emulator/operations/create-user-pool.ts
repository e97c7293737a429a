import type {
  AliasAttributeType,
  CreateUserPoolRequest,
  CreateUserPoolResponse,
  PasswordPolicyType,
  UsernameAttributeType,
  VerifiedAttributeType,
} from '@aws-sdk/client-cognito-identity-provider'
import { defaultPasswordPolicy } from '../auth/password.ts'
import { invalidParameter } from '../errors.ts'
import { newPoolId } from '../state/ids.ts'
import type { PasswordPolicy, PoolRecord } from '../state/model.ts'
import { optionalBoolean, optionalEnum, optionalEnumList, optionalNumber, optionalObject, requiredString, type Untrusted } from '../validate.ts'
import type { Operation } from './operation.ts'
import { poolSchema } from './pool-schema.ts'
import { checkedAgainstVerification, poolSettings } from './pool-settings.ts'
import { userPoolType } from './shapes.ts'

export const createUserPool: Operation<CreateUserPoolRequest, CreateUserPoolResponse> = async (input, deps) => {
  const name = requiredString(input, 'PoolName')
  const mfa = optionalEnum(input, 'MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'] as const) ?? 'OFF'
  // AWS accepts ON/OPTIONAL here only with an SMS configuration; TOTP is switched on
  // afterwards with SetUserPoolMfaConfig (docs/cognito-behaviour.md#pool-mfa-configuration).
  if (mfa !== 'OFF' && !optionalObject(input, 'SmsConfiguration')) {
    throw invalidParameter('SMS configuration is required when MFA is enabled on pool creation; use SetUserPoolMfaConfig for TOTP.')
  }
  const now = Math.floor(deps.clock.now() / 1000)
  const usernameConfiguration = optionalObject(input, 'UsernameConfiguration')
  const pool: PoolRecord = {
    // The region the client signed for (request-region.ts, docs/cognito-behaviour.md#pool-region).
    id: newPoolId(deps.region),
    name,
    createdAt: now,
    lastModifiedAt: now,
    mfaConfiguration: mfa,
    softwareTokenMfaEnabled: false,
    smsMfaEnabled: mfa !== 'OFF',
    passwordPolicy: passwordPolicy(optionalObject(optionalObject(input, 'Policies') ?? {}, 'PasswordPolicy')),
    usernameAttributes: stringList<UsernameAttributeType>(input, 'UsernameAttributes', ['email', 'phone_number']),
    aliasAttributes: stringList<AliasAttributeType>(input, 'AliasAttributes', ['email', 'phone_number', 'preferred_username']),
    autoVerifiedAttributes: stringList<VerifiedAttributeType>(input, 'AutoVerifiedAttributes', ['email', 'phone_number']),
    usernameCaseSensitive: usernameConfiguration ? (optionalBoolean(usernameConfiguration, 'CaseSensitive') ?? true) : true,
    schemaAttributes: poolSchema(input),
    settings: checkedAgainstVerification(poolSettings(input), optionalEnumList(input, 'AutoVerifiedAttributes', ['email', 'phone_number']) ?? []),
    signingKey: await deps.signingKeys.take(), // made before the request was queued (signing-keys.ts)
  }
  if (pool.usernameAttributes.length > 0 && pool.aliasAttributes.length > 0) {
    throw invalidParameter('UsernameAttributes and AliasAttributes cannot both be set.')
  }
  deps.store.savePool(pool)
  return { UserPool: userPoolType(pool, 0) }
}

/** Policies.PasswordPolicy, each member left out at its default (also UpdateUserPool's). */
export function passwordPolicy(input: Untrusted<PasswordPolicyType> | undefined): PasswordPolicy {
  if (!input) return defaultPasswordPolicy
  return {
    MinimumLength: optionalNumber(input, 'MinimumLength', { min: 6, max: 99 }) ?? defaultPasswordPolicy.MinimumLength,
    RequireUppercase: optionalBoolean(input, 'RequireUppercase') ?? false,
    RequireLowercase: optionalBoolean(input, 'RequireLowercase') ?? false,
    RequireNumbers: optionalBoolean(input, 'RequireNumbers') ?? false,
    RequireSymbols: optionalBoolean(input, 'RequireSymbols') ?? false,
    TemporaryPasswordValidityDays:
      optionalNumber(input, 'TemporaryPasswordValidityDays', { min: 0, max: 365 }) ?? defaultPasswordPolicy.TemporaryPasswordValidityDays,
  }
}

function stringList<T extends string>(
  input: Untrusted<CreateUserPoolRequest>,
  name: 'UsernameAttributes' | 'AliasAttributes' | 'AutoVerifiedAttributes',
  allowed: readonly T[],
): T[] {
  return optionalEnumList(input, name, allowed) ?? []
}

import type { AttributeType, GetUserResponse, UserPoolClientType, UserPoolType, UserType } from '@aws-sdk/client-cognito-identity-provider'
import { UNIT_SECONDS } from './client-settings.ts'
import type { ClientRecord, PoolRecord, UserRecord } from '../state/model.ts'
import { regionOfPoolId } from '../state/ids.ts'
import type { Wire } from './operation.ts'
import { schemaOf } from '../auth/schema-attributes.ts'
import { settingsOf } from './pool-settings.ts'

// Output shapes exactly as Cognito names them (PascalCase, epoch-second dates), typed with the SDK's
// types so that a member the SDK does not know is refused here too.

export function attributeList(user: UserRecord): Wire<AttributeType[]> {
  return [
    { Name: 'sub', Value: user.sub },
    ...Object.entries(user.attributes)
      .filter(([name]) => name !== 'sub')
      .map(([Name, Value]) => ({ Name, Value })),
  ]
}

/** UserType, as AdminCreateUser and ListUsers return it. */
export function userType(user: UserRecord): Wire<UserType> {
  return {
    Username: user.username,
    Attributes: attributeList(user),
    UserCreateDate: user.createdAt,
    UserLastModifiedDate: user.lastModifiedAt,
    Enabled: user.enabled,
    UserStatus: user.status,
  }
}

/** MFA members of GetUser / AdminGetUser; omitted when empty, as AWS does. */
export function mfaSettings(user: UserRecord): Wire<Pick<GetUserResponse, 'PreferredMfaSetting' | 'UserMFASettingList'>> {
  return {
    ...(user.mfa.preferred ? { PreferredMfaSetting: user.mfa.preferred } : {}),
    ...(user.mfa.enabled.length > 0 ? { UserMFASettingList: [...user.mfa.enabled] } : {}),
  }
}

export function poolArn(pool: PoolRecord): string {
  return `arn:aws:cognito-idp:${regionOfPoolId(pool.id)}:000000000000:userpool/${pool.id}`
}

export function userPoolType(pool: PoolRecord, estimatedUsers: number): Wire<UserPoolType> {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: poolArn(pool),
    CreationDate: pool.createdAt,
    LastModifiedDate: pool.lastModifiedAt,
    MfaConfiguration: pool.mfaConfiguration,
    Policies: { PasswordPolicy: pool.passwordPolicy },
    ...(pool.usernameAttributes.length ? { UsernameAttributes: pool.usernameAttributes } : {}),
    ...(pool.aliasAttributes.length ? { AliasAttributes: pool.aliasAttributes } : {}),
    ...(pool.autoVerifiedAttributes.length ? { AutoVerifiedAttributes: pool.autoVerifiedAttributes } : {}),
    UsernameConfiguration: { CaseSensitive: pool.usernameCaseSensitive },
    EstimatedNumberOfUsers: estimatedUsers,
    // No triggers run here (pool-settings.ts refuses them); Cognito returns {} for a pool without any.
    LambdaConfig: {},
    SchemaAttributes: schemaOf(pool),
    // Kept as sent, over Cognito's defaults (docs/cognito-behaviour.md#pool-settings).
    ...(settingsOf(pool.settings) as Wire<UserPoolType>),
  }
}

export function userPoolClientType(client: ClientRecord): Wire<UserPoolClientType> {
  return {
    UserPoolId: client.poolId,
    ClientName: client.name,
    ClientId: client.clientId,
    CreationDate: client.createdAt,
    LastModifiedDate: client.lastModifiedAt,
    ExplicitAuthFlows: client.explicitAuthFlows,
    AuthSessionValidity: client.authSessionValidityMinutes,
    AccessTokenValidity: client.accessTokenValiditySeconds / UNIT_SECONDS[client.tokenValidityUnits.AccessToken],
    IdTokenValidity: client.idTokenValiditySeconds / UNIT_SECONDS[client.tokenValidityUnits.IdToken],
    RefreshTokenValidity: client.refreshTokenValiditySeconds / UNIT_SECONDS[client.tokenValidityUnits.RefreshToken],
    TokenValidityUnits: client.tokenValidityUnits,
    EnableTokenRevocation: client.enableTokenRevocation,
    PreventUserExistenceErrors: client.preventUserExistenceErrors,
    ...(client.clientSecret === undefined ? {} : { ClientSecret: client.clientSecret }),
  }
}

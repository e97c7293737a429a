import type { SigningKey } from '../domain/tokens.ts'

// Everything here is plain JSON so a snapshot can persist it as it is.

export type MfaConfiguration = 'OFF' | 'ON' | 'OPTIONAL'
export type MfaFactor = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA'

export type PasswordPolicy = {
  MinimumLength: number
  RequireUppercase: boolean
  RequireLowercase: boolean
  RequireNumbers: boolean
  RequireSymbols: boolean
  TemporaryPasswordValidityDays: number
}

export type PoolRecord = {
  id: string
  name: string
  createdAt: number // epoch seconds
  lastModifiedAt: number
  mfaConfiguration: MfaConfiguration
  softwareTokenMfaEnabled: boolean
  smsMfaEnabled: boolean
  passwordPolicy: PasswordPolicy
  usernameAttributes: string[]
  aliasAttributes: string[]
  autoVerifiedAttributes: string[]
  usernameCaseSensitive: boolean
  signingKey: SigningKey
}

export type ClientRecord = {
  clientId: string
  poolId: string
  name: string
  explicitAuthFlows: string[]
  authSessionValidityMinutes: number
  accessTokenValiditySeconds: number
  idTokenValiditySeconds: number
  refreshTokenValiditySeconds: number
  tokenValidityUnits: { AccessToken: string; IdToken: string; RefreshToken: string }
  enableTokenRevocation: boolean
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED'
  createdAt: number
  lastModifiedAt: number
}

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED'

export type UserRecord = {
  poolId: string
  username: string
  sub: string
  attributes: Record<string, string>
  status: UserStatus
  enabled: boolean
  createdAt: number
  lastModifiedAt: number
  /** Only the SRP salt and verifier are kept, never the password (docs/cognito-behaviour.md#srp-verifier). */
  srp: { saltHex: string; verifierHex: string }
  mfa: { enabled: MfaFactor[]; preferred?: MfaFactor }
  totp: { activeSecret?: string; pendingSecret?: string; deviceName?: string; lastUsedStep?: number }
  failedPasswordAttempts: number
  lockedUntil?: number // epoch ms
  confirmationCode?: { code: string; expiresAt: number; triesLeft: number }
  /** GlobalSignOut on a client without revocation ids: access tokens issued at or before this (epoch s) are dead. */
  tokensRevokedAt?: number
}

export type RefreshRecord = {
  token: string
  poolId: string
  clientId: string
  sub: string
  originJti: string
  authTime: number // epoch seconds
  expiresAt: number // epoch ms
  revoked: boolean
}

export type PersistentState = {
  version: 1
  pools: PoolRecord[]
  clients: ClientRecord[]
  users: UserRecord[]
  refreshTokens: RefreshRecord[]
}

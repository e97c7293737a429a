// Boots the local pool from the CloudFormation template in infra/, so the local pool and the real
// one come from one definition. The template is read the way CloudFormation reads it (short-form
// tags, parameters with their constraints, conditions), then each resource is created through the
// emulator's own operations, as a deployment would call Cognito. Properties the local pool does not
// model are returned by name, for the caller to print: nothing in the template is dropped silently.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CreateUserPoolClientRequest, CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider'
import { parse, type CollectionTag, type ScalarTag } from 'yaml'
import type { Deps } from './deps.ts'
import { createUserPool } from './operations/create-user-pool.ts'
import { createUserPoolClient } from './operations/create-user-pool-client.ts'
import { setUserPoolMfaConfig } from './operations/set-user-pool-mfa-config.ts'
import type { Untrusted } from './validate.ts'

export type Template = {
  Parameters?: Record<string, ParameterDefinition>
  Conditions?: Record<string, unknown>
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; Condition?: string }>
  Outputs?: Record<string, { Value: unknown; Description?: string }>
}

type ParameterDefinition = {
  Type: string
  Default?: string | number
  AllowedValues?: Array<string | number>
  MinValue?: number
  MaxValue?: number
  MinLength?: number
  MaxLength?: number
}

// CloudFormation's short forms, turned into the long forms ({ Ref: … }, { 'Fn::If': […] }) its JSON uses.
const INTRINSICS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Equals',
  'Not',
  'And',
  'Or',
]
const cloudFormationTags: Array<ScalarTag | CollectionTag> = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  { tag: '!Condition', resolve: (value: string) => ({ Condition: value }) },
  ...INTRINSICS.flatMap((name): Array<ScalarTag | CollectionTag> => [
    {
      tag: `!${name}`,
      // !GetAtt Resource.Attribute is the one short form whose scalar splits into a list.
      resolve: (value: string) => ({ [`Fn::${name}`]: name === 'GetAtt' ? value.split('.') : value }),
    },
    { tag: `!${name}`, collection: 'seq', resolve: (value) => ({ [`Fn::${name}`]: value.toJSON() }) },
    { tag: `!${name}`, collection: 'map', resolve: (value) => ({ [`Fn::${name}`]: value.toJSON() }) },
  ]),
]

/** Parses a template in YAML (or JSON, which is YAML too) with CloudFormation's tags. */
export function parseTemplate(text: string): Template {
  const parsed: unknown = parse(text, { customTags: cloudFormationTags })
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as Template).Resources !== 'object') {
    throw new Error('not a CloudFormation template: it has no Resources')
  }
  return parsed as Template
}

export function readTemplate(path: string): Template {
  return parseTemplate(readFileSync(path, 'utf8'))
}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value }

/**
 * The parameter values a stack would get: the given ones (always strings, as on the command line)
 * checked against the declaration, the rest from their defaults. Number parameters become numbers.
 */
export function resolveParameters(template: Template, given: Readonly<Record<string, string>>): Record<string, string | number> {
  const declared = template.Parameters ?? {}
  const unknown = Object.keys(given).filter((name) => !Object.hasOwn(declared, name))
  if (unknown.length > 0) throw new Error(`unknown template parameter ${unknown.join(', ')} (the template has ${Object.keys(declared).join(', ')})`)
  const values: Record<string, string | number> = {}
  for (const [name, definition] of Object.entries(declared)) {
    const raw = (Object.hasOwn(given, name) ? given[name] : undefined) ?? (definition.Default === undefined ? undefined : String(definition.Default))
    if (raw === undefined) throw new Error(`template parameter ${name} has no default: pass --param ${name}=…`)
    if (definition.AllowedValues && !definition.AllowedValues.map(String).includes(raw)) {
      throw new Error(`template parameter ${name} must be one of ${definition.AllowedValues.join(', ')}, got "${raw}"`)
    }
    if (definition.Type === 'Number') {
      const number = Number(raw)
      if (raw.trim() === '' || !Number.isFinite(number)) throw new Error(`template parameter ${name} must be a number, got "${raw}"`)
      if (
        (definition.MinValue !== undefined && number < definition.MinValue) ||
        (definition.MaxValue !== undefined && number > definition.MaxValue)
      ) {
        throw new Error(`template parameter ${name} must be between ${definition.MinValue ?? '-∞'} and ${definition.MaxValue ?? '∞'}, got ${raw}`)
      }
      values[name] = number
    } else {
      if (
        (definition.MinLength !== undefined && raw.length < definition.MinLength) ||
        (definition.MaxLength !== undefined && raw.length > definition.MaxLength)
      ) {
        throw new Error(`template parameter ${name} must be ${definition.MinLength ?? 0} to ${definition.MaxLength ?? '∞'} characters long`)
      }
      values[name] = raw
    }
  }
  return values
}

/**
 * Evaluates the intrinsic functions a pool template uses; any other one is an error naming it.
 * Names are looked up as own properties only: `!Ref constructor` is no such parameter.
 */
function evaluate(value: unknown, context: { refs: Record<string, Value>; conditions: Record<string, boolean> }): Value {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, context))
  if (typeof value !== 'object' || value === null) return value as Value
  const entries = Object.entries(value)
  const [key, argument] = entries[0] ?? []
  if (entries.length === 1 && key !== undefined && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'))) {
    const args = Array.isArray(argument) ? argument : [argument]
    switch (key) {
      case 'Ref': {
        if (typeof argument !== 'string' || !Object.hasOwn(context.refs, argument))
          throw new Error(`!Ref ${String(argument)}: no such parameter or resource`)
        return context.refs[argument]
      }
      case 'Condition':
      case 'Fn::If': {
        const name = key === 'Condition' ? argument : args[0]
        if (typeof name !== 'string' || !Object.hasOwn(context.conditions, name)) throw new Error(`${key} ${String(name)}: no such condition`)
        if (key === 'Condition') return context.conditions[name]
        return evaluate(context.conditions[name] ? args[1] : args[2], context)
      }
      case 'Fn::Equals':
        return JSON.stringify(evaluate(args[0], context)) === JSON.stringify(evaluate(args[1], context))
      case 'Fn::Not':
        return !evaluate(args[0], context)
      case 'Fn::And':
        return args.every((item) => evaluate(item, context) === true)
      case 'Fn::Or':
        return args.some((item) => evaluate(item, context) === true)
      case 'Fn::Sub': {
        if (typeof argument !== 'string') throw new Error('!Sub with a variable map is not supported by the local pool')
        return argument.replace(/\$\{([\w:]+)\}/g, (_, name: string) => {
          if (!Object.hasOwn(context.refs, name)) throw new Error(`!Sub \${${name}}: no such parameter or resource`)
          return String(context.refs[name])
        })
      }
      default:
        throw new Error(`${key} is not supported by the local pool's template reader`)
    }
  }
  return Object.fromEntries(entries.map(([name, item]) => [name, evaluate(item, context)]))
}

// The properties the local pool models, as CloudFormation names them (true = the whole value).
// Everything else in the template is reported back, never passed on or dropped silently.
type Modeled = { [name: string]: true | Modeled }
const MODELED: Record<string, Modeled> = {
  'AWS::Cognito::UserPool': {
    UserPoolName: true,
    MfaConfiguration: true,
    EnabledMfas: true,
    UsernameConfiguration: { CaseSensitive: true },
    UsernameAttributes: true,
    AliasAttributes: true,
    AutoVerifiedAttributes: true,
    Policies: {
      PasswordPolicy: {
        MinimumLength: true,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: true,
      },
    },
    // Kept and returned by DescribeUserPool as on AWS (pool-schema.ts, pool-settings.ts; ADR 022).
    Schema: true,
    AccountRecoverySetting: true,
    DeletionProtection: true,
    AdminCreateUserConfig: true,
    EmailConfiguration: true,
    EmailVerificationMessage: true,
    EmailVerificationSubject: true,
    SmsAuthenticationMessage: true,
    SmsConfiguration: true,
    SmsVerificationMessage: true,
    UserAttributeUpdateSettings: true,
    UserPoolTags: true,
    UserPoolTier: true,
    VerificationMessageTemplate: true,
    // Acted on: device tracking (auth/devices.ts, ADR 024).
    DeviceConfiguration: true,
  },
  'AWS::Cognito::UserPoolClient': {
    UserPoolId: true,
    ClientName: true,
    GenerateSecret: true,
    ExplicitAuthFlows: true,
    PreventUserExistenceErrors: true,
    EnableTokenRevocation: true,
    AuthSessionValidity: true,
    AccessTokenValidity: true,
    IdTokenValidity: true,
    RefreshTokenValidity: true,
    TokenValidityUnits: { AccessToken: true, IdToken: true, RefreshToken: true },
  },
}

/** Splits properties into the modeled part and the dotted names of the rest. */
function modeledPart(properties: Record<string, Value>, modeled: Modeled, path: string, unmodeled: string[]): Record<string, Value> {
  const kept: Record<string, Value> = {}
  for (const [name, value] of Object.entries(properties)) {
    const rule = Object.hasOwn(modeled, name) ? modeled[name] : undefined
    if (rule === undefined) unmodeled.push(`${path}.${name}`)
    else if (rule === true || typeof value !== 'object' || value === null || Array.isArray(value)) kept[name] = value
    else kept[name] = modeledPart(value, rule, `${path}.${name}`, unmodeled)
  }
  return kept
}

export type BootedTemplate = {
  /** Logical id → what !Ref gives for it (pool id, client id). */
  physicalIds: Record<string, string>
  outputs: Record<string, Value>
  /** "UserPool.DeletionProtection", …: set in the template, not modeled by the local pool. */
  unmodeled: string[]
}

/**
 * Creates the template's pools and clients through CreateUserPool, SetUserPoolMfaConfig and
 * CreateUserPoolClient, with the parameter values given (strings, as `--param Name=Value`).
 */
export async function bootTemplate(template: Template, given: Readonly<Record<string, string>>, deps: Deps): Promise<BootedTemplate> {
  const parameters = resolveParameters(template, given)
  const refs: Record<string, Value> = { ...parameters, 'AWS::Region': 'us-east-1', 'AWS::AccountId': '000000000000', 'AWS::StackName': 'local' }
  const conditions: Record<string, boolean> = {}
  for (const [name, condition] of Object.entries(template.Conditions ?? {})) {
    conditions[name] = evaluate(condition, { refs, conditions }) === true
  }
  const unmodeled: string[] = []
  const physicalIds: Record<string, string> = {}
  // Pools before clients: a client's UserPoolId refers to its pool.
  const order = ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient']
  const resources = Object.entries(template.Resources)
    .filter(([logicalId, resource]) => {
      if (order.includes(resource.Type)) return true
      unmodeled.push(`${logicalId} (${resource.Type})`)
      return false
    })
    .filter(([, resource]) => resource.Condition === undefined || (Object.hasOwn(conditions, resource.Condition) && conditions[resource.Condition]))
    .sort(([, a], [, b]) => order.indexOf(a.Type) - order.indexOf(b.Type))
  for (const [logicalId, resource] of resources) {
    const evaluated = evaluate(resource.Properties ?? {}, { refs, conditions }) as Record<string, Value>
    const properties = modeledPart(evaluated, MODELED[resource.Type], logicalId, unmodeled)
    const id =
      resource.Type === 'AWS::Cognito::UserPool' ? await createPool(logicalId, properties, deps, unmodeled) : await createClient(properties, deps)
    physicalIds[logicalId] = id
    refs[logicalId] = id
  }
  const outputs = Object.fromEntries(
    Object.entries(template.Outputs ?? {}).map(([name, output]) => [name, evaluate(output.Value, { refs, conditions })]),
  )
  return { physicalIds, outputs, unmodeled }
}

async function createPool(logicalId: string, properties: Record<string, Value>, deps: Deps, unmodeled: string[]): Promise<string> {
  const { UserPoolName, MfaConfiguration, EnabledMfas, ...rest } = properties
  // CreateUserPool takes MFA ON/OPTIONAL only with an SMS configuration; a TOTP-only pool is made
  // with MFA off, then SetUserPoolMfaConfig turns it on, as CloudFormation does for EnabledMfas
  // (docs/cognito-behaviour.md#pool-mfa-configuration).
  // The operations check what they are given as they check a request body.
  const request: Untrusted<CreateUserPoolRequest> = { PoolName: UserPoolName ?? logicalId, ...rest }
  const { UserPool } = await createUserPool(request, deps)
  const poolId = UserPool?.Id
  if (!poolId) throw new Error('CreateUserPool answered without a pool id')
  const factors = Array.isArray(EnabledMfas) ? EnabledMfas : []
  for (const factor of factors) if (factor !== 'SOFTWARE_TOKEN_MFA') unmodeled.push(`${logicalId}.EnabledMfas ${String(factor)}`)
  if (MfaConfiguration !== undefined && MfaConfiguration !== 'OFF') {
    await setUserPoolMfaConfig(
      {
        UserPoolId: poolId,
        MfaConfiguration: MfaConfiguration as 'ON' | 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: factors.includes('SOFTWARE_TOKEN_MFA') },
      },
      deps,
    )
  }
  return poolId
}

async function createClient(properties: Record<string, Value>, deps: Deps): Promise<string> {
  const { UserPoolClient } = await createUserPoolClient(properties as Untrusted<CreateUserPoolClientRequest>, deps)
  const clientId = UserPoolClient?.ClientId
  if (!clientId) throw new Error('CreateUserPoolClient answered without a client id')
  return clientId
}

/** `Name=Value` pairs from the command line. */
export function parseParamArguments(pairs: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new Error(`--param takes Name=Value, got "${pair}"`)
    values[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return values
}

/** The path of the pool template in this repository (a path: under jsdom, `URL` is jsdom's and node:fs refuses it). */
export const POOL_TEMPLATE = join(import.meta.dirname, '../infra/user-pool.yaml')

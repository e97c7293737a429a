// The templates in infra/ against the CloudFormation resource specification AWS publishes (the
// database of @aws-cdk/aws-service-spec, which the CDK generates its L1 constructs from): every
// resource type must exist and every property name, at every level of nesting, must be one the
// resource or its property type declares, so a typo fails here and not halfway through a deploy.
import { readdirSync, readFileSync } from 'node:fs'
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec'
import { beforeAll, describe, expect, test } from 'vitest'
import { parseTemplate, type Template } from '../../emulator/template.ts'

type SpecDatabase = Awaited<ReturnType<typeof loadAwsServiceSpec>>
// The parts of the spec's property types this check reads.
type SpecType = { type: string; reference?: { $ref: string }; element?: SpecType; types?: SpecType[] }
type SpecProperties = Record<string, { type: SpecType; required?: boolean }>

let spec: SpecDatabase
beforeAll(async () => {
  spec = await loadAwsServiceSpec()
}, 60_000)

const isIntrinsic = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  /^(Ref|Condition|Fn::\w+)$/.test(Object.keys(value)[0])

/** Every property name that the specification does not know, as a dotted path. */
function schemaProblems(template: Template): string[] {
  const problems: string[] = []
  const checkValue = (value: unknown, type: SpecType, path: string) => {
    if (isIntrinsic(value)) {
      // Both branches of an !If must fit the property; other functions produce a value at deploy time.
      const [name, argument] = Object.entries(value)[0]
      if (name === 'Fn::If' && Array.isArray(argument)) argument.slice(1).forEach((branch) => checkValue(branch, type, path))
      return
    }
    if (type.type === 'union') {
      // Accept the value if any member type accepts it.
      const attempts = (type.types ?? []).map((member) => {
        const before = problems.length
        checkValue(value, member, path)
        return problems.splice(before)
      })
      if (attempts.every((found) => found.length > 0)) problems.push(...attempts[0])
    } else if (type.type === 'ref' && type.reference) {
      const definition = spec.get('typeDefinition', type.reference.$ref)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push(`${path}: must be a ${definition.name} object`)
      else checkProperties(value as Record<string, unknown>, definition.properties as SpecProperties, path)
    } else if (type.type === 'array' && type.element) {
      if (!Array.isArray(value)) problems.push(`${path}: must be a list`)
      else value.forEach((item, index) => checkValue(item, type.element!, `${path}[${index}]`))
    } else if (type.type === 'map' && type.element) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push(`${path}: must be a map`)
      else Object.entries(value).forEach(([key, item]) => checkValue(item, type.element!, `${path}.${key}`))
    } else if (type.type !== 'json' && typeof value === 'object' && value !== null) {
      problems.push(`${path}: must be a ${type.type}, not ${Array.isArray(value) ? 'a list' : 'an object'}`)
    }
  }
  const checkProperties = (properties: Record<string, unknown>, declared: SpecProperties, path: string) => {
    for (const [name, value] of Object.entries(properties)) {
      const property = declared[name]
      if (!property) problems.push(`${path}.${name}: no such property`)
      else checkValue(value, property.type, `${path}.${name}`)
    }
    for (const [name, property] of Object.entries(declared)) {
      if (property.required && !(name in properties)) problems.push(`${path}.${name}: required`)
    }
  }
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const found = spec.lookup('resource', 'cloudFormationType', 'equals', resource.Type)
    if (found.length !== 1) {
      problems.push(`${logicalId}: no resource type ${resource.Type}`)
      continue
    }
    checkProperties(resource.Properties ?? {}, found[0].properties as SpecProperties, logicalId)
  }
  return problems
}

const templateFiles = readdirSync(new URL('../../infra/', import.meta.url)).filter((name) => /\.ya?ml$/.test(name))

describe('infra/ templates against the CloudFormation resource specification', () => {
  test('there is a pool template', () => {
    expect(templateFiles).toContain('user-pool.yaml')
  })

  test.each(templateFiles)('%s: every resource type and property name is in the specification', (name) => {
    const template = parseTemplate(readFileSync(new URL(`../../infra/${name}`, import.meta.url), 'utf8'))
    expect(Object.keys(template.Resources).length).toBeGreaterThan(0)
    expect(schemaProblems(template)).toEqual([])
  })

  test('a misspelt property (top level or nested), a missing required one, an object for a string and an unknown type fail the check', () => {
    const template = parseTemplate(readFileSync(new URL('../../infra/user-pool.yaml', import.meta.url), 'utf8'))
    const pool = template.Resources.UserPool.Properties!
    const client = template.Resources.UserPoolClient.Properties!
    const policies = pool.Policies as { PasswordPolicy: Record<string, unknown> }
    const { MinimumLength, ...passwordPolicy } = policies.PasswordPolicy
    pool.Policies = { PasswordPolicy: { ...passwordPolicy, MinimumLenght: MinimumLength } }
    client.PreventUserExistenceError = client.PreventUserExistenceErrors
    delete client.PreventUserExistenceErrors
    client.TokenValidityUnits = { AccessToken: 'minutes', IdToken: 'minutes', RefreshTokens: 'days' }
    client.ClientName = { Name: 'cognito-totp-web' }
    delete client.UserPoolId
    template.Resources.Extra = { Type: 'AWS::Cognito::UserPoolClients', Properties: {} }
    expect(schemaProblems(template)).toEqual([
      'UserPool.Policies.PasswordPolicy.MinimumLenght: no such property',
      'UserPoolClient.ClientName: must be a string, not an object',
      'UserPoolClient.TokenValidityUnits.RefreshTokens: no such property',
      'UserPoolClient.PreventUserExistenceError: no such property',
      'UserPoolClient.UserPoolId: required',
      'Extra: no resource type AWS::Cognito::UserPoolClients',
    ])
  })
})

// infra/hosting.yaml's response headers policy carries exactly the headers of the one source
// (scripts/security-headers.ts), which vite preview sends too (security-headers.test.ts).
import { readFileSync } from 'node:fs'
import { parseTemplate } from '../../emulator/template.ts'
import { headersOfPolicy, responseHeadersPolicyConfig, securityHeaders, type ResponseHeadersPolicyConfig } from '../../scripts/security-headers.ts'

const template = parseTemplate(readFileSync(new URL('../../infra/hosting.yaml', import.meta.url), 'utf8'))
const resources = template.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>

// Resolves the policy's CloudFormation functions as a deployment with this origin would.
function deployedPolicy(origin: string): ResponseHeadersPolicyConfig {
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve)
    if (value && typeof value === 'object') {
      const entries = Object.entries(value)
      if (entries.length === 1 && entries[0]![0] === 'Fn::Sub') {
        const [text, variables] = (Array.isArray(entries[0]![1]) ? entries[0]![1] : [entries[0]![1], {}]) as [string, Record<string, unknown>]
        return text.replace(/\$\{([\w:]+)\}/g, (_, name: string) =>
          name === 'Origin' && 'Origin' in variables ? origin : name === 'AWS::StackName' ? 'site' : `\${${name}}`,
        )
      }
      return Object.fromEntries(entries.map(([k, v]) => [k, resolve(v)]))
    }
    return value
  }
  return resolve(resources.SiteSecurityHeaders!.Properties.ResponseHeadersPolicyConfig) as ResponseHeadersPolicyConfig
}

test('the hosting template’s headers policy is the source of truth’s, for the configured Cognito origin', () => {
  const origin = 'https://cognito-idp.eu-west-1.amazonaws.com'
  const policy = deployedPolicy(origin)
  expect(headersOfPolicy(policy)).toEqual(securityHeaders({ target: 'hosted', connectSources: [origin] }))
  const { Name: _name, ...rest } = responseHeadersPolicyConfig('site-security-headers', [origin])
  expect(policy).toEqual({ Name: 'site-security-headers', ...rest })
})

test('the origin is the parameter, else the regional endpoint of the stack’s region', () => {
  const csp = resources.SiteSecurityHeaders!.Properties.ResponseHeadersPolicyConfig as {
    SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: { 'Fn::Sub': [string, { Origin: unknown }] } } }
  }
  expect(csp.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Sub'][1].Origin).toEqual({
    'Fn::If': ['HasCognitoOrigin', { Ref: 'CognitoOrigin' }, { 'Fn::Sub': 'https://cognito-idp.${AWS::Region}.amazonaws.com' }],
  })
})

test('the distribution sends the policy on every response', () => {
  const distribution = resources.SiteDistribution!.Properties.DistributionConfig as {
    DefaultCacheBehavior: Record<string, unknown>
    CacheBehaviors?: unknown
  }
  expect(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: 'SiteSecurityHeaders' })
  expect(distribution.CacheBehaviors).toBeUndefined()
})

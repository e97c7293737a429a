// The security headers' one source of truth (scripts/security-headers.ts): the policy itself, the
// Cognito origin it allows, the CloudFront rendering of it, and `vite preview` sending exactly it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { preview } from 'vite'
import {
  buildConnectSources,
  contentSecurityPolicy,
  headersOfPolicy,
  responseHeadersPolicyConfig,
  securityHeaders,
} from '../../scripts/security-headers.ts'

const root = join(import.meta.dirname, '..', '..')
const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]))

describe('the Content-Security-Policy', () => {
  const cognito = ['https://cognito-idp.eu-west-1.amazonaws.com']

  it.each(['hosted', 'preview'] as const)('is strict on the %s target', (target) => {
    const csp = directives(contentSecurityPolicy({ target, connectSources: cognito }))
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'"])
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://cognito-idp.eu-west-1.amazonaws.com'])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'self'"])
    expect(contentSecurityPolicy({ target, connectSources: cognito })).not.toMatch(/unsafe|\*/)
  })

  it('relaxes only what hot reload needs in dev', () => {
    const strict = directives(contentSecurityPolicy({ target: 'preview', connectSources: cognito }))
    const dev = directives(contentSecurityPolicy({ target: 'dev', connectSources: cognito }))
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(dev.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(dev.get('connect-src')).toEqual([...strict.get('connect-src')!, 'ws://127.0.0.1:*', 'ws://localhost:*'])
    expect(contentSecurityPolicy({ target: 'dev', connectSources: [] })).not.toContain('unsafe-eval')
    for (const name of ['default-src', 'frame-ancestors', 'base-uri', 'object-src', 'form-action', 'img-src']) {
      expect(dev.get(name)).toEqual(strict.get(name))
    }
  })
})

describe('the other headers', () => {
  it('are the same on every target, HSTS only on the real host', () => {
    const hosted = securityHeaders({ target: 'hosted', connectSources: [] })
    expect(hosted).toMatchObject({
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    })
    expect(hosted['Permissions-Policy']).toMatch(/^camera=\(\), microphone=\(\), geolocation=\(\)/)
    const { 'Strict-Transport-Security': hsts, ...rest } = hosted
    expect(hsts).toBeDefined()
    expect(securityHeaders({ target: 'preview', connectSources: [] })).toEqual(rest)
  })
})

describe('the Cognito origin in connect-src', () => {
  it('is none in local mode: the emulator is behind the same-origin /local-cognito proxy', () => {
    expect(buildConnectSources({}, undefined)).toEqual([])
  })

  it('is the regional endpoint of the configured pool', () => {
    const env = { VITE_COGNITO_USER_POOL_ID: 'ap-northeast-1_AbCdEf123', VITE_COGNITO_USER_POOL_CLIENT_ID: 'client1234567' }
    expect(buildConnectSources(env, undefined)).toEqual(['https://cognito-idp.ap-northeast-1.amazonaws.com'])
  })

  it('is the origin of VITE_COGNITO_ENDPOINT when one is configured', () => {
    const env = {
      VITE_COGNITO_USER_POOL_ID: 'us-east-1_AbCdEf123',
      VITE_COGNITO_USER_POOL_CLIENT_ID: 'client1234567',
      VITE_COGNITO_ENDPOINT: 'https://cognito.example.com:8443/base/',
    }
    expect(buildConnectSources(env, undefined)).toEqual(['https://cognito.example.com:8443'])
  })

  it('follows amplify_outputs.json', () => {
    const outputs = JSON.stringify({
      version: '1.4',
      auth: { aws_region: 'eu-central-1', user_pool_id: 'eu-central-1_AbCdEf123', user_pool_client_id: 'client1234567' },
    })
    expect(buildConnectSources({}, outputs)).toEqual(['https://cognito-idp.eu-central-1.amazonaws.com'])
  })

  it('is none when the configuration is invalid (the app calls nothing then)', () => {
    expect(buildConnectSources({ VITE_COGNITO_USER_POOL_ID: 'no-region' }, undefined)).toEqual([])
  })
})

describe('the CloudFront response headers policy', () => {
  it('carries exactly the hosted headers', () => {
    const sources = ['https://cognito-idp.eu-west-1.amazonaws.com']
    const config = responseHeadersPolicyConfig('cognito-totp-security-headers', sources)
    expect(config.Name).toBe('cognito-totp-security-headers')
    expect(headersOfPolicy(config)).toEqual(securityHeaders({ target: 'hosted', connectSources: sources }))
    // The policy wins over whatever the origin (S3) sends.
    const security = Object.values(config.SecurityHeadersConfig) as Array<{ Override: boolean }>
    expect(security.every((header) => header.Override)).toBe(true)
    expect(config.CustomHeadersConfig.Items.every((item) => item.Override)).toBe(true)
    // CloudFront's limit for the Content-Security-Policy value.
    expect(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy.length).toBeLessThanOrEqual(1783)
  })
})

describe('vite preview', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'preview-headers-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function headersServed(envDir: string): Promise<Record<string, string>> {
    const server = await preview({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'silent',
      envDir,
      build: { outDir: dir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    })
    try {
      const response = await fetch(server.resolvedUrls!.local[0]!)
      expect(response.status).toBe(200)
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => (headers[name] = value))
      return headers
    } finally {
      await server.close()
    }
  }

  it('sends exactly the source of truth’s headers for the local pool', async () => {
    const envDir = mkdtempSync(join(dir, 'env-'))
    const served = await headersServed(envDir)
    for (const [name, value] of Object.entries(securityHeaders({ target: 'preview', connectSources: [] }))) {
      expect(served[name.toLowerCase()], name).toBe(value)
    }
    expect(served['strict-transport-security']).toBeUndefined()
  })

  it('names the configured pool’s Cognito endpoint in connect-src', async () => {
    const envDir = mkdtempSync(join(dir, 'env-'))
    writeFileSync(join(envDir, '.env'), 'VITE_COGNITO_USER_POOL_ID=eu-west-1_AbCdEf123\nVITE_COGNITO_USER_POOL_CLIENT_ID=client1234567\n')
    const served = await headersServed(envDir)
    expect(served['content-security-policy']).toBe(
      securityHeaders({ target: 'preview', connectSources: ['https://cognito-idp.eu-west-1.amazonaws.com'] })['Content-Security-Policy'],
    )
    expect(served['content-security-policy']).toContain("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com;")
  })
})

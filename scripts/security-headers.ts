// The security headers of the app, in one place: `vite preview` and the dev server send them
// (vite.config.ts), and the CloudFront response headers policy of the hosting template is rendered
// from them (responseHeadersPolicyConfig), so the browser tests run under the policy users get.
// ADR 009 explains each choice.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadEnv, type Plugin } from 'vite'
import { resolveBuildConfig, type ConfigResult } from '../src/config/app-config.ts'

export type HeaderTarget =
  /** CloudFront in front of the built app: the real host, always https. */
  | 'hosted'
  /** `vite preview` on http://127.0.0.1: the build as it ships, minus HSTS. */
  | 'preview'
  /** `vite dev`: what hot reload needs on top (see devRelaxations). */
  | 'dev'

export type HeaderOptions = {
  target: HeaderTarget
  /**
   * Origins the app calls besides itself: the Cognito user-pool endpoint the build talks to
   * (cognitoConnectSources), none in local mode (the emulator is behind the same-origin /local-cognito).
   */
  connectSources: readonly string[]
}

/** Two years, as the HSTS preload list asks; the hosted app is https only. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000

// Features the app never uses, refused for it and for anything it might ever embed.
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()'

/**
 * The Content-Security-Policy. No 'unsafe-inline' or 'unsafe-eval' for scripts or styles outside
 * dev: the build has no inline script, index.html no inline style, and Amplify UI's theme is a built
 * stylesheet (scripts/amplify-ui-theme.ts) rather than ThemeProvider's run-time <style>. React's
 * style={} props are not affected: they set element.style from script, which CSP does not govern.
 */
export function contentSecurityPolicy({ target, connectSources }: HeaderOptions): string {
  const dev = target === 'dev'
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'self'"],
    // Dev: @vitejs/plugin-react's React Refresh preamble is an inline module script.
    ['script-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    // Dev: Vite serves every imported stylesheet as a <style> element written by script.
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    // Dev: the HMR client's websocket, on the dev server's own port (not every browser counts ws: as 'self').
    ['connect-src', "'self'", ...connectSources, ...(dev ? ['ws://127.0.0.1:*', 'ws://localhost:*'] : [])],
    ['img-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    // The Security page cannot be framed (clickjacking).
    ['frame-ancestors', "'none'"],
  ]
  return directives.map((parts) => parts.join(' ')).join('; ')
}

/** Header name → value, as `vite preview` and the dev server send them. */
export function securityHeaders(options: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
  }
  // Only the real host: browsers ignore HSTS over http (RFC 6797 §8.1), and on https://localhost it
  // would pin every other local app to https for two years.
  if (options.target === 'hosted') headers['Strict-Transport-Security'] = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`
  return headers
}

/**
 * The origins the app's configuration calls: the configured endpoint's origin
 * (VITE_COGNITO_ENDPOINT), else the regional Cognito endpoint of the pool (the region is the
 * pool id's prefix, as Amplify derives it); none in local mode or when the configuration is invalid
 * (the app then shows its configuration problem screen and calls nothing).
 */
export function cognitoConnectSources(config: ConfigResult): string[] {
  if (!config.ok || config.config.backend.kind !== 'explicit') return []
  const { endpoint, userPoolId } = config.config.backend.pool
  if (endpoint) return [new URL(endpoint).origin]
  return [`https://cognito-idp.${userPoolId.split('_')[0]}.amazonaws.com`]
}

/** The connect sources of a build, from the same inputs the app reads (src/config/build-config.ts). */
export function buildConnectSources(env: Record<string, string | undefined>, amplifyOutputs: string | undefined): string[] {
  return cognitoConnectSources(resolveBuildConfig({ env, amplifyOutputs, origin: 'http://127.0.0.1/' }))
}

/**
 * Sets server.headers (target 'dev') and preview.headers (target 'preview') for the backend the
 * build talks to: VITE_COGNITO_* from the env files of the configured envDir, else amplify_outputs.json.
 */
export function securityHeadersPlugin({ root }: { root: string }): Plugin {
  return {
    name: 'security-headers',
    config(config, { mode }) {
      const outputsPath = join(root, 'amplify_outputs.json')
      const outputs = existsSync(outputsPath) ? readFileSync(outputsPath, 'utf8') : undefined
      // loadEnv also takes VITE_* from the process environment, as the build does.
      const connectSources = buildConnectSources(loadEnv(mode, config.envDir ?? root, 'VITE_'), outputs)
      return {
        server: { headers: securityHeaders({ target: 'dev', connectSources }) },
        preview: { headers: securityHeaders({ target: 'preview', connectSources }) },
      }
    },
  }
}

/** AWS::CloudFront::ResponseHeadersPolicy's ResponseHeadersPolicyConfig carrying the hosted headers. */
export type ResponseHeadersPolicyConfig = {
  Name: string
  Comment: string
  SecurityHeadersConfig: {
    ContentSecurityPolicy: { ContentSecurityPolicy: string; Override: boolean }
    ContentTypeOptions: { Override: boolean }
    FrameOptions: { FrameOption: 'DENY' | 'SAMEORIGIN'; Override: boolean }
    ReferrerPolicy: { ReferrerPolicy: string; Override: boolean }
    StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean; Preload: boolean; Override: boolean }
  }
  CustomHeadersConfig: { Items: Array<{ Header: string; Value: string; Override: boolean }> }
}

/**
 * The hosted headers as a CloudFront response headers policy. `connectSources` may hold
 * CloudFormation-resolved strings (the template passes the regional endpoint of its own pool).
 * Override: the policy wins over anything the origin (S3) might send.
 */
export function responseHeadersPolicyConfig(name: string, connectSources: readonly string[]): ResponseHeadersPolicyConfig {
  const headers = securityHeaders({ target: 'hosted', connectSources })
  return {
    Name: name,
    Comment: 'Security headers of the Cognito TOTP app (scripts/security-headers.ts)',
    SecurityHeadersConfig: {
      ContentSecurityPolicy: { ContentSecurityPolicy: headers['Content-Security-Policy']!, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: headers['Referrer-Policy']!, Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, IncludeSubdomains: true, Preload: false, Override: true },
    },
    CustomHeadersConfig: { Items: [{ Header: 'Permissions-Policy', Value: headers['Permissions-Policy']!, Override: true }] },
  }
}

/** The headers CloudFront adds under a policy, as a name → value map comparable with securityHeaders(). */
export function headersOfPolicy(config: ResponseHeadersPolicyConfig): Record<string, string> {
  const security = config.SecurityHeadersConfig
  const hsts = security.StrictTransportSecurity
  return {
    'Content-Security-Policy': security.ContentSecurityPolicy.ContentSecurityPolicy,
    'Referrer-Policy': security.ReferrerPolicy.ReferrerPolicy,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': security.FrameOptions.FrameOption,
    ...Object.fromEntries(config.CustomHeadersConfig.Items.map((item) => [item.Header, item.Value])),
    'Strict-Transport-Security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
  }
}

// What a browser test watches besides the screen: no request leaves the machine, no unexpected
// console.error or uncaught error, no Content-Security-Policy violation (the app is served with the
// production headers, scripts/security-headers.ts), and no setup key or token in a URL or in the console.
import type { BrowserContext, Page, Request, Response } from 'playwright-core'

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
// A JWT (Cognito's ID and access tokens) or a JWE (Cognito's refresh tokens): base64url JSON header first.
const TOKEN_PATTERN = /eyJ[\w-]{8,}\.[\w-]*\.[\w-]+/
const AMZ_TARGET_PREFIX = 'AWSCognitoIdentityProviderService.'
const CSP_BINDING = '__e2eReportCspViolation'

export type ConsoleEntry = { type: string; text: string; location: string }

export class Guard {
  readonly blockedRequests: string[] = []
  readonly consoleEntries: ConsoleEntry[] = []
  readonly pageErrors: string[] = []
  /** Content-Security-Policy violations the pages reported (securitypolicyviolation events). */
  readonly cspViolations: string[] = []
  readonly urls = new Set<string>()
  /** Cognito operations the page called, in order (from X-Amz-Target). */
  readonly operations: string[] = []
  /** The pool's refusals, in order: operation, app client and error type (an unexpected 400 says only its status). */
  readonly refusals: string[] = []
  private readonly secrets = new Set<string>()
  private readonly allowedErrors: RegExp[] = []
  private readonly pending: Promise<void>[] = []

  /**
   * Routes every request of the context: anything not on this machine is aborted and recorded.
   * Also records every CSP violation, which no allowConsoleError() can excuse.
   */
  async attachToContext(context: BrowserContext): Promise<void> {
    await context.exposeBinding(CSP_BINDING, (_source, violation: string) => {
      this.cspViolations.push(violation)
    })
    await context.addInitScript((binding: string) => {
      // Capture phase on the document: violations fire at the offending element (bubbling, composed) or the document.
      document.addEventListener(
        'securitypolicyviolation',
        (event) => {
          const report = (window as unknown as Record<string, (text: string) => void>)[binding]
          const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : ''
          const sample = event.sample ? ` (${JSON.stringify(event.sample)})` : ''
          report?.(`${event.effectiveDirective} blocked ${event.blockedURI || 'an inline resource'}${sample}${where}`)
        },
        true,
      )
    }, CSP_BINDING)
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (isLocal(url)) return route.fallback()
      this.blockedRequests.push(`${route.request().method()} ${url}`)
      return route.abort('blockedbyclient')
    })
  }

  attachToPage(page: Page): void {
    page.on('console', (message) => {
      const { url, lineNumber } = message.location()
      this.consoleEntries.push({ type: message.type(), text: message.text(), location: url ? `${url}:${lineNumber}` : '' })
    })
    page.on('pageerror', (error) => this.pageErrors.push(`${error.name}: ${error.message}\n${error.stack ?? ''}`))
    page.on('framenavigated', (frame) => this.urls.add(frame.url()))
    page.on('request', (request) => this.onRequest(request))
    page.on('response', (response) => this.pending.push(this.onResponse(response)))
  }

  /** A console.error the test expects (a refused code's HTTP 400, a dropped connection). */
  allowConsoleError(pattern: RegExp): void {
    this.allowedErrors.push(pattern)
  }

  /** Marks a value that must never appear in a URL or the console (the setup key read from the screen). */
  addSecret(value: string): void {
    const compact = value.replace(/\s+/g, '')
    if (compact.length >= 8) this.secrets.add(compact)
  }

  count(operation: string): number {
    return this.operations.filter((name) => name === operation).length
  }

  private onRequest(request: Request): void {
    this.urls.add(request.url())
    const target = request.headers()['x-amz-target']
    if (target?.startsWith(AMZ_TARGET_PREFIX)) this.operations.push(target.slice(AMZ_TARGET_PREFIX.length))
  }

  // Learns the secrets the pool hands out, so the checks do not depend on what the test read.
  private async onResponse(response: Response): Promise<void> {
    const target = response.request().headers()['x-amz-target']
    if (!target) return
    let body: unknown
    try {
      body = await response.json()
    } catch {
      return
    }
    if (response.status() >= 400) this.refusals.push(refusal(target, response.request().postData(), response.status(), body))
    const collect = (value: unknown, key = '') => {
      if (typeof value === 'string' && /^(SecretCode|AccessToken|IdToken|RefreshToken|Session)$/.test(key)) this.addSecret(value)
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k)
    }
    collect(body)
  }

  /** Everything wrong so far, as readable lines (empty when clean). */
  async problems(): Promise<string[]> {
    await Promise.allSettled(this.pending)
    const problems: string[] = []
    for (const request of this.blockedRequests) problems.push(`request to a non-local host (blocked): ${request}`)
    for (const error of this.pageErrors) problems.push(`uncaught error in the page: ${error}`)
    for (const violation of this.cspViolations) problems.push(`Content-Security-Policy violation: ${violation}`)
    let unexpectedError = false
    for (const entry of this.consoleEntries) {
      if (entry.type === 'error' && !this.allowedErrors.some((pattern) => pattern.test(entry.text))) {
        problems.push(`unexpected console.error: ${entry.text}${entry.location ? ` (at ${entry.location})` : ''}`)
        unexpectedError = true
      }
      const leak = this.leakIn(entry.text)
      if (leak) problems.push(`console.${entry.type} contains ${leak}: ${redact(entry.text)}`)
    }
    // Chromium logs a refused request as "status of 400" alone; which call, to which pool, and why.
    if (unexpectedError && this.refusals.length > 0) problems.push(`the pool refused: ${this.refusals.join('; ')}`)
    for (const error of this.pageErrors) {
      const leak = this.leakIn(error)
      if (leak) problems.push(`an uncaught error's text contains ${leak}`)
    }
    for (const url of this.urls) {
      let decoded = url
      try {
        decoded = decodeURIComponent(url)
      } catch {
        // keep the raw URL
      }
      const leak = this.leakIn(decoded)
      if (leak) problems.push(`a URL contains ${leak}: ${redact(decoded)}`)
    }
    return problems
  }

  private leakIn(text: string): string | undefined {
    if (TOKEN_PATTERN.test(text)) return 'a token (JWT)'
    if (/otpauth:\/\//i.test(text) || /[?&]secret=/i.test(text)) return 'an otpauth URI or secret parameter'
    const compact = text.replace(/\s+/g, '')
    for (const secret of this.secrets) if (compact.includes(secret)) return 'a setup key, token or session'
    return undefined
  }
}

function refusal(target: string, requestBody: string | null, status: number, body: unknown): string {
  let clientId: unknown
  try {
    clientId = (JSON.parse(requestBody ?? '{}') as { ClientId?: unknown }).ClientId
  } catch {
    // not JSON: no app client to name
  }
  const type = body && typeof body === 'object' && '__type' in body ? String(body.__type) : 'no __type'
  const operation = target.startsWith(AMZ_TARGET_PREFIX) ? target.slice(AMZ_TARGET_PREFIX.length) : target
  return `${operation}${typeof clientId === 'string' ? ` (ClientId ${clientId})` : ''} → ${status} ${type}`
}

function isLocal(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true
  return LOCAL_HOSTS.has(parsed.hostname)
}

function redact(text: string): string {
  return text.replace(/[A-Za-z0-9_-]{16,}/g, (match) => `${match.slice(0, 4)}…(${match.length} chars)`).slice(0, 400)
}

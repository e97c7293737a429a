// Every server we ship answers the app's addresses (ADR 020) with index.html and the security
// headers, so a reload or a link to /security/setup opens the app: `npm run dev` and `npm start`
// (Vite's dev server, scripts/start.ts), `vite preview`, and the hosting template's CloudFront
// distribution. tests/e2e/history.test.ts reloads on /security/setup in Chromium through vite preview.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, preview } from 'vite'
import { parseTemplate } from '../../emulator/template.ts'
import { securityPath, setupPath } from '../../src/features/account-security/paths.ts'

const root = join(import.meta.dirname, '..', '..')
const deepPaths = [securityPath, setupPath]

async function served(base: string, path: string) {
  const response = await fetch(new URL(path, base))
  return { status: response.status, csp: response.headers.get('content-security-policy'), body: await response.text() }
}

test('vite preview serves index.html, with the security headers, at the app’s addresses', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'preview-addresses-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title><div id="root"></div>')
  const server = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    envDir: mkdtempSync(join(dir, 'env-')),
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  try {
    for (const path of deepPaths) {
      const answer = await served(server.resolvedUrls!.local[0]!, path)
      expect(answer.status, path).toBe(200)
      expect(answer.body, path).toContain('<div id="root"></div>')
      expect(answer.csp, path).toContain("default-src 'self'")
    }
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the dev server (npm run dev, npm start) serves the app at the app’s addresses', async () => {
  const server = await createServer({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: true, open: false, ws: false },
  })
  await server.listen()
  try {
    for (const path of deepPaths) {
      const answer = await served(server.resolvedUrls!.local[0]!, path)
      expect(answer.status, path).toBe(200)
      expect(answer.body, path).toContain('/src/main.tsx')
      expect(answer.csp, path).toContain("default-src 'self'")
    }
  } finally {
    await server.close()
  }
})

test('the hosting template answers an address the bucket does not hold with the app, under the same headers policy', () => {
  const template = parseTemplate(readFileSync(join(root, 'infra', 'hosting.yaml'), 'utf8'))
  const resources = template.Resources as Record<string, { Properties: { DistributionConfig?: Record<string, unknown> } }>
  const config = resources.SiteDistribution!.Properties.DistributionConfig!
  // S3 behind an origin access control answers 403 for a missing key (404 if the policy allowed listing).
  expect(config.CustomErrorResponses).toEqual([
    { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' },
    { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' },
  ])
  // One cache behavior serves every path, /index.html included: its headers policy is on these answers too.
  expect(config.CacheBehaviors).toBeUndefined()
  expect((config.DefaultCacheBehavior as Record<string, unknown>).ResponseHeadersPolicyId).toEqual({ Ref: 'SiteSecurityHeaders' })
})

// axe-core in the page, on a screen as the user sees it; serious and critical violations fail.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axePath = createRequire(import.meta.url).resolve('axe-core')
// Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
// govern: page.addScriptTag would insert an inline <script>, which the app's policy refuses.
let axeSource: string | undefined

type AxeNode = { target: unknown[]; failureSummary?: string; html: string }
type AxeViolation = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] }

export type AxeRecord = { screen: string; lang: string; violations: Array<{ id: string; impact: string; nodes: number }> }

/** Every scan of this test file (printed at the end, and used in the report). */
export const axeLog: AxeRecord[] = []

const BLOCKING = new Set(['serious', 'critical'])

export async function expectAccessible(page: Page, screen: string, lang: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.evaluate((axeSource ??= readFileSync(axePath, 'utf8')))
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })) as AxeViolation[]
  axeLog.push({ screen, lang, violations: violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', nodes: v.nodes.length })) })
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''))
  if (blocking.length > 0) {
    throw new Error(`axe: ${blocking.length} serious/critical violation(s) on "${screen}" (${lang}):\n${blocking.map(describe).join('\n')}`)
  }
}

function describe(violation: AxeViolation): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `      ${node.target.join(' ')}\n        ${node.html.slice(0, 200)}\n        ${(node.failureSummary ?? '').replace(/\n/g, '\n        ')}`,
    )
    .join('\n')
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`
}

export function axeSummary(): string {
  if (axeLog.length === 0) return 'axe: no scans'
  const lines = axeLog.map((record) => {
    const found = record.violations.map((v) => `${v.impact} ${v.id} ×${v.nodes}`).join(', ')
    return `  ${record.lang} ${record.screen}: ${found || 'no violations'}`
  })
  return `axe: ${axeLog.length} scans\n${lines.join('\n')}`
}

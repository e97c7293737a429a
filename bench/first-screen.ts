// `npm run bench`, part 1 (issue 14): the first screen of this app beside what a team would pick
// instead (Amplify UI's <Authenticator> with TOTP) and the floor (React rendering one form), all
// three built in this run from bench/baselines/ and the sources: bytes of the first screen (raw,
// gzip, brotli; the files `npm run size` counts) and the time to a visible username field, median of
// interleaved runs in fresh browser contexts, at full speed and with the CPU slowed 4×.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../tests/e2e/harness/chromium.ts'
import { buildOne, type AppName, type Build } from './first-screen/builds.ts'
import { serveStatic, type StaticServer } from './first-screen/static-server.ts'
import { timeToForm } from './first-screen/time-to-form.ts'
import type { BenchPart, BenchPartResult } from './part.ts'

const APPS: readonly AppName[] = ['authenticator', 'app', 'floor']
const LABELS: Record<AppName, string> = {
  authenticator: 'Amplify UI `<Authenticator>` with TOTP',
  app: 'this app',
  floor: 'React + react-dom rendering one form (the floor)',
}
const RUNS = 7
const SLOWDOWNS = [1, 4] as const
// The username field visible, and its form ready to submit (time-to-form.ts).
const MOMENTS = ['visible', 'ready'] as const
const column = (moment: (typeof MOMENTS)[number], slowdown: number) => `${moment} ${slowdown}x`

export type FirstScreenData = {
  chromium: string
  runs: number
  apps: Record<
    AppName,
    { bytes: Build['total']; html: Build['html']; files: Build['files']; timesMs: Record<string, number[]>; medianMs: Record<string, number> }
  >
  ratios: Record<'toFloor' | 'toAuthenticator', { gzip: number; brotli: number; raw: number } & Record<string, number>>
}

export const firstScreen: BenchPart = async ({ smoke, log }): Promise<BenchPartResult> => {
  const runs = smoke ? 1 : RUNS
  const slowdowns = smoke ? [1] : [...SLOWDOWNS]
  const workDir = await mkdtemp(join(tmpdir(), 'bench-first-screen-'))
  const servers: StaticServer[] = []
  try {
    // One after the other: the machine's cores are the benchmark's, not three builds'.
    const builds = {} as Record<AppName, Build>
    for (const name of APPS) {
      log(`first screen: building ${name}`)
      builds[name] = await buildOne(name, workDir)
    }
    const urls = {} as Record<AppName, string>
    for (const name of APPS) {
      const server = await serveStatic(builds[name].outDir)
      servers.push(server)
      urls[name] = server.url
    }
    const browser = await launchChromium()
    try {
      const times = Object.fromEntries(
        APPS.map((name) => [name, Object.fromEntries(slowdowns.flatMap((s) => MOMENTS.map((m) => [column(m, s), [] as number[]])))]),
      ) as Record<AppName, Record<string, number[]>>
      // One load of each first, not counted: the browser's own first navigation is slower.
      if (!smoke) for (const name of APPS) await timeToForm(browser, urls[name], 1)
      for (let round = 0; round < runs; round++) {
        for (const slowdown of slowdowns) {
          // Interleaved, starting with a different app each round, so a slow moment of the machine
          // falls on every app alike.
          for (let i = 0; i < APPS.length; i++) {
            const name = APPS[(round + i) % APPS.length]!
            const moments = await timeToForm(browser, urls[name], slowdown)
            for (const m of MOMENTS) times[name][column(m, slowdown)]!.push(moments[m])
          }
        }
        log(`first screen: round ${round + 1}/${runs} done`)
      }
      const data = summarize(builds, times, runs, browser.version())
      return { key: 'firstScreen', title: 'First screen', markdown: markdown(data, slowdowns), data }
    } finally {
      await browser.close()
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()))
    await rm(workDir, { recursive: true, force: true })
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function summarize(
  builds: Record<AppName, Build>,
  times: Record<AppName, Record<string, number[]>>,
  runs: number,
  chromium: string,
): FirstScreenData {
  const apps = Object.fromEntries(
    APPS.map((name) => [
      name,
      {
        bytes: builds[name].total,
        html: builds[name].html,
        files: builds[name].files,
        timesMs: times[name],
        medianMs: Object.fromEntries(Object.entries(times[name]).map(([rate, values]) => [rate, median(values)])),
      },
    ]),
  ) as FirstScreenData['apps']
  const ratio = (to: AppName) => ({
    raw: apps.app.bytes.raw / apps[to].bytes.raw,
    gzip: apps.app.bytes.gzip / apps[to].bytes.gzip,
    brotli: apps.app.bytes.brotli / apps[to].bytes.brotli,
    ...Object.fromEntries(Object.keys(apps.app.medianMs).map((rate) => [rate, apps.app.medianMs[rate]! / apps[to].medianMs[rate]!])),
  })
  return { chromium, runs, apps, ratios: { toFloor: ratio('floor'), toAuthenticator: ratio('authenticator') } }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const ms = (value: number) => `${Math.round(value)} ms`
const times = (value: number) => `${value.toFixed(2)}×`

function markdown(data: FirstScreenData, slowdowns: number[]): string {
  const columns = slowdowns.flatMap((s) => MOMENTS.map((m) => column(m, s)))
  const heads = columns.map((c) => {
    const [moment, rate] = c.split(' ')
    return `${moment === 'visible' ? 'form visible' : 'form ready'}${rate === '1x' ? '' : ` at ${rate.replace('x', '×')} CPU`}`
  })
  const lines = [
    `| app | first screen JS+CSS raw | gzip | brotli | HTML gzip | ${heads.join(' | ')} |`,
    `|---|---|---|---|---|${columns.map(() => '---').join('|')}|`,
    ...APPS.map((name) => {
      const app = data.apps[name]
      return `| ${LABELS[name]} | ${kib(app.bytes.raw)} | ${kib(app.bytes.gzip)} | ${kib(app.bytes.brotli)} | ${kib(app.html.gzip)} | ${columns.map((c) => ms(app.medianMs[c]!)).join(' | ')} |`
    }),
    '',
    `| this app ÷ | raw | gzip | brotli | ${heads.join(' | ')} |`,
    `|---|---|---|---|${columns.map(() => '---').join('|')}|`,
    ...(['toFloor', 'toAuthenticator'] as const).map((to) => {
      const r = data.ratios[to]
      return `| ${to === 'toFloor' ? 'the floor' : 'the Authenticator app'} | ${times(r.raw)} | ${times(r.gzip)} | ${times(r.brotli)} | ${columns.map((c) => times(r[c]!)).join(' | ')} |`
    }),
    '',
    `Form visible: from navigation start to the first frame in which the username field is visible, its style and layout ` +
      `included (read inside that frame's requestAnimationFrame callback; the paint that follows in the same task is not). ` +
      `Form ready: the first frame in which, besides, the field's form can be submitted (its submit button is enabled). ` +
      `For the two baselines, which render their forms with JavaScript, they are the same frame; this app's form is ` +
      `prerendered into index.html and hydrated (ADR 028), so it is visible first and ready once the app has taken it over. ` +
      `Median of ${data.runs} runs per app and CPU rate, interleaved across the three apps, each in a fresh browser context ` +
      `(empty cache and storage), headless Chromium ${data.chromium}, CPU slowed with CDP's Emulation.setCPUThrottlingRate. ` +
      `Bytes: the entry script, the chunks it preloads, the classic scripts and the linked stylesheets (what \`npm run size\` counts), ` +
      `gzip at level 9, brotli at quality 11; index.html apart (this app's holds the prerendered form in both languages). ` +
      `All three are built in the same run from the same node_modules (bench/baselines/: the ` +
      `Authenticator app as Amplify UI's documentation sets it up, username sign-in with TOTP; the floor, React and ` +
      `react-dom rendering one username/password form), this app for a made-up real pool so that nothing waits on the ` +
      `network, and served uncompressed by the same static server on 127.0.0.1.`,
  ]
  return lines.join('\n')
}

import { parseArgs } from 'node:util'
import { startEmulator } from './server.ts'
import { bootTemplate, parseParamArguments, readTemplate, resolveParameters, type BootedTemplate } from './template.ts'
import { DEFAULT_APP_ORIGINS } from './request-policy.ts'
import { createTestClock } from './state/clock.ts'
import { CorruptStateError } from './state/snapshot.ts'
import { userLine } from './banner.ts'
import { DEFAULT_POOL_PORT } from './ports.ts'
import { printable } from './printable.ts'

const USAGE = `Usage: npm run emulator -- [--port ${DEFAULT_POOL_PORT}] [--state <file>] [--template <file> [--param Name=Value ...] | --no-seed] [--clock-control]

  --port <n>           port on 127.0.0.1 (0 = any free port; default ${DEFAULT_POOL_PORT})
  --state <file>       persist pools and users in this JSON file and <file>.journal
                       (default: memory only)
  --template <file>    create the pool and client of this CloudFormation template (e.g.
                       infra/user-pool.yaml) instead of the demo pools, when the state is empty
  --param Name=Value   a template parameter (repeatable), e.g. --param Mfa=ON
  --no-seed            start an empty pool when the state is empty: no demo pools (for suites that
                       create their own pools and count them)
  --clock-control      accept POST /_local/clock {"advanceMs": n} (for browser tests only)
  --cors-origin <o>    also serve browser pages from this origin (repeatable), e.g.
                       --cors-origin http://127.0.0.1:3000. Always served: clients that send no
                       Origin (AWS SDK, CLI, boto3 in Node/Python) and the Vite dev server and
                       preview origins ${DEFAULT_APP_ORIGINS.join(', ')}`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_POOL_PORT) },
      state: { type: 'string' },
      template: { type: 'string' },
      param: { type: 'string', multiple: true, default: [] },
      'clock-control': { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`)
  if (values.param.length > 0 && !values.template) throw new Error('--param needs --template')
  if (values['no-seed'] && values.template) throw new Error('--no-seed and --template both say what an empty state starts with: give one')
  // Read and check the template and its parameters before anything listens.
  const template = values.template ? readTemplate(values.template) : undefined
  const params = parseParamArguments(values.param)
  if (template) resolveParameters(template, params)
  let booted: BootedTemplate | undefined
  const emulator = await startEmulator({
    port,
    statePath: values.state,
    clockControl: values['clock-control'] ? createTestClock() : undefined,
    corsOrigins: [...DEFAULT_APP_ORIGINS, ...values['cors-origin']],
    seed: values['no-seed']
      ? false
      : template
        ? async (deps) => {
            booted = await bootTemplate(template, params, deps)
          }
        : true,
  })
  const lines = [
    `Local Cognito user pool listening on ${emulator.url}`,
    `State: ${values.state ?? 'in memory (lost on exit)'}`,
    `Browser origins served: ${[...DEFAULT_APP_ORIGINS, ...values['cors-origin']].join(', ')} (more with --cors-origin)`,
  ]
  if (values.template && !booted) {
    lines.push(`Template: ${values.template} not applied: the state already holds pools (delete it to boot from the template again)`)
  } else if (booted) {
    lines.push(`Template: ${values.template}`)
    if (booted.unmodeled.length > 0) lines.push(`Not modeled by the local pool (ignored here, applied on AWS): ${booted.unmodeled.join(', ')}`)
  }
  if (emulator.pools().length === 0) lines.push('No pools (--no-seed): create them with CreateUserPool and CreateUserPoolClient.')
  for (const pool of emulator.pools()) {
    lines.push('', `${pool.name} (MFA ${pool.mfaConfiguration})`, `  UserPoolId ${pool.userPoolId}`, `  ClientId   ${pool.clientId}`)
    for (const user of pool.users) lines.push(`  user ${userLine(user)}`)
  }
  // Pool names, usernames and passwords come from the state file or from requests: each line is
  // escaped, so none can end early and forge the READY line below.
  console.log(lines.map(printable).join('\n'))
  // The line test harnesses wait for; keep its shape.
  console.log(`READY ${emulator.url}`)
  const stop = () => {
    void emulator.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  if (error instanceof CorruptStateError) console.error(printable(error.message))
  else console.error(`[emulator] could not start: ${printable(error instanceof Error ? error.message : String(error))}`)
  process.exit(1)
})

// `npm run config -- --stack <name>`: writes amplify_outputs.json from a deployed stack of
// infra/user-pool.yaml. The AWS SDK finds credentials and region its usual way (environment,
// profile, SSO, instance role); `--region` overrides the region. Everything but the call to
// CloudFormation and the file write is pure and tested in tests/contract/config-script.test.ts.
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  type CloudFormationClientConfig,
  type DescribeStacksCommandOutput,
  type Output,
} from '@aws-sdk/client-cloudformation'

export const USAGE = `Usage: npm run config -- --stack <name> [--region <region>] [--out amplify_outputs.json]

  --stack <name>    the CloudFormation stack deployed from infra/user-pool.yaml
  --region <name>   its region (default: the AWS SDK's, e.g. AWS_REGION or the profile's)
  --out <file>      where to write (default: amplify_outputs.json, which the build reads)`

/** The template's outputs, one to one with the fields of amplify_outputs.json's auth block. */
export const OUTPUT_FIELDS = {
  Region: 'aws_region',
  UserPoolId: 'user_pool_id',
  UserPoolClientId: 'user_pool_client_id',
  MfaConfiguration: 'mfa_configuration',
} as const

// The template's MFA values (CloudFormation's) in Amplify's words.
const MFA_IN_OUTPUTS: Record<string, string> = { OPTIONAL: 'OPTIONAL', ON: 'REQUIRED', OFF: 'NONE' }

export type AmplifyOutputs = {
  version: string
  auth: {
    aws_region: string
    user_pool_id: string
    user_pool_client_id: string
    mfa_configuration: string
    mfa_methods: string[]
  }
}

export class ConfigError extends Error {}
/** A mistake on the command line: the usage is printed with it. */
export class UsageError extends ConfigError {}

/** The amplify_outputs.json of a stack, from its outputs; names every output that is missing or wrong. */
export function amplifyOutputsFromStack(outputs: readonly Output[]): AmplifyOutputs {
  const byKey = new Map(outputs.map((output) => [output.OutputKey, output.OutputValue]))
  const missing = Object.keys(OUTPUT_FIELDS).filter((key) => !byKey.get(key))
  if (missing.length > 0) {
    throw new ConfigError(`the stack has no output ${missing.join(', ')}: was it deployed from infra/user-pool.yaml?`)
  }
  const value = (key: keyof typeof OUTPUT_FIELDS) => byKey.get(key)!
  const mfa = MFA_IN_OUTPUTS[value('MfaConfiguration')]
  if (!mfa) throw new ConfigError(`the stack's MfaConfiguration output is "${value('MfaConfiguration')}", not OPTIONAL or ON`)
  return {
    // The Amplify Gen 2 outputs format; the app reads only the auth block (src/config/app-config.ts).
    version: '1.3',
    auth: {
      aws_region: value('Region'),
      user_pool_id: value('UserPoolId'),
      user_pool_client_id: value('UserPoolClientId'),
      mfa_configuration: mfa,
      // The template enables software-token MFA only (EnabledMfas: [SOFTWARE_TOKEN_MFA]).
      mfa_methods: ['TOTP'],
    },
  }
}

export type ConfigArguments = { help: true } | { help: false; stack: string; region?: string; out: string }

export function parseConfigArguments(argv: readonly string[]): ConfigArguments {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        stack: { type: 'string' },
        region: { type: 'string' },
        out: { type: 'string', default: 'amplify_outputs.json' },
        help: { type: 'boolean', default: false },
      },
    }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) return { help: true }
  if (!values.stack) throw new UsageError('--stack <name> is required')
  return { help: false, stack: values.stack, region: values.region, out: values.out }
}

/** What the script needs from the outside world; tests pass their own. */
export type ConfigDeps = {
  describeStacks(stackName: string, region: string | undefined): Promise<DescribeStacksCommandOutput>
  writeFile(path: string, text: string): void
  log(line: string): void
}

/** Runs the script; the exit code it returns is the process's. */
export async function runConfig(argv: readonly string[], deps: ConfigDeps): Promise<number> {
  try {
    const args = parseConfigArguments(argv)
    if (args.help) {
      deps.log(USAGE)
      return 0
    }
    const response = await describe(args.stack, args.region, deps)
    const outputs = amplifyOutputsFromStack(response.Stacks?.[0]?.Outputs ?? [])
    deps.writeFile(args.out, `${JSON.stringify(outputs, null, 2)}\n`)
    deps.log(
      `Wrote ${args.out}: pool ${outputs.auth.user_pool_id}, client ${outputs.auth.user_pool_client_id}, MFA ${outputs.auth.mfa_configuration}`,
    )
    return 0
  } catch (error) {
    deps.log(`config: ${error instanceof Error ? error.message : String(error)}`)
    if (error instanceof UsageError) deps.log(USAGE)
    return 1
  }
}

async function describe(stack: string, region: string | undefined, deps: ConfigDeps): Promise<DescribeStacksCommandOutput> {
  try {
    return await deps.describeStacks(stack, region)
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    const message = error instanceof Error ? error.message : String(error)
    // CloudFormation reports an unknown stack as a ValidationError "Stack with id … does not exist".
    if (name === 'ValidationError' && /does not exist/.test(message)) throw new ConfigError(`no stack "${stack}" in this account and region`)
    if (name === 'CredentialsProviderError') throw new ConfigError(`no AWS credentials found (${message}); set a profile or AWS_* variables`)
    if (name === 'AccessDenied' || name === 'AccessDeniedException') {
      throw new ConfigError(`access denied: the credentials need cloudformation:DescribeStacks (${message})`)
    }
    if (/region/i.test(message) && /missing/i.test(message)) throw new ConfigError('no AWS region: pass --region or set AWS_REGION')
    throw new ConfigError(message)
  }
}

/** DescribeStacks through the AWS SDK; `config` is for tests (a request handler instead of the network). */
export function describeStacksWith(config: CloudFormationClientConfig = {}): ConfigDeps['describeStacks'] {
  return (stack, region) =>
    new CloudFormationClient({ ...config, ...(region ? { region } : {}) }).send(new DescribeStacksCommand({ StackName: stack }))
}

const awsDeps: ConfigDeps = {
  describeStacks: describeStacksWith(),
  writeFile: (path, text) => writeFileSync(path, text),
  log: (line) => console.log(line),
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runConfig(process.argv.slice(2), awsDeps)
}

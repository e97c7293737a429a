// `npm run config`: the stack's outputs → amplify_outputs.json, as the app then reads it. The AWS
// SDK runs for real; only its HTTP handler is replaced, answering as CloudFormation's query API does.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parseTemplate } from '../../emulator/template.ts'
import {
  amplifyOutputsFromStack,
  describeStacksWith,
  OUTPUT_FIELDS,
  parseConfigArguments,
  runConfig,
  USAGE,
  type ConfigDeps,
} from '../../scripts/config.ts'
import { parseAmplifyOutputs } from '../../src/config/app-config.ts'

const STACK_OUTPUTS = [
  { OutputKey: 'Region', OutputValue: 'eu-west-1' },
  { OutputKey: 'UserPoolId', OutputValue: 'eu-west-1_AbCdEf123' },
  { OutputKey: 'UserPoolClientId', OutputValue: '1example23456789abcdefghij' },
  { OutputKey: 'MfaConfiguration', OutputValue: 'ON' },
]

/** A CloudFormation endpoint in a function: records each request body, answers with `reply`. */
function fakeCloudFormation(reply: { status: number; xml: string }) {
  const bodies: string[] = []
  const describeStacks = describeStacksWith({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        bodies.push(String(request.body))
        return {
          response: { statusCode: reply.status, headers: { 'content-type': 'text/xml' }, body: new Blob([reply.xml]).stream() },
        }
      },
    },
  })
  return { bodies, describeStacks }
}

const describeStacksXml = (outputs: typeof STACK_OUTPUTS) => `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeStacksResult><Stacks><member>
    <StackName>totp</StackName><StackStatus>CREATE_COMPLETE</StackStatus><CreationTime>2026-01-01T00:00:00Z</CreationTime>
    <Outputs>${outputs.map((o) => `<member><OutputKey>${o.OutputKey}</OutputKey><OutputValue>${o.OutputValue}</OutputValue></member>`).join('')}</Outputs>
  </member></Stacks></DescribeStacksResult>
</DescribeStacksResponse>`

function run(argv: string[], describeStacks: ConfigDeps['describeStacks']) {
  const files: Record<string, string> = {}
  const lines: string[] = []
  const result = runConfig(argv, { describeStacks, writeFile: (path, text) => (files[path] = text), log: (line) => lines.push(line) })
  return result.then((code) => ({ code, files, output: lines.join('\n') }))
}

describe('amplifyOutputsFromStack', () => {
  test('maps each output onto its field, ON as REQUIRED, and the app reads the result back', () => {
    const outputs = amplifyOutputsFromStack(STACK_OUTPUTS)
    expect(outputs).toEqual({
      version: '1.3',
      auth: {
        aws_region: 'eu-west-1',
        user_pool_id: 'eu-west-1_AbCdEf123',
        user_pool_client_id: '1example23456789abcdefghij',
        mfa_configuration: 'REQUIRED',
        mfa_methods: ['TOTP'],
      },
    })
    expect(parseAmplifyOutputs(JSON.stringify(outputs))).toEqual({
      ok: true,
      pool: { userPoolId: 'eu-west-1_AbCdEf123', userPoolClientId: '1example23456789abcdefghij', mfa: 'required' },
    })
  })

  test('OPTIONAL stays OPTIONAL (the app: MFA optional)', () => {
    const outputs = amplifyOutputsFromStack(STACK_OUTPUTS.map((o) => (o.OutputKey === 'MfaConfiguration' ? { ...o, OutputValue: 'OPTIONAL' } : o)))
    expect(outputs.auth.mfa_configuration).toBe('OPTIONAL')
    expect(parseAmplifyOutputs(JSON.stringify(outputs))).toMatchObject({ ok: true, pool: { mfa: 'optional' } })
  })

  test('names the missing outputs and refuses an unknown MFA value', () => {
    expect(() => amplifyOutputsFromStack(STACK_OUTPUTS.slice(1, 3))).toThrow(
      'the stack has no output Region, MfaConfiguration: was it deployed from infra/user-pool.yaml?',
    )
    expect(() => amplifyOutputsFromStack(STACK_OUTPUTS.map((o) => (o.OutputKey === 'MfaConfiguration' ? { ...o, OutputValue: 'SMS' } : o)))).toThrow(
      `the stack's MfaConfiguration output is "SMS", not OPTIONAL or ON`,
    )
  })

  test("the template's outputs are exactly the ones the script maps, one to one", () => {
    const template = parseTemplate(readFileSync(new URL('../../infra/user-pool.yaml', import.meta.url), 'utf8'))
    expect(Object.keys(template.Outputs ?? {}).sort()).toEqual(Object.keys(OUTPUT_FIELDS).sort())
    expect(new Set(Object.values(OUTPUT_FIELDS)).size).toBe(Object.keys(OUTPUT_FIELDS).length)
  })
})

describe('parseConfigArguments', () => {
  test('--stack is required; --region and --out are optional', () => {
    expect(parseConfigArguments(['--stack', 'totp'])).toEqual({ help: false, stack: 'totp', region: undefined, out: 'amplify_outputs.json' })
    expect(parseConfigArguments(['--stack=totp', '--region', 'eu-west-1', '--out', 'x.json'])).toEqual({
      help: false,
      stack: 'totp',
      region: 'eu-west-1',
      out: 'x.json',
    })
    expect(parseConfigArguments(['--help'])).toEqual({ help: true })
    expect(() => parseConfigArguments([])).toThrow('--stack <name> is required')
    expect(() => parseConfigArguments(['--stack', 'totp', '--bogus'])).toThrow("Unknown option '--bogus'")
  })
})

describe('runConfig through the AWS SDK', () => {
  test('asks CloudFormation for the named stack and writes amplify_outputs.json', async () => {
    const cloudFormation = fakeCloudFormation({ status: 200, xml: describeStacksXml(STACK_OUTPUTS) })
    const { code, files, output } = await run(['--stack', 'totp-prod'], cloudFormation.describeStacks)
    expect(code).toBe(0)
    expect(cloudFormation.bodies).toHaveLength(1)
    expect(new URLSearchParams(cloudFormation.bodies[0]).get('Action')).toBe('DescribeStacks')
    expect(new URLSearchParams(cloudFormation.bodies[0]).get('StackName')).toBe('totp-prod')
    expect(JSON.parse(files['amplify_outputs.json'])).toEqual(amplifyOutputsFromStack(STACK_OUTPUTS))
    expect(output).toBe('Wrote amplify_outputs.json: pool eu-west-1_AbCdEf123, client 1example23456789abcdefghij, MFA REQUIRED')
  })

  test('an unknown stack is named, and nothing is written', async () => {
    const cloudFormation = fakeCloudFormation({
      status: 400,
      xml: `<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id nope does not exist</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
    })
    const { code, files, output } = await run(['--stack', 'nope'], cloudFormation.describeStacks)
    expect(code).toBe(1)
    expect(files).toEqual({})
    expect(output).toBe('config: no stack "nope" in this account and region')
  })

  test('access denied names the IAM action', async () => {
    const cloudFormation = fakeCloudFormation({
      status: 403,
      xml: `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/x is not authorized to perform: cloudformation:DescribeStacks</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
    })
    const { code, output } = await run(['--stack', 'totp'], cloudFormation.describeStacks)
    expect(code).toBe(1)
    expect(output).toMatch(/^config: access denied: the credentials need cloudformation:DescribeStacks \(User: .* is not authorized/)
  })

  test('a stack from another template is refused with the outputs it lacks', async () => {
    const cloudFormation = fakeCloudFormation({ status: 200, xml: describeStacksXml(STACK_OUTPUTS.slice(0, 2)) })
    const { code, files, output } = await run(['--stack', 'other'], cloudFormation.describeStacks)
    expect(code).toBe(1)
    expect(files).toEqual({})
    expect(output).toBe('config: the stack has no output UserPoolClientId, MfaConfiguration: was it deployed from infra/user-pool.yaml?')
  })

  test('a command-line mistake prints the usage; --help prints it and succeeds', async () => {
    const never: ConfigDeps['describeStacks'] = () => Promise.reject(new Error('must not be called'))
    expect(await run([], never)).toEqual({ code: 1, files: {}, output: `config: --stack <name> is required\n${USAGE}` })
    expect(await run(['--help'], never)).toEqual({ code: 0, files: {}, output: USAGE })
  })
})

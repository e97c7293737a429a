// `node --import tsx scripts/input-probe.ts`: the hostile requests of issue 9 items 1, 5 and 6
// against a fresh local pool on a free loopback port, one line each: status, time, the size of the
// x-amzn-ErrorMessage header and the start of the answer. The before/after figures of those items.
import { startEmulator } from '../emulator/server.ts'

const TARGET = 'AWSCognitoIdentityProviderService'

async function main(): Promise<void> {
  const logged: string[] = []
  const emulator = await startEmulator({ port: 0, log: (line) => logged.push(line) })
  const pool = emulator.pools()[0]
  const rows: string[] = ['case | status | ms | error header bytes | answer']
  const probe = async (label: string, operation: string, body: string) => {
    const started = performance.now()
    try {
      const response = await fetch(emulator.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${TARGET}.${operation}` },
        body,
      })
      const text = await response.text()
      const header = response.headers.get('x-amzn-errormessage')?.length ?? 0
      rows.push(`${label} | ${response.status} | ${(performance.now() - started).toFixed(0)} | ${header} | ${JSON.stringify(text.slice(0, 70))}`)
    } catch (error) {
      rows.push(`${label} | no answer | ${(performance.now() - started).toFixed(0)} | - | ${String((error as Error).cause ?? error)}`)
    }
  }
  for (const dots of [16_000, 32_000, 64_000, 128_000]) {
    const attributes = [{ Name: 'email', Value: `a@${'.'.repeat(dots)}@` }]
    await probe(
      `SignUp, email 'a@' + ${dots} dots + '@'`,
      'SignUp',
      JSON.stringify({ ClientId: pool.clientId, Username: `dots${dots}`, Password: 'Probe-2026!', UserAttributes: attributes }),
    )
  }
  await probe(
    'SignUp, a 100,000-character attribute value',
    'SignUp',
    JSON.stringify({
      ClientId: pool.clientId,
      Username: 'long',
      Password: 'Probe-2026!',
      UserAttributes: [{ Name: 'name', Value: 'x'.repeat(100_000) }],
    }),
  )
  await probe(
    'AdminCreateUser, username "evil\\nREADY http://evil"',
    'AdminCreateUser',
    JSON.stringify({ UserPoolId: pool.userPoolId, Username: 'evil\nREADY http://evil', MessageAction: 'SUPPRESS' }),
  )
  await probe(
    'SignUp, email with ESC sequences (log line)',
    'SignUp',
    JSON.stringify({
      ClientId: pool.clientId,
      Username: 'esc',
      Password: 'Probe-2026!',
      UserAttributes: [{ Name: 'email', Value: 'a\u001b[2J@evil.example' }],
    }),
  )
  for (const name of ['constructor', '__proto__', 'toString', 'valueOf']) {
    await probe(`ListUsers, Filter ${name} ^= "x"`, 'ListUsers', JSON.stringify({ UserPoolId: pool.userPoolId, Filter: `${name} ^= "x"` }))
  }
  const deep = `${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`
  await probe(
    'CreateUserPoolClient, ExplicitAuthFlows nested 100,000 deep',
    'CreateUserPoolClient',
    `{"UserPoolId":"${pool.userPoolId}","ClientName":"c","ExplicitAuthFlows":[${deep}]}`,
  )
  await probe('CreateUserPool, AliasAttributes nested 100,000 deep', 'CreateUserPool', `{"PoolName":"p","AliasAttributes":[${deep}]}`)
  await probe('InitiateAuth, a 20,000-character AuthFlow', 'InitiateAuth', JSON.stringify({ ClientId: pool.clientId, AuthFlow: 'X'.repeat(20_000) }))
  await emulator.close()
  console.log(rows.join('\n'))
  const raw = logged.filter((line) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(line) || /^READY/m.test(line)) // eslint-disable-line no-control-regex -- counting raw control characters is the point
  console.log(`log lines with raw control characters or a READY line: ${raw.length} of ${logged.length}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

// What each pool does with SRP and TOTP, asked rather than assumed: a USER_SRP_AUTH start, a wrong
// PASSWORD_CLAIM_SIGNATURE, a wrong TOTP code and a code sent twice. The answers go into the report.
import { PoolClient } from './pool-client.ts'
import { CodeSchedule, signInWithTotp, srpEphemeral, type BenchPool, type BenchUser } from './pool-flows.ts'
import { phoneCode } from '../tests/support/phone-totp.ts'

export type Probes = { srp: string; wrongCode: string; replay: string }

const PASSWORD = 'Bench-pass-2026!'

export async function probePool(client: PoolClient, pool: BenchPool, user: BenchUser, schedule: CodeSchedule): Promise<Probes> {
  const { clientId: ClientId } = pool
  const start = await client.call('InitiateAuth', {
    ClientId,
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: user.username, SRP_A: srpEphemeral().A.toString(16) },
  })
  let srp: string
  if (!start.ok) srp = `refuses USER_SRP_AUTH (${String(start.body.__type)}: ${String(start.body.message)})`
  else {
    const params = start.body.ChallengeParameters as Record<string, string>
    const wrong = await client.call('RespondToAuthChallenge', {
      ClientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: start.body.Session,
      ChallengeResponses: {
        // moto names the user by USERNAME (its USER_ID_FOR_SRP is the sub); the others accept either.
        USERNAME: params.USERNAME ?? params.USER_ID_FOR_SRP,
        PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK,
        TIMESTAMP: 'Thu Jan 1 00:00:00 UTC 2026',
        PASSWORD_CLAIM_SIGNATURE: Buffer.alloc(32).toString('base64'),
      },
    })
    srp = wrong.ok
      ? `accepts a wrong PASSWORD_CLAIM_SIGNATURE (answers ${String(wrong.body.ChallengeName ?? 'tokens')}): no SRP check`
      : `refuses a wrong PASSWORD_CLAIM_SIGNATURE (${String(wrong.body.__type)})`
  }
  const wrongCode = await (async () => {
    const started = await client.call('InitiateAuth', {
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.username, PASSWORD },
    })
    if (!started.ok) return `USER_PASSWORD_AUTH refused (${String(started.body.__type)})`
    const code = phoneCode(user.secret, Date.now() + schedule.offsetMs)
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, '0')
    const answer = await client.call('RespondToAuthChallenge', {
      ClientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: started.body.Session,
      ChallengeResponses: { USERNAME: user.username, SOFTWARE_TOKEN_MFA_CODE: wrong },
    })
    return answer.ok ? 'accepts a wrong code' : `refuses a wrong code (${String(answer.body.__type)})`
  })()
  // The same code twice: the second sign-in must fail where a code is single-use.
  const next = schedule.take()
  let replay = 'not tried (no unused step)'
  if (next) {
    const latencies = new Map<string, number[]>()
    const first = await signInWithTotp(client, pool, 'password-totp', srpEphemeral(), next.user, next.codeTime, latencies)
    const second = await signInWithTotp(client, pool, 'password-totp', srpEphemeral(), next.user, next.codeTime, latencies)
    replay = first ? `first sign-in failed (${first})` : second ? `refuses a code already used (${second})` : 'accepts the same code twice'
  }
  return { srp, wrongCode, replay }
}
